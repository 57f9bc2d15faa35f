import { lexicon } from "../../lexicon";
import type { ArticleDocument } from "../../document";
import type { NameMatch } from "../names";
import type { Mention } from "./mention";

/** Known full names of the article, with what every mention says about them. */
export class PeopleIndex {
  private readonly byCanonical = new Map<string, { mentions: Mention[]; style: NameMatch["style"]; display: string; parts: string[] }>();
  /** Parts a one-word reference may be (a foreign name's parts, a Vietnamese name's first and last). */
  private readonly byPart = new Map<string, Set<string>>();
  /** Every part of every known name: where a repeat may start. */
  private readonly anyPart = new Set<string>();
  /** A shorter full name of the same person ("Nikolai Sorokin") → the longest ("Nikolai Vladimirovich Sorokin"). */
  private readonly roots = new Map<string, string>();
  /** What every mention says about a person, computed once per person (asked for every mention). */
  private readonly mergedCache = new Map<string, { roles: string[]; portfolio?: string; country?: string }>();

  constructor(private readonly doc: ArticleDocument, full: readonly Mention[]) {
    for (const mention of full) this.add(mention);
    for (const [canonical, entry] of this.byCanonical) {
      const longer = [...this.byCanonical.entries()].filter(([other, o]) => other !== canonical && o.parts.length > entry.parts.length && isSubsequence(entry.parts, o.parts));
      if (longer.length === 1) this.roots.set(canonical, longer[0]![0]);
    }
  }

  /** The longest known name of the person `canonical` names. */
  root(canonical: string): string {
    return this.roots.get(canonical) ?? canonical;
  }

  /** Answers of resolveParts and resolvePart, by their parts joined with spaces (asked again for every repeat). */
  private readonly resolved = new Map<string, string | undefined>();

  /** The one person whose known name has these consecutive parts ("Ruiz Montoya"), if exactly one. */
  resolveParts(folded: readonly string[]): string | undefined {
    // Parts are single words (no spaces), so joined they are a key; a one-part key never meets resolvePart's (prefixed).
    const key = folded.join(" ");
    if (this.resolved.has(key)) return this.resolved.get(key);
    const answer = this.findParts(folded);
    this.resolved.set(key, answer);
    return answer;
  }

  private findParts(folded: readonly string[]): string | undefined {
    const people = new Set<string>();
    for (const [canonical, entry] of this.byCanonical) if (containsRun(entry.parts, folded)) people.add(this.root(canonical));
    return people.size === 1 ? [...people][0] : undefined;
  }

  add(mention: Mention): void {
    this.resolved.clear();
    const canonical = canonicalOf(mention.name);
    const entry = this.byCanonical.get(canonical) ?? {
      mentions: [],
      style: mention.name.style,
      display: this.doc.display(mention.start, mention.end),
      parts: mention.name.parts.map((p) => p.folded),
    };
    entry.mentions.push(mention);
    this.byCanonical.set(canonical, entry);
    for (const part of mention.name.parts) this.anyPart.add(part.folded);
    // A Vietnamese-order name is referred to by its given name ("Thủ tướng Chính") or, read in
    // Sino-Vietnamese, its family name ("ông Vương" of Vương Nghị); a middle name ("Quốc" of "Trần
    // Quốc Phương") is a common syllable ("Quốc gia"), never a reference.
    const named = mention.name.parts;
    const parts = mention.name.style === "vietnamese" && named.length > 2 ? [named[0]!, named[named.length - 1]!] : named;
    for (const part of parts) {
      const set = this.byPart.get(part.folded) ?? new Set<string>();
      set.add(canonical);
      this.byPart.set(part.folded, set);
    }
  }

  /** Whether some known full name has this part (where a repeat of it may start). */
  hasPart(folded: string): boolean {
    return this.anyPart.has(folded);
  }

  /** The one person a one-word reference names (a foreign name's part, a Vietnamese name's first or last), if exactly one. */
  resolvePart(folded: string): string | undefined {
    const key = `\u0000${folded}`;
    if (this.resolved.has(key)) return this.resolved.get(key);
    const people = new Set([...(this.byPart.get(folded) ?? [])].map((c) => this.root(c)));
    const answer = people.size === 1 ? [...people][0] : undefined;
    this.resolved.set(key, answer);
    return answer;
  }

  canonicals(): string[] {
    return [...this.byCanonical.keys()];
  }

  /** The full name as the article first writes it. */
  display(canonical: string): string | undefined {
    return this.byCanonical.get(canonical)?.display;
  }

  style(canonical: string): NameMatch["style"] | undefined {
    return this.byCanonical.get(canonical)?.style;
  }

  /** Roles, portfolio and country gathered from every titled mention of a person. */
  merged(canonical: string): { roles: string[]; portfolio?: string; country?: string } {
    let merged = this.mergedCache.get(canonical);
    if (!merged) {
      merged = this.merge(canonical);
      this.mergedCache.set(canonical, merged);
    }
    return merged;
  }

  private merge(canonical: string): { roles: string[]; portfolio?: string; country?: string } {
    const roles: string[] = [];
    let portfolio: string | undefined;
    let country: string | undefined;
    const mentions = [...this.byCanonical.entries()].filter(([c]) => this.root(c) === canonical).flatMap(([, e]) => e.mentions);
    for (const mention of mentions) {
      for (const role of mention.title?.roles ?? []) if (!roles.includes(role)) roles.push(role);
      portfolio ??= mention.title?.portfolio;
      country ??= mention.title?.country;
    }
    const known = lexicon.knownOfficials.get(canonical.toLowerCase());
    country ??= known?.country;
    for (const role of known?.roles ?? []) if (!roles.includes(role)) roles.push(role);
    if (!country && this.style(canonical) === "vietnamese" && roles.length > 0) country = "VN";
    return { roles, ...(portfolio ? { portfolio } : {}), ...(country ? { country } : {}) };
  }
}

function isSubsequence(short: readonly string[], long: readonly string[]): boolean {
  let k = 0;
  for (const part of long) if (part === short[k]) k++;
  return k === short.length;
}

function containsRun(parts: readonly string[], run: readonly string[]): boolean {
  for (let k = 0; k + run.length <= parts.length; k++) if (run.every((p, n) => parts[k + n] === p)) return true;
  return false;
}

export function canonicalOf(name: NameMatch): string {
  return name.parts.map((p) => p.text).join(" ");
}

