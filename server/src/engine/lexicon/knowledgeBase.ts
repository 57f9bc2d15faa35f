/**
 * The built-in knowledge base's files (data/kb/, schema/kb.v1.schema.json): Vietnam's officials,
 * the other ASEAN members', the partners' (China, Japan, Korea, the US, India, Australia, New
 * Zealand, Russia, the EU), and the forum series. Each fact carries its source.
 */
import vietnam from "../data/kb/vietnam.json";
import asean from "../data/kb/asean.json";
import partners from "../data/kb/partners.json";
import forums from "../data/kb/forums.json";
import type { KnowledgeBaseData } from "../kb/types";

export const BUILT_IN_KNOWLEDGE_BASE: readonly KnowledgeBaseData[] = [vietnam, asean, partners, forums] as KnowledgeBaseData[];
