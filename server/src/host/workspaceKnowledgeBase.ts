/**
 * A workspace's own knowledge base, `.article-annotator/kb.json` in a workspace folder (the CLI: in
 * the current folder), read against schema/kb.v1.schema.json (ajv). Its entries are layered over
 * the built-in ones: an entry with a built-in id replaces it, new ones extend it. A file that is
 * not JSON or breaks the schema is reported and not used (the built-in knowledge base still is).
 */
import * as l10n from "@vscode/l10n";
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import type { KbForum, KbNotEntity, KbPerson, KnowledgeBaseData } from "../engine";
import { deduplicate, describe, schemaPath } from "./recordSchema";

/** Where a workspace's knowledge base lives, relative to the workspace folder. */
export const WORKSPACE_KNOWLEDGE_BASE = join(".article-annotator", "kb.json");

export const KNOWLEDGE_BASE_SCHEMA_FILE = "kb.v1.schema.json";

let validator: ValidateFunction | undefined;

/** The knowledge base in `text` (a BOM is ignored), or every reason it cannot be used. Never throws. */
export function parseKnowledgeBase(text: string): { data: KnowledgeBaseData } | { problems: string[] } {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    return { problems: [l10n.t("not valid JSON ({0})", error instanceof Error ? error.message : String(error))] };
  }
  validator ??= new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(schemaPath(KNOWLEDGE_BASE_SCHEMA_FILE), "utf8")) as object);
  if (validator(value)) return { data: value as KnowledgeBaseData };
  return { problems: deduplicate((validator.errors ?? []).map((e) => describe(e, l10n.t("the knowledge base")))).map((p) => p.message) };
}

export interface WorkspaceKnowledgeBase {
  /** The file's path. */
  path: string;
  /** Its entries, when it exists and can be used. */
  data?: KnowledgeBaseData;
  /** Why it cannot be used ([] when it can, or does not exist). */
  problems: string[];
}

/** The knowledge base of the workspace folder `root`, without blocking the thread (the server). */
export async function readWorkspaceKnowledgeBase(root: string): Promise<WorkspaceKnowledgeBase> {
  const path = join(root, WORKSPACE_KNOWLEDGE_BASE);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    return unreadable(path, error);
  }
  return withParsed(path, text);
}

/** As `readWorkspaceKnowledgeBase`, blocking: for the CLI, which reads it once before any work. */
export function readWorkspaceKnowledgeBaseSync(root: string): WorkspaceKnowledgeBase {
  const path = join(root, WORKSPACE_KNOWLEDGE_BASE);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    return unreadable(path, error);
  }
  return withParsed(path, text);
}

/** A file that is not there is no knowledge base (and no problem); one that cannot be read is a problem. */
function unreadable(path: string, error: unknown): WorkspaceKnowledgeBase {
  return { path, problems: (error as NodeJS.ErrnoException).code === "ENOENT" ? [] : [l10n.t("cannot be read ({0})", error instanceof Error ? error.message : String(error))] };
}

function withParsed(path: string, text: string): WorkspaceKnowledgeBase {
  const parsed = parseKnowledgeBase(text);
  return "data" in parsed ? { path, data: parsed.data, problems: [] } : { path, problems: parsed.problems };
}

/** What an entry is made from: an entity as the record holds it. */
export interface EntitySnapshot {
  type: string;
  text: string;
  attributes: Record<string, unknown>;
}

/**
 * A knowledge base entry for a person or forum entity, pre-filled from what the article says: the
 * canonical name and its form without diacritics, the country, the kind and abbreviation of a
 * forum; `source` is the article's address. No office: the article gives a title on its date, not a
 * term (a term starting on the article's date would flag every earlier article). Undefined for
 * other types. The person edits it further in kb.json.
 */
export function entryFor(entity: EntitySnapshot, source: string, taken: ReadonlySet<string>): { people: KbPerson } | { forums: KbForum } | undefined {
  const a = entity.attributes;
  const text = (s: unknown): string | undefined => (typeof s === "string" && s.trim() !== "" ? s.trim() : undefined);
  if (entity.type === "person") {
    const name = text(a.canonical) ?? entity.text.trim();
    const country = text(a.country);
    const plain = withoutDiacritics(name);
    // No office: an article shows the title held on its date, not the term; recording its date as
    // the start of a term would flag every earlier article. The person adds terms in kb.json.
    const person: KbPerson = {
      id: uniqueId(`${(country ?? "xx").toLowerCase()}.${slug(name)}`, taken),
      name,
      ...(plain !== name ? { aliases: [plain] } : {}),
      ...(a.nameStyle === "vietnamese" || a.nameStyle === "foreign" ? { nameStyle: a.nameStyle } : {}),
      ...(country ? { country } : {}),
      source,
      roles: [],
    };
    return { people: person };
  }
  if (entity.type === "forum") {
    const name = entity.text.trim();
    const forum: KbForum = { id: uniqueId(slug(name), taken), name, ...(text(a.abbreviation) ? { abbreviation: text(a.abbreviation)! } : {}), ...(text(a.kind) ? { kind: text(a.kind)! } : {}), source };
    return { forums: forum };
  }
  return undefined;
}

/** `data` with `entry` added, its id kept unique. */
export function withEntry(data: KnowledgeBaseData | undefined, entry: { people: KbPerson } | { forums: KbForum }): KnowledgeBaseData {
  const base = data ?? {};
  return "people" in entry ? { ...base, people: [...(base.people ?? []), entry.people] } : { ...base, forums: [...(base.forums ?? []), entry.forums] };
}

/** `data` with `text` marked as not a `type` anywhere in the corpus (once). */
export function withNotEntity(data: KnowledgeBaseData | undefined, notEntity: KbNotEntity): KnowledgeBaseData {
  const base = data ?? {};
  const same = (base.notEntities ?? []).some((n) => n.type === notEntity.type && n.text === notEntity.text);
  return same ? base : { ...base, notEntities: [...(base.notEntities ?? []), notEntity] };
}

/** The ids a knowledge base file already uses. */
export function idsOf(data: KnowledgeBaseData | undefined): Set<string> {
  return new Set([...(data?.people ?? []), ...(data?.forums ?? [])].map((e) => e.id));
}

/**
 * The exact text of a knowledge base file: 2-space JSON and a final newline, keeping the file's own
 * `$schema` and `$comment` (VS Code checks it against the schema through the extension's
 * jsonValidation; nothing is added to fetch).
 */
export function knowledgeBaseContent(data: KnowledgeBaseData): string {
  // Its "$schema" and "$comment", if it has them, stay where they were, first.
  const { people, forums, notEntities, ...rest } = data as KnowledgeBaseData & Record<string, unknown>;
  return JSON.stringify({ ...rest, ...(people?.length ? { people } : {}), ...(forums?.length ? { forums } : {}), ...(notEntities?.length ? { notEntities } : {}) }, null, 2) + "\n";
}

function withoutDiacritics(name: string): string {
  return name.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFC");
}

function slug(name: string): string {
  return withoutDiacritics(name).toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "entry";
}

function uniqueId(id: string, taken: ReadonlySet<string>): string {
  let candidate = id;
  for (let k = 2; taken.has(candidate); k++) candidate = `${id}-${k}`;
  return candidate;
}
