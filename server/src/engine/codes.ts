/**
 * The codes the engine writes into its results and records, gathered from the data files and the
 * types that produce them: entity types, person roles and portfolios, forum kinds, levels and
 * formats, amount kinds and qualifiers, and the ids of the built-in findings' rules. Front doors show a label for
 * each code (host/labels.ts); a test holds their label tables complete against this list, so a new
 * title in data/officials.json, a forum kind in data/forums.json or a new rule asks for its labels.
 */
import officials from "./data/officials.json";
import forums from "./data/forums.json";
import amounts from "./data/amounts.json";
import knownOfficials from "./data/known-officials.json";
import { BUILT_IN_KNOWLEDGE_BASE } from "./lexicon/knowledgeBase";
import { boilerplateRules } from "./boilerplate";
import { ENTITY_TYPES } from "./entityKinds";
import type { AmountAttributes, EncodingFinding, EntityType, ForumAttributes, KnowledgeBaseFinding } from "./types";

/** The codes of each kind, each list without repeats, in the order first met. */
export interface EngineCodes {
  entityTypes: readonly EntityType[];
  /**
   * Role codes (person attributes `role`/`roles`): every title's role (data/officials.json
   * `titles`), the relational roles (`relationalRoles`: "counterpart"), the known officials' and
   * the built-in knowledge base's roles. A deputy prefix before a title not listed as a deputy one
   * ("Phó Thị trưởng") makes `deputy-<role>` of a title's role: see `deputyRoles`.
   */
  roles: readonly string[];
  /** The roles whose `deputy-<role>` form the engine can make (detect/person/titles.ts): every title's role. */
  deputyRoles: readonly string[];
  /** Portfolio codes (data/officials.json `portfolios`, the knowledge base's). A portfolio the data does not know is kept as written, not a code. */
  portfolios: readonly string[];
  /** Forum kinds (data/forums.json's heads, hints and acronyms, the knowledge base's forums). */
  forumKinds: readonly string[];
  /** Forum levels (data/forums.json's kind hints). */
  forumLevels: readonly string[];
  /** Forum formats (`ForumAttributes.format`, data/forums.json `formats`). */
  forumFormats: readonly string[];
  /** Amount kinds (`AmountAttributes.kind`). */
  amountKinds: readonly string[];
  /** Amount qualifiers (`AmountAttributes.qualifier`: "about", "more-than"), data/amounts.json `approximate`, the only source detect/amount.ts sets them from. */
  amountQualifiers: readonly string[];
  /** Finding rule ids: the built-in debris rules (`boilerplateRules`), "encoding" and "kb-title". */
  rules: readonly string[];
}

// A `Record` over a type's union: the compiler asks for a new member here.
const AMOUNT_KINDS: Record<AmountAttributes["kind"], true> = { money: true, percent: true, quantity: true };
const FORUM_FORMATS: Record<NonNullable<ForumAttributes["format"]>, true> = { online: true, "in-person": true, hybrid: true };
const OTHER_RULES: Record<EncodingFinding["rule"] | KnowledgeBaseFinding["rule"], true> = { encoding: true, "kb-title": true };
/** The kind detect/forum/frameworks.ts gives a framework list ("các khuôn khổ ASEAN, Mekong - Lan Thương"). */
const FRAMEWORK_KIND = "framework";

function unique(values: Iterable<string | undefined>): string[] {
  return [...new Set([...values].filter((value): value is string => typeof value === "string" && value !== ""))];
}

let codes: EngineCodes | undefined;

/** Every code the engine can emit, by kind (computed once). */
export function engineCodes(): EngineCodes {
  if (codes) return codes;
  const kbPeople = BUILT_IN_KNOWLEDGE_BASE.flatMap((data) => data.people ?? []);
  const kbForums = BUILT_IN_KNOWLEDGE_BASE.flatMap((data) => data.forums ?? []);
  const titleRoles = unique(officials.titles.map((t) => t.role));
  codes = {
    entityTypes: [...ENTITY_TYPES],
    roles: unique([
      ...titleRoles,
      ...officials.relationalRoles,
      ...knownOfficials.officials.flatMap((o) => ("roles" in o ? o.roles : [])),
      ...kbPeople.flatMap((p) => p.roles.map((r) => r.role)),
    ]),
    deputyRoles: titleRoles,
    portfolios: unique([
      ...officials.portfolios.map((p) => p.id),
      ...officials.titles.map((t) => ("portfolio" in t ? t.portfolio : undefined)),
      ...kbPeople.flatMap((p) => p.roles.map((r) => r.portfolio)),
    ]),
    forumKinds: unique([
      ...forums.heads.map((h) => h.kind),
      ...forums.englishHeads.map((h) => h.kind),
      ...forums.kindHints.map((h) => h.kind),
      ...forums.englishKindHints.map((h) => h.kind),
      ...forums.standingAcronyms.map((a) => a.kind),
      FRAMEWORK_KIND,
      ...kbForums.map((f) => f.kind),
    ]),
    forumLevels: unique([...forums.kindHints.map((h) => ("level" in h ? h.level : undefined)), ...forums.englishKindHints.map((h) => h.level)]),
    forumFormats: unique([...Object.keys(FORUM_FORMATS), ...forums.formats.map((f) => f.format)]),
    amountKinds: Object.keys(AMOUNT_KINDS),
    amountQualifiers: unique(amounts.approximate.map((a) => a.qualifier)),
    rules: unique([...boilerplateRules.map((rule) => rule.id), ...Object.keys(OTHER_RULES)]),
  };
  return codes;
}
