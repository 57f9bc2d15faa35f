/**
 * `lint`: debris as a linter reports problems, `path:line:col: severity: message [rule]`. The text
 * says the message in the language in use (severity and rule id stay codes, for problem matchers);
 * `--format json` keeps the engine's English message, like every machine-readable output.
 */
import { LineIndex, type MessageTemplate } from "../engine";
import { localize } from "../host/l10n";
import { forEachArticle, type ArticleRun } from "./articles";
import type { Io } from "./io";

export interface LintOptions extends ArticleRun {
  format: "text" | "json";
}

interface Problem {
  path: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  rule: string;
  message: string;
  /** None for mojibake ([encoding]): nothing in such a text is fixed. */
  fix?: { start: number; end: number; newText: string };
}

/** Exit status: 0 nothing found, 1 debris found, 2 a file could not be read or its analysis was stopped. */
export async function lint(inputs: readonly string[], options: LintOptions, io: Io): Promise<number> {
  const problems: Problem[] = [];
  const { failed } = await forEachArticle(inputs, options, io, ({ article, analysis }) => {
    const index = new LineIndex(article.text);
    const report = (finding: { start: number; end: number; severity: string; rule: string; message: string; template?: MessageTemplate; fix?: Problem["fix"] }, last: number): void => {
      const start = index.positionAt(finding.start);
      const end = index.positionAt(last);
      const problem: Problem = {
        path: article.path,
        line: start.line + 1,
        column: start.character + 1,
        endLine: end.line + 1,
        endColumn: end.character + 1,
        severity: finding.severity,
        rule: finding.rule,
        message: finding.message,
      };
      if (finding.fix) problem.fix = finding.fix;
      problems.push(problem);
      if (options.format === "text") io.stdout(`${problem.path}:${problem.line}:${problem.column}: ${problem.severity}: ${localize(finding)} [${problem.rule}]\n`);
    };
    if (analysis.encoding) report(analysis.encoding, analysis.encoding.end);
    // A block ending with its line break ends on its last text line.
    for (const finding of analysis.boilerplate) report(finding, Math.max(finding.start, finding.end - (finding.scope === "lines" ? 1 : 0)));
  });
  if (options.format === "json") io.stdout(JSON.stringify(problems, null, 2) + "\n");
  if (failed > 0) return 2;
  return problems.length > 0 ? 1 : 0;
}
