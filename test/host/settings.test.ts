/** The one validation of settings (host/settings.ts), data-driven: each bad value is named and replaced by its default. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { DEFAULT_SETTINGS, resolveSettings } from "../../server/src/host/settings";

const CASES: { name: string; raw: unknown; errors: RegExp[]; warnings?: RegExp[]; check?: (s: ReturnType<typeof resolveSettings>["settings"]) => void }[] = [
  { name: "nothing given: the defaults", raw: undefined, errors: [], check: (s) => assert.deepEqual({ ...s, compiledRules: undefined }, { ...DEFAULT_SETTINGS, compiledRules: undefined }) },
  { name: "not an object", raw: [1, 2], errors: [/the settings must be a JSON object/] },
  { name: "files must be globs", raw: { files: "*.txt" }, errors: [/files must be a list of glob patterns/], check: (s) => assert.deepEqual(s.files, ["**/*.txt"]) },
  { name: "maxFileSize positive", raw: { maxFileSize: -3 }, errors: [/maxFileSize must be a positive number of characters/] },
  { name: "a rule's severity", raw: { rules: { spam: "loud" } }, errors: [/rules\.spam must be off, error, warning, information or hint/] },
  { name: "an unknown rule is a warning", raw: { rules: { nope: "off" } }, errors: [], warnings: [/unknown rule "nope"/] },
  { name: "an unknown key is a warning", raw: { recordFolder: "x" }, errors: [], warnings: [/unknown setting "articleAnnotator.recordFolder"/] },
  { name: "analysisDeadline positive", raw: { analysisDeadline: 0 }, errors: [/analysisDeadline must be a positive number of seconds/] },
  { name: "annotator a name", raw: { annotator: 7 }, errors: [/annotator must be a name/] },
  {
    name: "labels: ids, names, colors",
    raw: { labels: [{ id: "treaty", name: "Treaty", color: "#d97706" }, { id: "treaty" }, { id: "bad id" }, { id: "x", color: "red" }, { id: "plain" }] },
    errors: [/labels\[1\] repeats the id "treaty"/, /labels\[2\] needs an id/, /labels\[3\] color must be a hex color/],
    check: (s) => assert.deepEqual(s.labels, [{ id: "treaty", name: "Treaty", color: "#d97706" }, { id: "plain", name: "plain" }]),
  },
];

for (const c of CASES) {
  test(`settings: ${c.name}`, () => {
    const { settings, problems } = resolveSettings(c.raw, "articleAnnotator.");
    const errors = problems.filter((p) => p.severity === "error").map((p) => p.message);
    const warnings = problems.filter((p) => p.severity === "warning").map((p) => p.message);
    assert.equal(errors.length, c.errors.length, `errors: ${errors.join(" | ")}`);
    c.errors.forEach((pattern, k) => assert.match(errors[k]!, pattern));
    (c.warnings ?? []).forEach((pattern, k) => assert.match(warnings[k] ?? "", pattern));
    c.check?.(settings);
  });
}
