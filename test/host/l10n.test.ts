// Which language the interface speaks (host/l10n.ts): a locale's language (POSIX and BCP 47, any
// case; "C", "POSIX" and none say nothing; any language but Vietnamese is English), a setting over
// the locale, the environment's locale by POSIX precedence (LC_ALL > LC_MESSAGES > LANG), and the
// CLI's choice (cli/language.ts: --lang > the settings file's "language" > the environment).
import { test } from "node:test";
import assert from "node:assert/strict";
import * as l10n from "@vscode/l10n";
import { chooseLanguage, currentLanguage, environmentLocale, formatDecimal, formatNumber, isLanguageSetting, languageOfLocale, localize, useLanguage } from "../../server/src/host/l10n";
import { describeStopped } from "../../server/src/host/analysisPool";
import { formatBytes } from "../../server/src/host/articleFiles";
import { cliLanguage, lastValue } from "../../server/src/cli/language";
import { resolveSettings } from "../../server/src/host/settings";

test("languageOfLocale: Vietnamese in POSIX and BCP 47 spellings, any case", () => {
  for (const locale of ["vi_VN.UTF-8", "vi-VN", "vi", "VI", "Vi_vn", "vi_VN@euro", " vi_VN.utf8 "]) assert.equal(languageOfLocale(locale), "vi", locale);
});

test("languageOfLocale: C, POSIX, empty and no locale name no language", () => {
  for (const locale of ["C", "POSIX", "C.UTF-8", "c", "", "   ", undefined]) assert.equal(languageOfLocale(locale), undefined, String(locale));
});

test("languageOfLocale: every other language is English (the interface has no third)", () => {
  for (const locale of ["en_US", "en-GB", "EN", "fr_FR", "fr_FR.UTF-8", "de", "zh-Hans-CN"]) assert.equal(languageOfLocale(locale), "en", locale);
});

test("chooseLanguage: a setting naming a language beats the locale; auto or none follows it; English by default", () => {
  assert.equal(chooseLanguage("en", "vi_VN.UTF-8"), "en");
  assert.equal(chooseLanguage("vi", "en_US.UTF-8"), "vi");
  assert.equal(chooseLanguage("vi", undefined), "vi");
  assert.equal(chooseLanguage("auto", "vi_VN.UTF-8"), "vi");
  assert.equal(chooseLanguage(undefined, "vi-VN"), "vi");
  assert.equal(chooseLanguage("auto", "fr_FR"), "en");
  assert.equal(chooseLanguage("auto", "C"), "en");
  assert.equal(chooseLanguage("auto", undefined), "en");
  assert.equal(chooseLanguage(undefined, undefined), "en");
});

test("environmentLocale: LC_ALL, then LC_MESSAGES, then LANG; an empty one is not set", () => {
  assert.equal(environmentLocale({ LC_ALL: "vi_VN.UTF-8", LC_MESSAGES: "en_US.UTF-8", LANG: "en_US.UTF-8" }), "vi_VN.UTF-8");
  assert.equal(environmentLocale({ LC_ALL: "C", LANG: "vi_VN.UTF-8" }), "C");
  assert.equal(environmentLocale({ LC_MESSAGES: "vi_VN", LANG: "en_US" }), "vi_VN");
  assert.equal(environmentLocale({ LC_ALL: "", LC_MESSAGES: "", LANG: "vi_VN.UTF-8" }), "vi_VN.UTF-8");
  assert.equal(environmentLocale({ LANG: "en_US.UTF-8" }), "en_US.UTF-8");
  assert.equal(environmentLocale({ LC_CTYPE: "vi_VN.UTF-8" }), undefined); // LC_CTYPE is not about messages
  assert.equal(environmentLocale({}), undefined);
  // POSIX: LC_ALL=C overrides a Vietnamese LANG, so English.
  assert.equal(chooseLanguage(undefined, environmentLocale({ LC_ALL: "C", LANG: "vi_VN.UTF-8" })), "en");
});

test("isLanguageSetting: auto, en and vi only", () => {
  for (const value of ["auto", "en", "vi"]) assert.equal(isLanguageSetting(value), true, value);
  for (const value of ["VI", "vi_VN", "fr", "", undefined, null, 1, ["vi"]]) assert.equal(isLanguageSetting(value), false, String(value));
});

test("the settings' language: auto by default, checked, named in the one validation", () => {
  assert.equal(resolveSettings({}).settings.language, "auto");
  assert.equal(resolveSettings({ language: "vi" }).settings.language, "vi");
  const bad = resolveSettings({ language: "vietnamese" }, "articleAnnotator.");
  assert.equal(bad.settings.language, "auto");
  assert.deepEqual(
    bad.problems.map((p) => [p.severity, p.key, p.message]),
    [["error", "articleAnnotator.language", "articleAnnotator.language must be auto, vi or en"]],
  );
});

const env = (vars: NodeJS.ProcessEnv): NodeJS.ProcessEnv => vars;
const noFile = (): undefined => undefined;

test("cliLanguage: --lang beats the settings file, which beats the environment", () => {
  const file = (path: string): string | undefined => (path === ".article-annotator.json" ? '{"language": "vi"}' : undefined);
  assert.deepEqual(cliLanguage(["--help"], env({ LANG: "en_US.UTF-8" }), file), { language: "vi" });
  assert.deepEqual(cliLanguage(["--help", "--lang", "en"], env({ LANG: "vi_VN.UTF-8" }), file), { language: "en" });
  assert.deepEqual(cliLanguage(["--lang=en", "lint"], env({ LANG: "vi_VN.UTF-8" }), file), { language: "en" });
  assert.deepEqual(cliLanguage(["lint"], env({ LANG: "vi_VN.UTF-8" }), noFile), { language: "vi" });
  assert.deepEqual(cliLanguage(["lint"], env({ LC_ALL: "en_US.UTF-8", LANG: "vi_VN.UTF-8" }), noFile), { language: "en" });
  assert.deepEqual(cliLanguage(["lint"], env({}), noFile), { language: "en" });
  // --lang auto is the environment's, whatever the file says.
  assert.deepEqual(cliLanguage(["--lang", "auto"], env({ LANG: "en_US" }), file), { language: "en" });
  // The file named by --config is the one read.
  const other = (path: string): string | undefined => (path === "mine.json" ? '\uFEFF{"language": "vi"}' : undefined);
  assert.deepEqual(cliLanguage(["lint", "--config", "mine.json"], env({}), other), { language: "vi" });
  assert.deepEqual(cliLanguage(["lint", "--config=mine.json"], env({}), other), { language: "vi" });
});

test("cliLanguage: a settings file that cannot be read or holds no valid language says nothing", () => {
  for (const text of ["{", "[]", "null", '{"language": "fr"}', '{"language": 1}', "{}"]) {
    assert.deepEqual(cliLanguage([], env({ LANG: "vi_VN.UTF-8" }), () => text), { language: "vi" }, text);
    assert.deepEqual(cliLanguage([], env({}), () => text), { language: "en" }, text);
  }
});

test("cliLanguage: a --lang naming no language is returned to be reported, in the language chosen without it", () => {
  assert.deepEqual(cliLanguage(["--lang", "xx"], env({ LANG: "vi_VN.UTF-8" }), noFile), { language: "vi", badFlag: "xx" });
  assert.deepEqual(cliLanguage(["--lang=VI"], env({}), noFile), { language: "en", badFlag: "VI" });
  // Arguments after "--" are paths, not options.
  assert.deepEqual(cliLanguage(["lint", "--", "--lang", "xx"], env({}), noFile), { language: "en" });
});

test("lastValue: the last NAME VALUE or NAME=VALUE before --", () => {
  assert.equal(lastValue(["--lang", "vi", "--lang=en"], "--lang"), "en");
  assert.equal(lastValue(["--lang=vi", "x", "--", "--lang", "en"], "--lang"), "vi");
  assert.equal(lastValue(["--lang"], "--lang"), undefined);
  assert.equal(lastValue(["--lang", "--help"], "--lang"), undefined);
  assert.equal(lastValue(["--language", "vi"], "--lang"), undefined);
});

test("useLanguage loads the Vietnamese catalogue; English is the templates themselves", () => {
  try {
    assert.equal(useLanguage("vi"), true);
    assert.equal(currentLanguage(), "vi");
    assert.equal(l10n.t("no such file or folder"), "không có tệp hoặc thư mục này");
    assert.equal(l10n.t("{0}: converted from {1} to UTF-8", "a.txt", "TCVN3"), "a.txt: đã chuyển từ TCVN3 sang UTF-8");
    // An engine message: the template's translation with its arguments; one without a template as written.
    const said = { message: "Repeats the line above (a caption or headline copy).", template: { message: "Repeats the line above (a caption or headline copy).", args: [] } };
    assert.notEqual(localize(said), said.message);
    assert.equal(localize({ message: "Acme's footer" }), "Acme's footer");
    assert.equal(useLanguage("en"), true);
    assert.equal(l10n.t("no such file or folder"), "no such file or folder");
    assert.equal(localize(said), said.message);
  } finally {
    useLanguage("en");
  }
});

/** What `say` returns in `language`, English restored after. */
function saidIn<T>(language: "en" | "vi", say: () => T): T {
  try {
    useLanguage(language);
    return say();
  } finally {
    useLanguage("en");
  }
}

test("formatNumber and formatDecimal: English groups thousands with \",\" and marks decimals with \".\"; Vietnamese the other way round", () => {
  const numbers = (): string[] => [formatNumber(2_500_000), formatNumber(1000), formatNumber(999), formatNumber(0.001), formatNumber(3.8), formatNumber(-0.4), formatDecimal(0.9716, 3), formatDecimal(1, 3), formatDecimal(1536.04, 1), formatDecimal(7.25, 0)];
  assert.deepEqual(saidIn("en", numbers), ["2,500,000", "1,000", "999", "0.001", "3.8", "-0.4", "0.972", "1.000", "1,536.0", "7"]);
  assert.deepEqual(saidIn("vi", numbers), ["2.500.000", "1.000", "999", "0,001", "3,8", "-0,4", "0,972", "1,000", "1.536,0", "7"]);
});

test("formatBytes and describeStopped: numbers as the language writes them, English as before", () => {
  const said = (): string[] => [formatBytes(512), formatBytes(5 * 1024), formatBytes(1.5 * 1024 * 1024), describeStopped(0.001), describeStopped(10)];
  assert.deepEqual(saidIn("en", said), ["512 B", "5.0 KB", "1.5 MB", "analysis stopped after 0.001 s (the engine did not finish on this text)", "analysis stopped after 10 s (the engine did not finish on this text)"]);
  const vi = saidIn("vi", said);
  assert.deepEqual(vi.slice(0, 3), ["512 B", "5,0 KB", "1,5 MB"]);
  assert.match(vi[3]!, /^đã dừng phân tích sau 0,001 giây /);
  assert.match(vi[4]!, /^đã dừng phân tích sau 10 giây /);
});
