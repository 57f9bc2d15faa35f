/** Plain data the engine returns. Offsets are UTF-16 code units into the text given to `analyze`. */
import type { MessageTemplate } from "./l10n";

export interface PersonAttributes {
  /** The title as written before the name ("Phó Thủ tướng, Bộ trưởng Ngoại giao"). */
  title?: string;
  /** Primary normalized role (the first of `roles`). */
  role?: string;
  /** Every normalized role held (minister, deputy-prime-minister, …). */
  roles?: string[];
  portfolio?: string;
  /** ISO 3166-1 alpha-2 code, when stated or implied. */
  country?: string;
  /** The full name this mention refers to ("Motegi" → "Toshimitsu Motegi"). */
  canonical: string;
  /** Name shape: Vietnamese order (family name first) or foreign. */
  nameStyle: "vietnamese" | "foreign";
  /** The knowledge base entry this person is (its id), or null when looked up and not found or not told apart; absent with the knowledge base off. */
  kb?: string | null;
}

export interface ForumAttributes {
  kind: string;
  edition?: number;
  parties?: string[];
  level?: string;
  format?: "online" | "in-person" | "hybrid";
  abbreviation?: string;
  /** The knowledge base's forum series (its id), or null when looked up and not found; absent with the knowledge base off. */
  kb?: string | null;
}

export interface AmountAttributes {
  kind: "money" | "percent" | "quantity";
  /** Plain number ("5,6 triệu" → 5600000); for a range, the lower end. */
  value: number;
  /** ISO 4217 code, "%", or the measure noun. */
  unit: string;
  /** Both ends of a range ("3-5 triệu USD"). */
  range?: { min: number; max: number };
  /** Set when a word like "hơn", "gần", "khoảng" qualifies the number. */
  approximate?: boolean;
  qualifier?: string;
}

export interface DateAttributes {
  /** ISO 8601 date or date-time, when the year is known (given or from the dateline). */
  value?: string;
  year?: number;
  month?: number;
  day?: number;
  time?: string;
  /** Where the year came from when the text does not give it. */
  yearFrom?: "dateline";
}

/** An organization annotated by a person (the engine does not detect them yet). */
export interface OrganizationAttributes {
  /** The full name the mention refers to, when it is an abbreviation or a short form. */
  canonical?: string;
}

/** A place annotated by a person (the engine does not detect them yet). */
export interface LocationAttributes {
  /** ISO 3166-1 alpha-2 code of the country, when the place is one or lies in one. */
  country?: string;
}

/** A span a person marked with one of their own labels (`articleAnnotator.labels`); the engine never finds these. */
export interface CustomAttributes {
  /** The label's id, as the settings define it. */
  label: string;
}

/**
 * The attributes of each entity type: the one list of types. Adding a type is an entry here, one in
 * `ENTITY_KINDS` (entityKinds.ts) and one in the record schema; the compiler then points at every
 * exhaustive `switch` on `type` that misses it.
 */
export interface EntityAttributesByType {
  person: PersonAttributes;
  forum: ForumAttributes;
  amount: AmountAttributes;
  date: DateAttributes;
  organization: OrganizationAttributes;
  location: LocationAttributes;
  custom: CustomAttributes;
}

export type EntityType = keyof EntityAttributesByType;

export type EntityAttributes = EntityAttributesByType[EntityType];

/** What every entity has, whatever its type. Offsets: UTF-16 code units, `end` exclusive. */
export interface EntityBase {
  start: number;
  end: number;
  text: string;
  /** Id of the rule that produced it ("person.title-trigger"). */
  rule: string;
}

/** One detected entity, in the engine's own terms (no editor positions): a union discriminated by `type`. */
export type Entity = { [T in EntityType]: EntityBase & { type: T; attributes: EntityAttributesByType[T] } }[EntityType];

/** The entity of one type. */
export type EntityOf<T extends EntityType> = Extract<Entity, { type: T }>;

export type Severity = "error" | "warning" | "information" | "hint";

/** A replacement of `start`..`end` by `newText` in the analyzed text. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** A piece of scraping debris: whole lines, or a span spliced inside a line of article text. */
export interface BoilerplateFinding {
  rule: string;
  start: number;
  end: number;
  /** First and last line covered (0-based, inclusive). */
  startLine: number;
  endLine: number;
  /** In English (what records keep). */
  message: string;
  /** `message`'s catalogue key and arguments, for a front door to say it in another language (engine/l10n.ts); absent for a user rule's own message. */
  template?: MessageTemplate;
  severity: Severity;
  /** "lines" when whole lines are debris, "span" when debris sits inside article text. */
  scope: "lines" | "span";
  /** The edit that removes or repairs exactly the flagged text. */
  fix: TextEdit;
  /** Whether "fix all" applies the fix without asking (every fix that cannot lose article text). */
  safe: boolean;
  /** Another place the finding refers to (the first copy of a repeated line). */
  related?: { start: number; end: number; message: string; template?: MessageTemplate };
}

export interface ArticleMetadata {
  title?: string;
  titleSpan?: { start: number; end: number };
  published?: string;
  byline?: string;
  outlet?: string;
}

/**
 * A text that is a legacy Vietnamese encoding read as Windows-1252 (mojibake, detect/encoding.ts):
 * one warning on the first word that shows it. It has no fix: the text is not what its author wrote.
 */
export interface EncodingFinding {
  rule: "encoding";
  start: number;
  end: number;
  /** The line of `start` (0-based). */
  line: number;
  message: string;
  template?: MessageTemplate;
  severity: "warning";
  /** The legacy encoding's id ("tcvn3", "vni", "viscii", "windows-1258") and usual name ("TCVN3 (ABC)"). */
  encoding: string;
  label: string;
}

/**
 * Where the article disagrees with the knowledge base (engine/kb/link.ts): a title the person did
 * not hold on the article's date. Information only; it has no fix.
 */
export interface KnowledgeBaseFinding {
  rule: "kb-title";
  /** The entity's span (UTF-16, end-exclusive). */
  start: number;
  end: number;
  severity: "information";
  message: string;
  template?: MessageTemplate;
  /** The address of the page the knowledge base's fact comes from. */
  source: string;
  /** The knowledge base entry's id. */
  entry: string;
}

/** Everything `analyze` finds in one text. */
export interface Analysis {
  /** Length of the analyzed text (UTF-16). */
  length: number;
  article: ArticleMetadata;
  entities: Entity[];
  boilerplate: BoilerplateFinding[];
  /**
   * Set when the text is mojibake of a legacy Vietnamese encoding; then nothing else is looked for:
   * `entities` and `boilerplate` are empty and `article` holds nothing, so no fix is ever offered
   * on text that is not what its author wrote.
   */
  encoding?: EncodingFinding;
  /** Where the article disagrees with the knowledge base (only when one was given). */
  knowledgeBase?: KnowledgeBaseFinding[];
}
