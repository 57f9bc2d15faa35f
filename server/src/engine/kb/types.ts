/**
 * The knowledge base's data (schema/kb.v1.schema.json): officials with their roles over time and
 * forum series with their editions, each fact with its source. Dates are ISO 8601 calendar dates,
 * or a year-month or a year when the source gives no more.
 */

/** One office held, from `start` to `end` (absent or null: still held at the source's date). */
export interface KbRole {
  /** A role code of the engine's titles (data/officials.json): "prime-minister", "minister", … */
  role: string;
  portfolio?: string;
  /** When the office is not of the person's own country (an EU office). */
  country?: string;
  start: string;
  end?: string | null;
  source: string;
}

export interface KbPerson {
  id: string;
  /** As the Vietnamese press writes it. */
  name: string;
  aliases?: string[];
  nameStyle?: "vietnamese" | "foreign";
  /** ISO 3166-1 alpha-2 ("EU" for the European Union); absent in a workspace's entry that does not know it. */
  country?: string;
  wikidata?: string;
  source: string;
  roles: KbRole[];
}

export interface KbEdition {
  number: number;
  year: number;
  start?: string;
  end?: string;
  host?: string;
  hostCountry?: string;
  source: string;
}

export interface KbForum {
  id: string;
  /** The Vietnamese name. */
  name: string;
  en?: string;
  aliases?: string[];
  abbreviation?: string;
  kind?: string;
  wikidata?: string;
  source: string;
  editions?: KbEdition[];
}

/** Text a person marked as not being the type anywhere in the corpus. */
export interface KbNotEntity {
  text: string;
  type: string;
  by?: string;
  at?: string;
}

/** One knowledge base file: the built-in ones, or a workspace's `.article-annotator/kb.json`. */
export interface KnowledgeBaseData {
  people?: KbPerson[];
  forums?: KbForum[];
  notEntities?: KbNotEntity[];
}
