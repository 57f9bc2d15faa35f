/**
 * What a person reads for a code: the label of an entity type, a role, a portfolio, a country, a
 * forum's kind, level or format, an amount's kind or qualifier, a debris rule. Records keep the codes
 * (`prime-minister`, `foreign-affairs`, ISO 3166-1 alpha-2 `VN`): they are data for other tools.
 *
 * The tables are data files, one per language (`l10n/labels.<language>.json`, read once per
 * language from the catalogue folder, `host/l10n.ts`); country names come from the engine's country
 * data (`data/countries.json`: `en`, and the first of `vi`). A code no table lists is shown as the
 * code (test/host/labels.test.ts holds every code the engine can emit, `engineCodes()`, listed in
 * every language's table). A file's `$comment` (its translators' notes) is not a section.
 */
import * as l10n from "@vscode/l10n";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { countryName, type EntityType } from "../engine";
import { catalogueFolder, currentLanguage, type Language } from "./l10n";

/** One language's label table (l10n/labels.<language>.json). */
export interface LabelTable {
  /** Per entity type: its name as a heading, singular and plural ("Person", "People"). */
  entityTypes: Record<string, { label: string; plural: string }>;
  /** Per role code ("prime-minister": "Prime Minister"). `deputy-<role>` not listed is composed ("Deputy {role}"). */
  roles: Record<string, string>;
  /** Per portfolio code ("foreign-affairs": "Foreign Affairs"). */
  portfolios: Record<string, string>;
  /** Per forum kind, level and format code. */
  forumKinds: Record<string, string>;
  forumLevels: Record<string, string>;
  forumFormats: Record<string, string>;
  /** Per amount kind ("money", "percent", "quantity"). */
  amountKinds: Record<string, string>;
  /** Per amount qualifier ("about", "more-than": "more than"), the words before the number. */
  amountQualifiers: Record<string, string>;
  /** Per debris rule id: what the rule finds, one sentence. */
  rules: Record<string, string>;
}

export const LABEL_SECTIONS = ["entityTypes", "roles", "portfolios", "forumKinds", "forumLevels", "forumFormats", "amountKinds", "amountQualifiers", "rules"] as const satisfies readonly (keyof LabelTable)[];

const EMPTY: LabelTable = { entityTypes: {}, roles: {}, portfolios: {}, forumKinds: {}, forumLevels: {}, forumFormats: {}, amountKinds: {}, amountQualifiers: {}, rules: {} };
const tables = new Map<Language, LabelTable>();
/** The folder the tables are read from instead of the catalogue folder (`useLabelFolder`). */
let labelFolder: string | undefined;

/**
 * Reads the label tables from `folder` from now on (a folder without them: every code is shown as
 * the code), forgetting the tables read before; with no folder, from the catalogue folder again.
 * For tests and tools: the front doors never call it.
 */
export function useLabelFolder(folder?: string): void {
  labelFolder = folder;
  tables.clear();
}

/** A section's own entries whose values pass `valid`; a note (a key starting with "$") and anything else is left out. */
function entries<T>(value: unknown, valid: (entry: unknown) => entry is T): Record<string, T> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, T] => !entry[0].startsWith("$") && valid(entry[1])));
}

function isLabel(value: unknown): value is string {
  return typeof value === "string" && value.trim() !== "";
}

function isTypeLabel(value: unknown): value is { label: string; plural: string } {
  return typeof value === "object" && value !== null && isLabel((value as { label?: unknown }).label) && isLabel((value as { plural?: unknown }).plural);
}

/**
 * A label table from a file's JSON: the known sections (`LABEL_SECTIONS`), each keeping only
 * entries with a label that is not blank; notes (`$comment`, any key starting with "$") are ignored.
 */
export function parseLabelTable(json: unknown): LabelTable {
  const file = typeof json === "object" && json !== null ? (json as Record<string, unknown>) : {};
  const table: LabelTable = { ...EMPTY, entityTypes: entries(file.entityTypes, isTypeLabel) };
  for (const section of LABEL_SECTIONS) if (section !== "entityTypes") table[section] = entries(file[section], isLabel);
  return table;
}

/**
 * The label table of `language` (`l10n/labels.<language>.json`), read once. A missing or malformed
 * file gives empty sections (codes are then shown as codes), never an exception.
 */
export function labelTable(language: Language = currentLanguage()): LabelTable {
  let table = tables.get(language);
  if (!table) {
    table = EMPTY;
    const folder = labelFolder ?? catalogueFolder();
    try {
      if (folder) table = parseLabelTable(JSON.parse(readFileSync(join(folder, `labels.${language}.json`), "utf8")));
    } catch {
      table = EMPTY;
    }
    tables.set(language, table);
  }
  return table;
}

function look(section: Exclude<keyof LabelTable, "entityTypes">, code: string): string | undefined {
  const labels = labelTable()[section];
  return Object.hasOwn(labels, code) ? labels[code] : undefined;
}

/** The entity type's name in the language in use ("Person" / "Nhân vật"); `plural` for the plural. */
export function entityTypeLabel(type: EntityType, plural = false): string {
  const types = labelTable().entityTypes;
  const entry = Object.hasOwn(types, type) ? types[type] : undefined;
  return (plural ? entry?.plural : entry?.label) ?? type;
}

/** A role's label ("Prime Minister" / "Thủ tướng"); `deputy-<role>` not listed is composed from its role. */
export function roleLabel(code: string): string {
  const listed = look("roles", code);
  if (listed) return listed;
  if (code.startsWith("deputy-")) {
    const base = code.slice("deputy-".length);
    const label = look("roles", base);
    if (label) return l10n.t("Deputy {role}", { role: label });
  }
  return code;
}

/** A portfolio's label ("Foreign Affairs" / "Ngoại giao"); a portfolio kept as written (not a code) is shown as written. */
export function portfolioLabel(code: string): string {
  return look("portfolios", code) ?? code;
}

/** A country's name ("Viet Nam" / "Việt Nam") by its ISO 3166-1 alpha-2 code; the code when unknown. */
export function countryLabel(code: string): string {
  const names = countryName(code);
  if (!names) return code;
  return currentLanguage() === "vi" ? names.vi : names.en;
}

/**
 * An office as a person reads it: "Minister of Foreign Affairs of Viet Nam" / "Bộ trưởng Ngoại
 * giao (Việt Nam)". Each part is optional; with no role, the portfolio or the country alone.
 */
export function officeLabel(office: { role?: string; portfolio?: string; country?: string }): string {
  const role = office.role ? roleLabel(office.role) : undefined;
  const portfolio = office.portfolio ? portfolioLabel(office.portfolio) : undefined;
  const country = office.country ? countryLabel(office.country) : undefined;
  let title = role && portfolio ? l10n.t("{role} of {portfolio}", { role, portfolio }) : (role ?? portfolio);
  if (title && country) title = l10n.t("{office} of {country}", { office: title, country });
  return title ?? country ?? "";
}

/** A forum's kind, level, format, and an amount's kind, in the language in use ("Summit" / "Hội nghị cấp cao"). */
export function forumKindLabel(code: string): string {
  return look("forumKinds", code) ?? code;
}
export function forumLevelLabel(code: string): string {
  return look("forumLevels", code) ?? code;
}
export function forumFormatLabel(code: string): string {
  return look("forumFormats", code) ?? code;
}
export function amountKindLabel(code: string): string {
  return look("amountKinds", code) ?? code;
}
/** An amount's qualifier, the words before its number ("more-than": "more than" / "hơn"); a qualifier no table lists (an imported record's own words) is shown as written. */
export function amountQualifierLabel(code: string): string {
  return look("amountQualifiers", code) ?? code;
}
/** What a debris rule finds, in the language in use; `undefined` for a rule no table lists (a user rule). */
export function ruleDescription(id: string): string | undefined {
  return look("rules", id);
}
