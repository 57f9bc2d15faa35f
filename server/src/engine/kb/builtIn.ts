/** The built-in knowledge base, compiled once on first use (lexicon/knowledgeBase.ts lists its files). */
import { BUILT_IN_KNOWLEDGE_BASE } from "../lexicon/knowledgeBase";
import { KnowledgeBase } from "./knowledgeBase";
import type { KnowledgeBaseData } from "./types";

let compiled: KnowledgeBase | undefined;
let layered: { extra: readonly KnowledgeBaseData[]; compiled: KnowledgeBase } | undefined;

/**
 * The built-in knowledge base, with `extra` layers over it (a workspace's entries replace built-in
 * ones of the same id). The last one compiled with the same `extra` array is given again.
 */
export function builtInKnowledgeBase(extra: readonly KnowledgeBaseData[] = []): KnowledgeBase {
  if (extra.length === 0) return (compiled ??= new KnowledgeBase(BUILT_IN_KNOWLEDGE_BASE));
  if (layered?.extra !== extra) layered = { extra, compiled: new KnowledgeBase([...BUILT_IN_KNOWLEDGE_BASE, ...extra]) };
  return layered.compiled;
}
