/**
 * The engine's messages (engine/l10n.ts): every finding a person reads carries the template it was
 * said with, the template is a key of the catalogues (l10n/bundle.l10n.json and its Vietnamese
 * translation), and filling it with its arguments gives the English message the record keeps.
 *
 * Read over every article set the digest test reads (test/helpers/analysisDigests.ts: the shared
 * corpora when beside the repository, the project's own sets, the samples and texts built from
 * them), analyzed as the CLI does; then over the paths those sets do not reach: the encoding
 * warning (one template per number of examples), the knowledge base's title check (one template per
 * shape of the terms) and user rules. For the last two, the English is also compared with the
 * sentence as the engine wrote it before it had templates, so a template cannot change the record.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import {
  analyze,
  boilerplateRules,
  compileCustomRules,
  describeLegacyEvidence,
  describeTerm,
  detectLegacyEncoding,
  formatTemplate,
  KnowledgeBase,
  type Analysis,
  type KbRole,
  type KnowledgeBaseData,
  type MessageTemplate,
} from "../../server/src/engine";
import { boundedMessage, MAX_MESSAGE, MAX_QUOTE } from "../../server/src/engine/text/shorten";
import { analyzeAsCli, digestSets, keyedTexts } from "../helpers/analysisDigests";
import { ENCODING_ARTICLE } from "../helpers/encodingArticle";
import { repoRoot } from "../helpers/paths";

const readCatalogue = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(repoRoot, "l10n", name), "utf8")) as Record<string, unknown>;
const english = readCatalogue("bundle.l10n.json");
const vietnamese = readCatalogue("bundle.l10n.vi.json");
const BUILT_IN = new Set(boilerplateRules.map((rule) => rule.id));

/** What is wrong with one said message (empty when nothing): `where` names it in the list of problems. */
function problemsOf(where: string, said: { message: string; template?: MessageTemplate }): string[] {
  const { template } = said;
  if (!template) return [];
  const problems: string[] = [];
  if (!(template.message in english)) problems.push(`${where}: ${JSON.stringify(template.message)} is not a key of l10n/bundle.l10n.json`);
  if (!(template.message in vietnamese)) problems.push(`${where}: ${JSON.stringify(template.message)} has no Vietnamese translation`);
  // Every placeholder has its argument and every argument its placeholder.
  const used = new Set([...template.message.matchAll(/\{(\d+)\}/g)].map((m) => Number(m[1])));
  if (used.size !== template.args.length || [...used].some((index) => index >= template.args.length)) problems.push(`${where}: ${template.args.length} arguments for the placeholders of ${JSON.stringify(template.message)}`);
  // Filled in, the template is the English message (quotes shortened alike: the arguments are
  // shortened as the message's quotes are); a message cut at MAX_MESSAGE is the filled one cut.
  const filled = formatTemplate(template.message, template.args);
  if (filled !== said.message && !(filled.length > MAX_MESSAGE && boundedMessage(filled) === said.message)) problems.push(`${where}: ${JSON.stringify(filled)} is not ${JSON.stringify(said.message)}`);
  return problems;
}

/** The problems of every message of an analysis: its debris findings (and their related lines), the encoding warning, the knowledge base's findings. */
function analysisProblems(key: string, analysis: Analysis): string[] {
  const problems: string[] = [];
  for (const finding of analysis.boilerplate) {
    const where = `${key} ${finding.rule} line ${finding.startLine + 1}`;
    if (BUILT_IN.has(finding.rule) && !finding.template) problems.push(`${where}: a built-in rule's finding has no template`);
    problems.push(...problemsOf(where, finding));
    if (finding.related) {
      if (!finding.related.template) problems.push(`${where}: its related line's message has no template`);
      problems.push(...problemsOf(`${where} (related)`, finding.related));
    }
  }
  if (analysis.encoding) {
    if (!analysis.encoding.template) problems.push(`${key} encoding: no template`);
    problems.push(...problemsOf(`${key} encoding`, analysis.encoding));
  }
  for (const finding of analysis.knowledgeBase ?? []) {
    if (!finding.template) problems.push(`${key} kb-title at ${finding.start}: no template`);
    problems.push(...problemsOf(`${key} kb-title at ${finding.start}`, finding));
  }
  return problems;
}

for (const set of digestSets()) {
  const name = `messages: every ${set.name} finding carries its template, a catalogue key, which filled in is its English message${set.missing ? ` (skipped: ${set.missing})` : ""}`;
  test(name, { skip: Boolean(set.missing) }, () => {
    const problems: string[] = [];
    let findings = 0;
    for (const [key, read] of keyedTexts(set)) {
      const analysis = analyzeAsCli(read());
      findings += analysis.boilerplate.length + (analysis.knowledgeBase?.length ?? 0) + (analysis.encoding ? 1 : 0);
      problems.push(...analysisProblems(key, analysis));
    }
    assert.ok(findings > 0, `the ${set.name} set gives findings to check`);
    assert.deepEqual(problems.slice(0, 20), [], `${problems.length} problems`);
  });
}

/** What an editor shows of `text` stored in TCVN3 when it reads the bytes as Windows-1252. */
const tcvn3Mojibake = (text: string): string => iconv.decode(iconv.encode(text, "tcvn"), "windows-1252");

test("messages: the encoding warning, with one, two and three examples, is the sentence the engine always wrote", () => {
  // Words of the test article that TCVN3 read as Windows-1252 turns into mojibake, each repeated:
  // the evidence then holds as many examples as there are distinct words.
  const words = [...new Set(ENCODING_ARTICLE.split(/[\s,.:]+/u))].filter((word) => /[^\p{ASCII}]/u.test(word) && tcvn3Mojibake(word) !== word);
  const texts = [
    [1, tcvn3Mojibake(Array(4).fill(words[0]).join(" "))],
    [2, tcvn3Mojibake(Array(3).fill(`${words[0]} ${words[1]}`).join(" "))],
    [3, tcvn3Mojibake(ENCODING_ARTICLE)],
  ] as const;
  const templates = new Set<string>();
  for (const [examples, text] of texts) {
    const evidence = detectLegacyEncoding(text);
    assert.equal(evidence?.examples.length, examples, `${examples} example(s) in ${JSON.stringify(text)}`);
    const finding = analyze(text).encoding;
    assert.ok(finding?.template, "the warning carries its template");
    assert.equal(
      finding.message,
      `Looks like ${evidence.label} text read as Windows-1252 (mojibake): ${describeLegacyEvidence(evidence)}. Nothing is annotated or fixed in it; open the original file as ${evidence.label}, or convert it to UTF-8, and analyze that.`,
    );
    assert.deepEqual(analysisProblems(`${examples} example(s)`, analyze(text)), []);
    templates.add(finding.template.message);
  }
  assert.equal(templates.size, 3, "one template per number of examples");
});

const SOURCE = "https://example.org/kb";
const term = (start: string, end?: string): KbRole => ({ role: "prime-minister", start, ...(end ? { end } : {}), source: `${SOURCE}/${start}` });
const foreignMinister = (start: string, end?: string): KbRole => ({ ...term(start, end), role: "minister", portfolio: "foreign-affairs" });
/** Offices written for the test, one person per shape of the terms of the office an article's title gets wrong on 2010-03-05. */
const SHAPES: { name: string; terms: KbRole[] }[] = [
  { name: "Lê Văn An", terms: [term("2001-01-05", "2006-06-30")] },
  { name: "Lê Văn Bảo", terms: [term("2015-04")] },
  { name: "Lê Văn Cường", terms: [term("2001", "2003"), term("2006-06", "2008-12-31")] },
  { name: "Lê Văn Dũng", terms: [term("2001", "2003"), term("2012-07-01")] },
  { name: "Lê Văn Đức", terms: [term("1995", "1997"), term("2001", "2003"), term("2012-07-01")] },
];
const KB_DATA: KnowledgeBaseData = {
  people: [
    ...SHAPES.map(({ name, terms }, k) => ({ id: `vn.pm-${k}`, name, country: "VN", source: SOURCE, roles: terms })),
    // The same shapes for a foreign minister who is deputy prime minister on the article's date: a
    // title naming both offices gets one of them wrong, and the finding names the office.
    ...SHAPES.map(({ name, terms }, k) => ({
      id: `vn.fm-${k}`,
      name: name.replace("Lê", "Trần"),
      country: "VN",
      source: SOURCE,
      roles: [...terms.map((t) => foreignMinister(t.start, t.end ?? undefined)), { role: "deputy-prime-minister", start: "2009", end: "2011", source: `${SOURCE}/dpm` }],
    })),
  ],
};

test("messages: the knowledge base's title check, for each shape of the terms, is the sentence the engine always wrote", () => {
  const kb = new KnowledgeBase([KB_DATA]);
  const templates = new Set<string>();
  for (const person of KB_DATA.people ?? []) {
    const title = person.id.startsWith("vn.pm") ? "Thủ tướng" : "Phó Thủ tướng, Bộ trưởng Ngoại giao";
    const analysis = analyze(`Hà Nội, ngày 5/3/2010\n${title} ${person.name} tiếp Đại sứ Nhật Bản.\n`, { knowledgeBase: kb });
    assert.equal(analysis.knowledgeBase?.length, 1, person.name);
    const finding = analysis.knowledgeBase[0]!;
    const entity = analysis.entities.find((e) => e.type === "person" && e.start === finding.start);
    assert.ok(entity?.type === "person" && entity.attributes.title, `${person.name} is found with a title`);
    // The sentence as the engine wrote it before it had templates.
    const wrong = person.roles.filter((r) => r.role !== "deputy-prime-minister");
    const office = person.id.startsWith("vn.pm") ? "that office" : "the office of minister (foreign-affairs)";
    const before = `The article calls ${person.name} "${entity.attributes.title}" on 2010-03-05; the knowledge base has ${person.name} in ${office} ${wrong.map(describeTerm).join(" and ")}.`;
    assert.equal(finding.message, before);
    assert.deepEqual(analysisProblems(person.name, analysis), []);
    templates.add(finding.template!.message);
  }
  // One, two and three terms, the last ended or still held; "that office" or the office named:
  // three terms say the same template as two, so eight of them.
  assert.equal(templates.size, 8, [...templates].join("\n"));
});

test("messages: a user rule's own message has no template; its default message and the problems of bad rules have theirs", () => {
  const { rules, problems } = compileCustomRules([
    { id: "footer", pattern: "^Bài viết này do" },
    { id: "menu", pattern: "^Mọi ý kiến", message: "Our own words" },
    "not an object",
    { id: "bad id!", pattern: "x" },
    { id: "empty", pattern: "" },
    { id: "message", pattern: "x", message: 3 },
    { id: "severity", pattern: "x", severity: "loud" },
    { id: "regex", pattern: "(" },
  ]);
  assert.equal(rules.length, 2);
  // Two sentences no built-in rule takes: only the user rules find them.
  const analysis = analyze("Bài viết này do phóng viên thường trú của báo thực hiện trong nhiều tuần tại các tỉnh miền núi.\nMọi ý kiến đóng góp về nội dung bài viết xin gửi về ban biên tập qua đường bưu điện.\n", { customRules: rules });
  const footer = analysis.boilerplate.find((f) => f.rule === "custom.footer");
  const menu = analysis.boilerplate.find((f) => f.rule === "custom.menu");
  assert.equal(footer?.message, 'Matches the user rule "footer".');
  assert.deepEqual(footer.template, { message: 'Matches the user rule "{0}".', args: ["footer"] });
  assert.equal(menu?.message, "Our own words");
  assert.equal(menu.template, undefined, "a user's own message is said as written");
  assert.deepEqual(analysisProblems("user rules", analysis), []);

  assert.deepEqual(problems.map((p) => p.message), [
    "customRules[2] must be an object",
    "customRules[3].id must be a short name (letters, digits, . _ -)",
    "customRules[4].pattern must be a regular expression of 1 to 500 characters",
    "customRules[5].message must be text",
    "customRules[6].severity must be one of error, warning, information, hint",
    `customRules[7].pattern is not a valid regular expression: ${regexComplaint("(")}`,
  ]);
  assert.deepEqual(problems.flatMap((p, k) => problemsOf(`problem ${k}`, p)), []);
  const notAList = compileCustomRules({ id: "x" });
  assert.deepEqual(notAList.problems.map((p) => p.message), ["customRules must be a list of { id, pattern, message?, severity? }"]);
  assert.deepEqual(problemsOf("not a list", notAList.problems[0]!), []);
});

/** What JavaScript says of `pattern` compiled with the flags user rules use. */
function regexComplaint(pattern: string): string {
  try {
    new RegExp(pattern, "iu");
  } catch (error) {
    return (error as Error).message;
  }
  return "";
}

test("messages: a quote too long for a message is shortened alike in the message and in its template's arguments", () => {
  // A sentence written for the test, its spaces stripped: a run of letters longer than a quote may be.
  const sentence = "hai bên nhất trí thúc đẩy hợp tác toàn diện trong các lĩnh vực kinh tế thương mại đầu tư giáo dục và văn hóa";
  const stripped = sentence.replaceAll(" ", "");
  assert.ok(stripped.length > MAX_QUOTE);
  const text = `Hà Nội, ngày 5/3/2010\nHai nước ký kết thỏa thuận hợp tác mới về kinh tế và thương mại trong năm nay.\n${stripped}\nCác bên sẽ gặp lại nhau vào năm sau để đánh giá kết quả thực hiện thỏa thuận này.\n`;
  const analysis = analyze(text);
  const finding = analysis.boilerplate.find((f) => f.rule === "run-together");
  assert.ok(finding?.template, "the stripped spaces are found");
  assert.ok(finding.template.args.every((arg) => arg.length <= MAX_QUOTE), "every argument is at most a quote long");
  assert.ok(finding.template.args.some((arg) => arg.includes("…")), "the long ones are shortened");
  assert.ok(!finding.message.includes(stripped), "the message does not carry the whole run");
  assert.deepEqual(analysisProblems("stripped spaces", analysis), []);
});
