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
import { describeTerm, heldOn, termBounds, type KnowledgeBase } from "./knowledgeBase";
import type { KbPerson, KbRole } from "./types";
import { l10n, type Message } from "../l10n";

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
      const chosen = choosePerson(kb.peopleNamed(entity.attributes.canonical || entity.text), { ...claim, roles: claim.roles.filter((r) => !lexicon.relationalRoles.has(r)) }, date);
      if (chosen && date && !isFormer(text, entity)) {
        const finding = titleFinding(entity, chosen, claim, date);
        if (finding) findings.push(finding);
      }
      // The entry's country is curated; the article's title may leave it to a guess.
      const country = chosen?.country ? { country: chosen.country } : {};
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
 * The entry a mention names, among `candidates` (entries sharing its name): none when the title
 * names offices none of them ever held (a namesake: "Chủ tịch UBND tỉnh Nguyễn Văn An"); else the
 * only one, or the only one holding the claimed office on `date`, else the only one holding any
 * office then, else the only one that ever held the claimed office. Undefined when still several.
 */
export function choosePerson(candidates: readonly KbPerson[], claim: Claim, date: string | undefined): KbPerson | undefined {
  // A title names offices: an entry that never held any of them is someone else of the same name
  // (an entry that lists no office, a workspace's name-only one, is not judged by it).
  const known = claim.roles.filter((role) => candidates.some((p) => p.roles.some((r) => r.role === role)));
  if (claim.roles.length > 0 && known.length === 0 && candidates.every((p) => p.roles.length > 0)) return undefined;
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

/**
 * A finding when the title names an office the person held, but not on `date`: each office the
 * title names is checked on its own ("Tổng Bí thư, Chủ tịch nước" after the presidency ended).
 */
function titleFinding(entity: Entity & { type: "person" }, person: KbPerson, claim: Claim, date: string): KnowledgeBaseFinding | undefined {
  const day = date.slice(0, 10);
  const stale = claim.roles.flatMap((code) => {
    const offices = person.roles.filter((r) => matches(r, { ...claim, roles: [code] }));
    if (offices.length === 0 || offices.some((r) => heldOn(r, date))) return [];
    return [offices.reduce((best, r) => (distance(r, day) < distance(best, day) ? r : best))];
  });
  const nearest = stale[0];
  if (!nearest) return undefined;
  const title = entity.attributes.title ?? claim.roles.join(", ");
  // "that office" when the title names one office; else the office's codes ("minister (foreign-affairs)").
  const office = stale.length === 1 && claim.roles.length === 1 ? undefined : `${nearest.role}${nearest.portfolio ? ` (${nearest.portfolio})` : ""}`;
  const terms = person.roles.filter((r) => r.role === nearest.role && r.portfolio === nearest.portfolio);
  return {
    rule: "kb-title",
    start: entity.start,
    end: entity.end,
    severity: "information",
    ...titleMessage(person.name, title, day, office, terms),
    source: nearest.source,
    entry: person.id,
  };
}

/**
 * "The article calls {name} "{title}" on {day}; the knowledge base has {name} in that office / the
 * office of {office} {terms}." — `terms` (one or more, as the knowledge base lists them) as
 * `describeTerm` writes them, joined by " and ". One template for each shape, so that a language
 * words "since" and "and" itself: one term or several, the last one ended or still held. A closed
 * term is written "start – end" (dates and a dash, the same in every language); with three terms
 * or more, the ones before the last two are joined in one argument as English writes them.
 * Arguments: {0} the person's name, {1} the article's title for them, {2} the day (ISO 8601), then
 * the office's codes when it is named, then the terms' dates.
 */
function titleMessage(name: string, title: string, day: string, office: string | undefined, terms: readonly KbRole[]): Message {
  const last = terms[terms.length - 1]!;
  const open = !last.end;
  if (terms.length === 1) {
    if (office === undefined) {
      return open
        ? l10n.t("The article calls {0} \"{1}\" on {2}; the knowledge base has {0} in that office since {3}.", name, title, day, last.start)
        : l10n.t("The article calls {0} \"{1}\" on {2}; the knowledge base has {0} in that office {3} – {4}.", name, title, day, last.start, last.end!);
    }
    return open
      ? l10n.t("The article calls {0} \"{1}\" on {2}; the knowledge base has {0} in the office of {3} since {4}.", name, title, day, office, last.start)
      : l10n.t("The article calls {0} \"{1}\" on {2}; the knowledge base has {0} in the office of {3} {4} – {5}.", name, title, day, office, last.start, last.end!);
  }
  const earlier = terms.slice(0, -1).map(describeTerm).join(" and ");
  const lastTerm = describeTerm(last);
  if (office === undefined) {
    return open
      ? l10n.t("The article calls {0} \"{1}\" on {2}; the knowledge base has {0} in that office {3} and since {4}.", name, title, day, earlier, last.start)
      : l10n.t("The article calls {0} \"{1}\" on {2}; the knowledge base has {0} in that office {3} and {4}.", name, title, day, earlier, lastTerm);
  }
  return open
    ? l10n.t("The article calls {0} \"{1}\" on {2}; the knowledge base has {0} in the office of {3} {4} and since {5}.", name, title, day, office, earlier, last.start)
    : l10n.t("The article calls {0} \"{1}\" on {2}; the knowledge base has {0} in the office of {3} {4} and {5}.", name, title, day, office, earlier, lastTerm);
}

/** How far `day` is from an office's term, in days (rough: only to order terms). */
function distance(role: KbRole, day: string): number {
  const at = Date.parse(day);
  const bounds = termBounds(role);
  const start = Date.parse(bounds.start);
  const end = bounds.end ? Date.parse(bounds.end) : Infinity;
  return at < start ? start - at : at > end ? at - end : 0;
}

/**
 * Whether the title before the name is an office held before or by someone who died: a word such
 * as "cựu", "nguyên", "cố" among the title's words or just before them, or "quá cố" between the
 * title and the name (data/officials.json `formerPrefixes`). Read on the text folded as the engine
 * reads it, so NFD letters or doubled spaces change nothing.
 */
function isFormer(text: string, entity: Entity & { type: "person" }): boolean {
  const title = entity.attributes.title;
  if (!title) return false;
  const span = foldPhrase(title).length + 4;
  const before = foldPhrase(text.slice(Math.max(0, entity.start - 200), entity.start)).slice(-span);
  return before.some((word) => lexicon.formerPrefixes.has(word));
}
