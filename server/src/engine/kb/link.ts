/**
 * Entity linking (issue 16): a person or forum the knowledge base knows gets its entry's id
 * (`attributes.kb`); one it does not know, or cannot tell apart from a namesake, gets `kb: null`
 * (looked up, unlinked). Among entries that share a name, the one holding an office on the
 * article's date — the office the article's title names, when it names one — is chosen. Then the
 * article is checked against the entry: a title the person did not hold on the article's date
 * gives an information finding with the knowledge base's source. Nothing is detected here, so
 * detection never depends on the knowledge base.
 */
import { lexicon } from "../lexicon";
import { foldPhrase } from "../lexicon/phrases";
import type { Entity, KnowledgeBaseFinding } from "../types";
import { describeTerm, heldOn, type KnowledgeBase } from "./knowledgeBase";
import type { KbPerson, KbRole } from "./types";

/** What an article's title claims of a person: role codes and a portfolio (attributes of the entity). */
interface Claim {
  roles: string[];
  portfolio?: string;
}

/**
 * The entities of `text` with `kb` set on every person and forum, and the findings where the
 * article's title for a linked person disagrees with the knowledge base on `date` (the article's
 * ISO 8601 date or date-time; undefined: no date, so no finding and no choice by date). Offsets are
 * UTF-16 code units into `text`. Entities are copied, not changed.
 */
export function linkEntities(text: string, entities: readonly Entity[], kb: KnowledgeBase, date: string | undefined): { entities: Entity[]; findings: KnowledgeBaseFinding[] } {
  const findings: KnowledgeBaseFinding[] = [];
  const linked = entities.map((entity): Entity => {
    if (entity.type === "person") {
      const claim: Claim = { roles: entity.attributes.roles ?? (entity.attributes.role ? [entity.attributes.role] : []), ...(entity.attributes.portfolio ? { portfolio: entity.attributes.portfolio } : {}) };
      const chosen = choosePerson(kb.peopleNamed(entity.attributes.canonical || entity.text), claim, date);
      if (chosen && date && !isFormer(text, entity)) {
        const finding = titleFinding(entity, chosen, claim, date);
        if (finding) findings.push(finding);
      }
      // A name found because the knowledge base knows it takes the country from its entry.
      const country = entity.rule === "person.knowledge-base" && !entity.attributes.country && chosen?.country ? { country: chosen.country } : {};
      return { ...entity, attributes: { ...entity.attributes, ...country, kb: chosen?.id ?? null } };
    }
    if (entity.type === "forum") return { ...entity, attributes: { ...entity.attributes, kb: kb.forumNamed(entity.text)?.id ?? null } };
    return entity;
  });
  return { entities: linked, findings };
}

/** Whether an office matches what the title claims (its role code, and its portfolio when both name one). */
function matches(role: KbRole, claim: Claim): boolean {
  return claim.roles.includes(role.role) && (claim.portfolio === undefined || role.portfolio === undefined || role.portfolio === claim.portfolio);
}

/**
 * The entry a mention names, among `candidates` (entries sharing its name): the only one, or the
 * only one holding the claimed office on `date`, else the only one holding any office then, else the
 * only one that ever held the claimed office. Undefined when none, or still several.
 */
export function choosePerson(candidates: readonly KbPerson[], claim: Claim, date: string | undefined): KbPerson | undefined {
  if (candidates.length <= 1) return candidates[0];
  const filters: ((person: KbPerson) => boolean)[] = [
    ...(date ? [(p: KbPerson) => p.roles.some((r) => matches(r, claim) && heldOn(r, date)), (p: KbPerson) => p.roles.some((r) => heldOn(r, date))] : []),
    (p) => p.roles.some((r) => matches(r, claim)),
  ];
  for (const filter of filters) {
    const left = candidates.filter(filter);
    if (left.length === 1) return left[0];
  }
  return undefined;
}

/** A finding when the person held the claimed office, but not on `date`. */
function titleFinding(entity: Entity & { type: "person" }, person: KbPerson, claim: Claim, date: string): KnowledgeBaseFinding | undefined {
  const offices = person.roles.filter((r) => matches(r, claim));
  if (offices.length === 0 || offices.some((r) => heldOn(r, date))) return undefined;
  const day = date.slice(0, 10);
  const nearest = offices.reduce((best, r) => (distance(r, day) < distance(best, day) ? r : best));
  const title = entity.attributes.title ?? claim.roles.join(", ");
  return {
    rule: "kb-title",
    start: entity.start,
    end: entity.end,
    severity: "information",
    message: `The article calls ${person.name} "${title}" on ${day}; the knowledge base has ${person.name} in that office ${describeTerm(nearest)}.`,
    source: nearest.source,
    entry: person.id,
  };
}

/** How far `day` is from an office's term, in days (rough: only to order terms). */
function distance(role: KbRole, day: string): number {
  const at = Date.parse(day);
  const start = Date.parse((role.start + "-01-01").slice(0, 10));
  const end = role.end ? Date.parse((role.end + "-12-31").slice(0, 10)) : Infinity;
  return at < start ? start - at : at > end ? at - end : 0;
}

/**
 * Whether the title before the name is an office held before: it starts with, or comes right after,
 * a word such as "cựu" or "nguyên" ("nguyên Thủ tướng X"; the engine's title leaves that word out).
 */
function isFormer(text: string, entity: Entity & { type: "person" }): boolean {
  const title = entity.attributes.title;
  if (!title) return false;
  const at = text.lastIndexOf(title, entity.start);
  const before = at < 0 ? "" : text.slice(Math.max(0, at - 24), at);
  const words = [...foldPhrase(before).slice(-1), ...foldPhrase(title).slice(0, 1)];
  return words.some((word) => lexicon.formerPrefixes.has(word));
}
