/**
 * The knowledge base compiled for look-up: layers merged (a later layer's entry replaces an
 * earlier one with the same id: the workspace's over the built-in), names indexed by the key the
 * engine reads document text with (`foldPhrase`: NFC, one tone placement, look-alike letters
 * folded, invisible characters dropped, lower case), so "Pham Minh Chính", "phạm minh chính" and
 * its NFD spelling find the same entry. Pure: no I/O.
 */
import { lexicon } from "../lexicon";
import { foldPhrase, PhraseSet } from "../lexicon/phrases";
import type { Token } from "../text/tokens";
import type { KbForum, KbPerson, KbRole, KnowledgeBaseData } from "./types";

export class KnowledgeBase {
  readonly people = new Map<string, KbPerson>();
  readonly forums = new Map<string, KbForum>();
  private readonly peopleByName = new Map<string, KbPerson[]>();
  private readonly forumsByName = new Map<string, KbForum[]>();
  /** The longest forum name, in words (a bound for prefix look-ups). */
  private longestForumName = 0;
  /** "type:key" of the texts a person marked as not that type anywhere in the corpus. */
  private readonly notEntities = new Set<string>();
  /** Every person's name and alias, matched token by token (one look-up per token: the first word's). */
  private readonly names: PhraseSet<true>;


  constructor(layers: readonly KnowledgeBaseData[]) {
    for (const layer of layers) {
      for (const person of layer.people ?? []) this.people.set(person.id, person);
      for (const forum of layer.forums ?? []) this.forums.set(forum.id, forum);
      for (const not of layer.notEntities ?? []) this.notEntities.add(`${not.type}:${nameKey(not.text)}`);
    }
    for (const person of this.people.values()) for (const name of [person.name, ...(person.aliases ?? [])]) add(this.peopleByName, nameKey(name), person);
    this.names = new PhraseSet<true>([...this.people.values()].flatMap((person) => [person.name, ...(person.aliases ?? [])].map((name) => [name, true] as const)));
    for (const forum of this.forums.values()) {
      for (const name of [forum.name, forum.en, forum.abbreviation, ...(forum.aliases ?? [])]) {
        if (!name) continue;
        const key = nameKey(name);
        add(this.forumsByName, key, forum);
        this.longestForumName = Math.max(this.longestForumName, key.split(" ").length);
      }
    }
  }

  /** Whether a person marked `text` as not a `type` anywhere in the corpus (any case, tone placement, NFD, look-alike letters). */
  isNotEntity(type: string, text: string): boolean {
    return this.notEntities.size > 0 && this.notEntities.has(`${type}:${nameKey(text)}`);
  }

  /**
   * The longest person's name or alias that starts at token `index` (any case, tone placement, NFD,
   * look-alike letters): the token index it ends at (exclusive), or undefined.
   */
  nameAt(tokens: readonly Token[], index: number): number | undefined {
    return this.names.matchAt(tokens, index)?.end;
  }

  /** The people whose name or an alias is `name` (any case, tone placement, NFD, look-alike letters). */
  peopleNamed(name: string): readonly KbPerson[] {
    return this.peopleByName.get(nameKey(name)) ?? [];
  }

  /**
   * The forum series `name` names: its whole text, or a series' name followed only by what names
   * an edition — an ordinal, a year, a qualifier, its abbreviation in brackets ("Hội nghị Cấp cao
   * ASEAN lần thứ 43" → the ASEAN Summit; not "Hội nghị Cấp cao ASEAN - Trung Quốc", another
   * series). Undefined when none or several.
   */
  forumNamed(name: string): KbForum | undefined {
    const words = nameKey(name).split(" ");
    for (let n = Math.min(words.length, this.longestForumName); n > 0; n--) {
      const found = this.forumsByName.get(words.slice(0, n).join(" "));
      if (!found) continue;
      const next = words[n];
      const edition = next === undefined || next === "(" || /^\d{4}$/.test(next) || lexicon.forumTailWords.has(next);
      return edition && found.length === 1 ? found[0] : undefined;
    }
    return undefined;
  }
}

/** The look-up key of a name: its words folded as the engine folds document text, one space apart. */
export function nameKey(name: string): string {
  return foldPhrase(name).join(" ");
}

function add<T>(index: Map<string, T[]>, key: string, value: T): void {
  if (key === "") return;
  const list = index.get(key);
  if (!list) index.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

/**
 * The first and last day of a role's term as ISO 8601 dates: a start given as a year or a month
 * counts from its first day, an end so given to its last; no end: `end` undefined (still held).
 */
export function termBounds(role: KbRole): { start: string; end: string | undefined } {
  return { start: (role.start + "-01-01").slice(0, 10), end: role.end ? lastDay(role.end) : undefined };
}

/** The last day a date given as a year, a month or a day stands for. */
function lastDay(date: string): string {
  if (date.length === 4) return `${date}-12-31`;
  if (date.length !== 7) return date;
  const [year, month] = date.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/** Whether `role` was held on `date` (ISO 8601, a date or date-time; only its date part counts), its term read by `termBounds`. */
export function heldOn(role: KbRole, date: string): boolean {
  const day = date.slice(0, 10);
  const { start, end } = termBounds(role);
  return start <= day && day <= (end ?? "9999-12-31");
}

/** "2021-04-05 – 2026" / "since 2021-04": a role's term as written in its source. */
export function describeTerm(role: KbRole): string {
  return role.end ? `${role.start} – ${role.end}` : `since ${role.start}`;
}
