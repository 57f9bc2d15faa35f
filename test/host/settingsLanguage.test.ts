// The settings' problems are said in the language in use, a user rule's among them (the engine
// gives them with their templates: compileCustomRules' `problems`).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { resolveSettings } from "../../server/src/host/settings";
import { useLanguage } from "../../server/src/host/l10n";
import { repoRoot } from "../helpers/paths";

const vi = JSON.parse(readFileSync(join(repoRoot, "l10n", "bundle.l10n.vi.json"), "utf8")) as Record<string, string>;

test("a bad user rule is told in Vietnamese when the language is Vietnamese, in English otherwise", () => {
  const raw = { customRules: [5, { id: "a b", pattern: "x" }] };
  try {
    useLanguage("vi");
    const said = resolveSettings(raw, "articleAnnotator.").problems.map((p) => p.message);
    assert.deepEqual(said, [
      `articleAnnotator.${vi["{0} must be an object"]!.replace("{0}", "customRules[0]")}`,
      `articleAnnotator.${vi["{0}.id must be a short name (letters, digits, . _ -)"]!.replace("{0}", "customRules[1]")}`,
    ]);
    assert.ok(!said.some((message) => message.includes("must be")), said.join("\n"));
    useLanguage("en");
    assert.deepEqual(resolveSettings(raw, "articleAnnotator.").problems.map((p) => p.message), [
      "articleAnnotator.customRules[0] must be an object",
      "articleAnnotator.customRules[1].id must be a short name (letters, digits, . _ -)",
    ]);
  } finally {
    useLanguage("en");
  }
});
