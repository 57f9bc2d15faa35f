/**
 * The label tables (l10n/labels.<language>.json, host/labels.ts): in every language, every code the
 * engine can emit (engine/codes.ts `engineCodes()`, read from its data files and types) has a label
 * that is not blank, no table lists a code the engine cannot emit, both tables list the same codes,
 * and offices read as a person expects ("Thủ tướng (Việt Nam)", "Minister of Foreign Affairs").
 */
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyze, boilerplateRules, builtInKnowledgeBase, countryName, engineCodes, type EngineCodes } from "../../server/src/engine";
import { catalogueFolder, LANGUAGES, useLanguage, type Language } from "../../server/src/host/l10n";
import { amountQualifierLabel, entityTypeLabel, LABEL_SECTIONS, labelTable, officeLabel, parseLabelTable, roleLabel, ruleDescription, useLabelFolder, type LabelTable } from "../../server/src/host/labels";
import { fixturesDir, samplesDir, sharedCorpus } from "../helpers/paths";

after(() => {
  useLabelFolder();
  useLanguage("en");
});

type Section = keyof LabelTable;
const codes = engineCodes();
const deputyForms = codes.deputyRoles.map((role) => `deputy-${role}`);

/** The codes each section must label, by the engine's own lists. */
const REQUIRED: Record<Section, readonly string[]> = {
  entityTypes: codes.entityTypes,
  roles: codes.roles,
  portfolios: codes.portfolios,
  forumKinds: codes.forumKinds,
  forumLevels: codes.forumLevels,
  forumFormats: codes.forumFormats,
  amountKinds: codes.amountKinds,
  amountQualifiers: codes.amountQualifiers,
  rules: codes.rules,
};
/** The codes a section may list: the required ones, and for roles the deputy forms the engine composes (listed where composing reads wrong). */
function allowed(section: Section): ReadonlySet<string> {
  return new Set(section === "roles" ? [...REQUIRED.roles, ...deputyForms] : REQUIRED[section]);
}

/** The file itself, as written (the parsed table drops blank labels, which this test must see). */
function rawTable(language: Language): Record<string, unknown> {
  const folder = catalogueFolder();
  assert.ok(folder, "the catalogue folder l10n/ is found");
  return JSON.parse(readFileSync(join(folder, `labels.${language}.json`), "utf8")) as Record<string, unknown>;
}

function sectionOf(raw: Record<string, unknown>, section: Section): Record<string, unknown> {
  const value = raw[section];
  assert.ok(typeof value === "object" && value !== null && !Array.isArray(value), `the section ${section} is an object`);
  return value as Record<string, unknown>;
}

function blank(value: unknown): boolean {
  return typeof value !== "string" || value.trim() === "";
}

test("the engine's lists are not empty (a broken data path would pass every check below)", () => {
  for (const section of LABEL_SECTIONS) assert.ok(REQUIRED[section].length > 0, section);
  assert.ok(codes.deputyRoles.length > 0);
});

for (const language of LANGUAGES) {
  test(`${language}: every code the engine can emit has a label, none blank`, () => {
    const raw = rawTable(language);
    const missing: string[] = [];
    for (const section of LABEL_SECTIONS) {
      const labels = sectionOf(raw, section);
      for (const code of REQUIRED[section]) if (!Object.hasOwn(labels, code)) missing.push(`${section}.${code}`);
      for (const [code, label] of Object.entries(labels)) {
        if (section === "entityTypes") {
          const entry = label as { label?: unknown; plural?: unknown } | null;
          assert.ok(!blank(entry?.label) && !blank(entry?.plural), `${language} entityTypes.${code} has a label and a plural`);
        } else assert.ok(!blank(label), `${language} ${section}.${code} is not blank`);
      }
    }
    assert.deepEqual(missing, [], `labels.${language}.json lacks these codes`);
  });

  test(`${language}: no code the engine cannot emit, no unknown section`, () => {
    const raw = rawTable(language);
    const unknownKeys = Object.keys(raw).filter((key) => key !== "$comment" && !(LABEL_SECTIONS as readonly string[]).includes(key));
    assert.deepEqual(unknownKeys, []);
    const unknown = LABEL_SECTIONS.flatMap((section) => Object.keys(sectionOf(raw, section)).filter((code) => !allowed(section).has(code)).map((code) => `${section}.${code}`));
    assert.deepEqual(unknown, [], `labels.${language}.json lists codes the engine cannot emit`);
  });

  test(`${language}: every deputy form the engine composes reads as a label, not a code`, () => {
    useLabelFolder();
    useLanguage(language);
    const table = labelTable(language);
    for (const code of deputyForms) {
      const label = roleLabel(code);
      assert.notEqual(label, code);
      if (!Object.hasOwn(table.roles, code)) assert.ok(label.includes(roleLabel(code.slice("deputy-".length))), `${code}: ${label}`);
    }
  });

  test(`${language}: the parsed table keeps every entry of the file`, () => {
    useLabelFolder();
    const raw = rawTable(language);
    const table = labelTable(language);
    for (const section of LABEL_SECTIONS) assert.deepEqual(Object.keys(table[section]).sort(), Object.keys(sectionOf(raw, section)).sort(), section);
  });
}

test("both languages' tables list the same codes", () => {
  const [first, ...others] = LANGUAGES.map((language) => ({ language, raw: rawTable(language) }));
  for (const other of others) {
    for (const section of LABEL_SECTIONS) {
      assert.deepEqual(Object.keys(sectionOf(other.raw, section)).sort(), Object.keys(sectionOf(first!.raw, section)).sort(), `${section}: ${first!.language} and ${other.language}`);
    }
  }
});

test("English rule descriptions are the engine's own", () => {
  const english = sectionOf(rawTable("en"), "rules");
  for (const rule of boilerplateRules) assert.equal(english[rule.id], rule.description, rule.id);
});

test("the engine's list of codes holds every code it emits on the test, sample and corpus articles", () => {
  const folders = [join(fixturesDir, "articles"), samplesDir, join(sharedCorpus, "articles")].filter((folder) => existsSync(folder));
  const knowledgeBase = builtInKnowledgeBase();
  const roles = [...codes.roles, ...deputyForms];
  // A portfolio the data does not know is kept as written ("Lâm nghiệp"), not as a code.
  const CODE = /^[a-z]+(?:-[a-z]+)*$/;
  const stray: string[] = [];
  const check = (kind: keyof EngineCodes, code: string | undefined, known: readonly string[] = codes[kind]): void => {
    if (code !== undefined && !known.includes(code)) stray.push(`${kind}: ${code}`);
  };
  let entities = 0;
  for (const folder of folders) {
    for (const file of readdirSync(folder).filter((name) => name.endsWith(".txt"))) {
      const analysis = analyze(readFileSync(join(folder, file), "utf8"), { knowledgeBase });
      for (const entity of analysis.entities) {
        entities++;
        check("entityTypes", entity.type);
        if (entity.type === "person") {
          for (const role of [entity.attributes.role, ...(entity.attributes.roles ?? [])]) check("roles", role, roles);
          if (entity.attributes.portfolio && CODE.test(entity.attributes.portfolio)) check("portfolios", entity.attributes.portfolio);
        } else if (entity.type === "forum") {
          check("forumKinds", entity.attributes.kind);
          check("forumLevels", entity.attributes.level);
          check("forumFormats", entity.attributes.format);
        } else if (entity.type === "amount") {
          check("amountKinds", entity.attributes.kind);
          check("amountQualifiers", entity.attributes.qualifier);
        }
      }
      for (const finding of [...analysis.boilerplate, ...(analysis.encoding ? [analysis.encoding] : []), ...(analysis.knowledgeBase ?? [])]) check("rules", finding.rule);
    }
  }
  assert.ok(entities > 0, "the articles were read");
  assert.deepEqual([...new Set(stray)], []);
});

const VN = countryName("VN")!;
/** Offices as a person reads them; `unlisted` codes must not be in either table (so the label is composed). */
const OFFICES: { office: { role?: string; portfolio?: string; country?: string }; en: string; vi: string; unlisted?: string[] }[] = [
  { office: { role: "prime-minister", country: "VN" }, en: `Prime Minister of ${VN.en}`, vi: `Thủ tướng (${VN.vi})` },
  { office: { role: "minister", portfolio: "foreign-affairs" }, en: "Minister of Foreign Affairs", vi: "Bộ trưởng Ngoại giao" },
  { office: { role: "minister", portfolio: "foreign-affairs", country: "VN" }, en: `Minister of Foreign Affairs of ${VN.en}`, vi: `Bộ trưởng Ngoại giao (${VN.vi})` },
  // Listed: "Phó Bộ trưởng" is not what Vietnamese calls a deputy minister.
  { office: { role: "deputy-minister", portfolio: "foreign-affairs" }, en: "Deputy Minister of Foreign Affairs", vi: "Thứ trưởng Ngoại giao" },
  // Composed from "mayor": "Deputy {role}" / "Phó {role}".
  { office: { role: "deputy-mayor" }, en: "Deputy Mayor", vi: "Phó Thị trưởng", unlisted: ["deputy-mayor"] },
  { office: { role: "deputy-governor", country: "VN" }, en: `Deputy Governor of ${VN.en}`, vi: `Phó Thống đốc (${VN.vi})`, unlisted: ["deputy-governor"] },
  { office: { country: "VN" }, en: VN.en, vi: VN.vi },
  { office: { portfolio: "trade" }, en: "Trade", vi: "Thương mại" },
  // A portfolio kept as written, an unknown role and an unknown country: shown as they are.
  { office: { role: "minister", portfolio: "Lâm nghiệp" }, en: "Minister of Lâm nghiệp", vi: "Bộ trưởng Lâm nghiệp" },
  { office: { role: "no-such-role", country: "XX" }, en: "no-such-role of XX", vi: "no-such-role (XX)" },
  { office: { role: "deputy-no-such-role" }, en: "deputy-no-such-role", vi: "deputy-no-such-role" },
  { office: {}, en: "", vi: "" },
];

for (const language of LANGUAGES) {
  test(`${language}: offices read as a person reads them`, () => {
    useLabelFolder();
    assert.ok(useLanguage(language));
    for (const { office, unlisted, ...expected } of OFFICES) {
      for (const code of unlisted ?? []) for (const other of LANGUAGES) assert.ok(!Object.hasOwn(labelTable(other).roles, code), `${code} is composed, not listed`);
      assert.equal(officeLabel(office), expected[language], JSON.stringify(office));
    }
  });
}

test("a missing table: every code is shown as the code, nothing throws", () => {
  const empty = mkdtempSync(join(tmpdir(), "labels-"));
  try {
    useLabelFolder(empty);
    for (const language of LANGUAGES) {
      useLanguage(language);
      assert.equal(entityTypeLabel("person"), "person");
      assert.equal(entityTypeLabel("person", true), "person");
      assert.equal(roleLabel("prime-minister"), "prime-minister");
      assert.equal(roleLabel("deputy-mayor"), "deputy-mayor");
      assert.equal(ruleDescription("spam"), undefined);
      assert.equal(officeLabel({ role: "prime-minister", country: "VN" }), language === "en" ? `prime-minister of ${VN.en}` : `prime-minister (${VN.vi})`);
    }
  } finally {
    useLabelFolder();
    useLanguage("en");
    rmSync(empty, { recursive: true, force: true });
  }
});

test("a table's $comment, blank labels and entries of the wrong shape are left out", () => {
  const table = parseLabelTable({
    $comment: "translators' notes",
    entityTypes: { person: { label: "Person", plural: "People" }, forum: { label: "Forum" }, amount: "Amount" },
    roles: { "prime-minister": "Prime Minister", minister: "", ambassador: 3, $comment: "a note" },
    portfolios: ["foreign-affairs"],
    rules: null,
  });
  assert.deepEqual(table.entityTypes, { person: { label: "Person", plural: "People" } });
  assert.deepEqual(table.roles, { "prime-minister": "Prime Minister" });
  assert.deepEqual(table.portfolios, {});
  assert.deepEqual(table.rules, {});
  assert.deepEqual(parseLabelTable("not an object"), parseLabelTable({}));
  for (const section of LABEL_SECTIONS) assert.deepEqual(parseLabelTable(null)[section], {});
});

test("amount qualifiers read as words, not codes, in both languages; one no table lists is shown as written", () => {
  const expected = { en: ["about", "more than", "less than", "up to", "at least"], vi: ["khoảng", "hơn", "dưới", "lên tới", "ít nhất"] };
  try {
    useLabelFolder();
    for (const language of LANGUAGES) {
      useLanguage(language);
      assert.deepEqual(["about", "more-than", "less-than", "up-to", "at-least"].map(amountQualifierLabel), expected[language], language);
      assert.equal(amountQualifierLabel("khoảng"), "khoảng");
    }
  } finally {
    useLanguage("en");
  }
});
