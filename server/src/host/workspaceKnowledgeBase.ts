/**
 * A workspace's own knowledge base, `.article-annotator/kb.json` in a workspace folder (the CLI: in
 * the current folder), read against schema/kb.v1.schema.json (ajv). Its entries are layered over
 * the built-in ones: an entry with a built-in id replaces it, new ones extend it. A file that is
 * not JSON or breaks the schema is reported and not used (the built-in knowledge base still is).
 */
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import type { KnowledgeBaseData } from "../engine";
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
    return { problems: [`not valid JSON (${error instanceof Error ? error.message : String(error)})`] };
  }
  validator ??= new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(schemaPath(KNOWLEDGE_BASE_SCHEMA_FILE), "utf8")) as object);
  if (validator(value)) return { data: value as KnowledgeBaseData };
  return { problems: deduplicate((validator.errors ?? []).map(describe)).map((p) => p.message.replace(/^the record/, "the knowledge base")) };
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
    return { path, problems: (error as NodeJS.ErrnoException).code === "ENOENT" ? [] : [`cannot be read (${error instanceof Error ? error.message : String(error)})`] };
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
    return { path, problems: (error as NodeJS.ErrnoException).code === "ENOENT" ? [] : [`cannot be read (${error instanceof Error ? error.message : String(error)})`] };
  }
  return withParsed(path, text);
}

function withParsed(path: string, text: string): WorkspaceKnowledgeBase {
  const parsed = parseKnowledgeBase(text);
  return "data" in parsed ? { path, data: parsed.data, problems: [] } : { path, problems: parsed.problems };
}
