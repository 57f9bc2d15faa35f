/**
 * Entry point of the VS Code integration tests: @vscode/test-electron loads this module inside the
 * extension host (--extensionTestsPath) and awaits `run()`; a rejection makes VS Code exit with a
 * failure code. The tests run one after another, in order (later ones build on earlier ones), and
 * each result is printed as it comes. E2E_GREP=text runs only the tests whose name contains it (and
 * the `bail` tests the others need, such as activation). A failed `bail` test stops the run.
 */
import { writeFileSync } from "node:fs";
import * as vscode from "vscode";
import { tests as extensionTests } from "./extension.test";
import { DEFAULT_TEST_TIMEOUT_MS, describeError, withTimeout, type TestCase } from "./harness";

const FILES: readonly { file: string; tests: readonly TestCase[] }[] = [{ file: "extension.test", tests: extensionTests }];

export async function run(): Promise<void> {
  const grep = process.env.E2E_GREP;
  const started = Date.now();
  const failures: { name: string; error: unknown }[] = [];
  let passed = 0;
  let bailed = false;
  // Tells scripts/test-vscode.mjs that the suite started (a run that never got here "did not run").
  if (process.env.E2E_STARTED_FILE) writeFileSync(process.env.E2E_STARTED_FILE, "");
  log(`\nArticle Annotator — VS Code integration tests (VS Code ${vscode.version}${grep ? `, E2E_GREP=${JSON.stringify(grep)}` : ""})`);
  if (grep && !FILES.some((f) => f.tests.some((t) => t.name.includes(grep)))) throw new Error(`no test name contains E2E_GREP=${JSON.stringify(grep)}`);
  try {
    for (const { file, tests } of FILES) {
      if (bailed) break;
      log(`\n  ${file}`);
      for (const test of tests) {
        if (grep && !test.name.includes(grep) && !test.bail) {
          continue;
        }
        const testStarted = Date.now();
        try {
          await withTimeout(`test "${test.name}"`, test.timeoutMs ?? DEFAULT_TEST_TIMEOUT_MS, test.run);
          passed++;
          log(`    ✓ ${test.name} (${Date.now() - testStarted} ms)`);
        } catch (error) {
          failures.push({ name: test.name, error });
          log(`    ✗ ${test.name} (${Date.now() - testStarted} ms)`);
          log(indent(describeError(error), 8));
          if (test.bail) {
            bailed = true;
            log("    (the tests after this one need it: they are skipped)");
            break;
          }
        }
      }
    }
  } finally {
    // Leave no dirty editor behind (the workspace is a temporary copy), so VS Code closes without asking.
    await vscode.workspace.saveAll(false).then(undefined, (error: unknown) => log(`  (could not save the edited files: ${describeError(error)})`));
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const notRun = FILES.reduce((n, f) => n + f.tests.length, 0) - passed - failures.length;
  log(`\n  ${passed} passed, ${failures.length} failed${notRun ? `, ${notRun} not run` : ""} (${seconds} s)`);
  if (failures.length > 0) {
    log(`\n  Failed:\n${failures.map((f) => `    - ${f.name}`).join("\n")}\n`);
    throw new Error(`${failures.length} of ${passed + failures.length} VS Code integration tests failed`);
  }
  if (passed === 0) throw new Error("no test ran");
}

function log(message: string): void {
  console.log(message);
}

function indent(text: string, spaces: number): string {
  const pad = " ".repeat(spaces);
  return text.split("\n").map((line) => pad + line).join("\n");
}
