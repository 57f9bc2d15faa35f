/**
 * The engine's vocabulary, compiled once from the data files in `../data`. Detectors read words
 * through this module only, so a new title, currency or forum noun is a data change.
 */
import officials from "../data/officials.json";
import countries from "../data/countries.json";
import groupings from "../data/groupings.json";
import surnames from "../data/surnames.json";
import forums from "../data/forums.json";
import amounts from "../data/amounts.json";
import numbers from "../data/numbers.json";
import outlets from "../data/outlets.json";
import knownOfficials from "../data/known-officials.json";
import viSyllables from "../data/generated/vi-syllables.json";
import viStopwords from "../data/generated/vi-stopwords.json";
import provinces from "../data/provinces.json";
import { PhraseSet, phraseSet, foldPhrase } from "./phrases";

export { PhraseSet } from "./phrases";

export interface TitleEntry { readonly role: string; readonly portfolio?: string }
export interface PlaceEntry { readonly kind: "country" | "grouping" | "province"; readonly code: string; readonly en: string; readonly ambiguous: boolean }
export interface ForumHead { readonly kind: string; readonly framework: boolean }
export interface KindHint { readonly kind: string; readonly level?: string }
export interface Measure { readonly word: string; readonly unit: string; readonly inSpan: boolean }
export interface KnownOfficial { readonly name: string; readonly country?: string; readonly roles?: readonly string[] }

const titles = new PhraseSet<TitleEntry>(
  officials.titles.flatMap((t) => {
    const entry: TitleEntry = { role: t.role, ...("portfolio" in t ? { portfolio: t.portfolio } : {}) };
    const exact = "exact" in t ? (t.exact as string[]) : [];
    return [...t.vi.map((vi) => [vi, entry] as const), ...exact.map((vi) => [vi, entry, true] as const)];
  }),
);
const portfolios = new PhraseSet<string>(officials.portfolios.flatMap((p) => p.vi.map((vi) => [vi, p.id] as const)));
const bodies = new PhraseSet<true>(officials.bodies.map((b) => [b, true] as const));
const honorifics = new PhraseSet<true>(officials.honorifics.map((h) => [h, true] as const));

const places = new PhraseSet<PlaceEntry>([
  ...countries.flatMap((c) => {
    const ambiguousForms = new Set<string>("ambiguousForms" in c ? (c.ambiguousForms as string[]) : []);
    // English names and adjectives that are also ordinary words ("Chad", "Turkey", "US") count only capitalized as written.
    const ambiguousEnglish = new Set<string>("ambiguousEnglish" in c ? (c.ambiguousEnglish as string[]) : []);
    const entry = (form: string): PlaceEntry => ({ kind: "country", code: c.code, en: c.en, ambiguous: ambiguousForms.has(form) || ambiguousEnglish.has(form) });
    const forms = new Set([...c.vi, ...c.enNames, ...c.enAdjectives]);
    return [...forms].map((form) => [form, entry(form), ambiguousEnglish.has(form)] as const);
  }),
  ...groupings.flatMap((g) => g.vi.map((vi) => [vi, { kind: "grouping", code: g.id, en: g.en, ambiguous: false }] as const)),
  ...provinces.vi.map((vi) => [vi, { kind: "province", code: "VN", en: vi, ambiguous: false }] as const),
]);

const forumHeads = new PhraseSet<ForumHead>(
  forums.heads.flatMap((h) => h.vi.map((vi) => [vi, { kind: h.kind, framework: "framework" in h && h.framework === true }] as const)),
);

// Measure entries: `vi` are the spellings recognized, `span` the ones whose whole text belongs to
// the amount (a compound like "máy tạo ôxy"); other spellings contribute their first word only.
const measureWords: Measure[] = amounts.measures.flatMap((m) => {
  const inSpan = new Set<string>("span" in m ? (m.span as string[]) : []);
  return m.vi.map((word) => ({ word, unit: m.unit, inSpan: inSpan.has(word) || word === m.unit || !word.includes(" ") }));
});

/** All of the engine's word lists, compiled for look-up. */
export const lexicon = {
  titles,
  portfolios,
  bodies,
  honorifics,
  nameParticles: new Set(officials.nameParticles),
  nameAbbreviations: new Set(officials.nameAbbreviations),
  stateForms: new PhraseSet<true>(officials.stateForms.map((f) => [f, true] as const)),
  titleHonorifics: new PhraseSet<true>(officials.titleHonorifics.map((h) => [h, true] as const)),
  titleBlockers: new PhraseSet<true>(officials.titleBlockers.map((w) => [w, true] as const)),
  nameBlockers: new PhraseSet<true>(officials.nameBlockers.map((w) => [w, true] as const)),
  placeConnectors: new PhraseSet<true>(officials.placeConnectors.map((w) => [w, true] as const)),
  placeNouns: new PhraseSet<true>(officials.placeNouns.map((w) => [w, true] as const)),
  deputyPrefixes: new Set(officials.deputyPrefixes.map((p) => foldPhrase(p)[0]!)),
  /** Role codes that name a relation, not an office ("counterpart"). */
  relationalRoles: new Set(officials.relationalRoles),
  /** Words that mark a title as held before ("cựu", "nguyên"), folded. */
  formerPrefixes: new Set(officials.formerPrefixes.map((p) => foldPhrase(p).join(" "))),
  organizationHeads: new PhraseSet<true>(officials.organizationHeads.map((o) => [o, true] as const)),
  places,
  surnames: new Set(surnames.vi.map((s) => foldPhrase(s).join(" "))),
  forumHeads,
  lowercaseForumHeads: new Set(forums.lowercaseHeads.map((h) => foldPhrase(h).join(" "))),
  frameworkIntroducers: new PhraseSet<true>(forums.frameworkIntroducers.map((w) => [w, true] as const)),
  forumQualifiers: new PhraseSet<true>(forums.qualifiers.map((q) => [q, true] as const)),
  namingQualifiers: new PhraseSet<true>(forums.namingQualifiers.map((q) => [q, true] as const)),
  // Case-sensitive: "APEC" stands for the forum, "apec" in a URL does not.
  standingAcronyms: new PhraseSet<{ kind: string }>(forums.standingAcronyms.flatMap((a) => a.vi.map((vi) => [vi, { kind: a.kind }, true] as const))),
  forumOwnersExcluded: new PhraseSet<true>(forums.ownersExcluded.map((w) => [w, true] as const)),
  eventIntroducers: new PhraseSet<true>(forums.eventIntroducers.map((w) => [w, true] as const)),
  acronymModifiedNouns: new PhraseSet<true>(forums.acronymModifiedNouns.map((w) => [w, true] as const)),
  acronymModifiedAfter: new PhraseSet<true>(forums.acronymModifiedAfter.map((w) => [w, true] as const)),
  forumPostQualifiers: new PhraseSet<true>(forums.postQualifiers.map((q) => [q, true] as const)),
  // Case-sensitive: "who" ends a name, "WHO" is a party.
  clauseWords: new PhraseSet<true>(forums.clauseWords.map((q) => [q, true, true] as const)),
  englishForumHeads: new PhraseSet<{ kind: string }>(forums.englishHeads.flatMap((h) => h.en.map((en) => [en, { kind: h.kind }] as const)), true),
  englishConnectors: new Set(forums.englishConnectors),
  englishKindHints: new PhraseSet<KindHint>(forums.englishKindHints.flatMap((h) => h.en.map((en) => [en, { kind: h.kind, level: h.level }] as const))),
  ordinalIntroducers: new PhraseSet<true>(forums.ordinalIntroducers.map((q) => [q, true] as const)),
  /** First words of what may follow a forum series' name in one edition's name: an ordinal ("lần thứ"), a qualifier ("mở rộng", "trực tuyến"). */
  forumTailWords: new Set([...forums.ordinalIntroducers, ...forums.qualifiers, ...forums.postQualifiers].map((w) => foldPhrase(w)[0]!)),
  notForumNouns: new PhraseSet<true>(forums.notForumNouns.map((q) => [q, true] as const)),
  pluralMarkers: new PhraseSet<true>(forums.pluralMarkers.map((q) => [q, true] as const)),
  kindHints: new PhraseSet<KindHint>(forums.kindHints.flatMap((h) => h.vi.map((vi) => [vi, { kind: h.kind, ...("level" in h ? { level: h.level } : {}) }] as const))),
  formats: phraseSet(forums.formats, (f) => f.vi),
  ordinalWords: new PhraseSet<number>(Object.entries(numbers.ordinals)),
  currencyAfterWords: amounts.currencies.flatMap((c) => c.after.map((word) => ({ word, code: c.code }))),
  currencyAfterMultiplierWords: amounts.currencies.flatMap((c) => ("afterMultiplier" in c ? (c.afterMultiplier as string[]) : []).map((word) => ({ word, code: c.code }))),
  currencyBefore: amounts.currencies.flatMap((c) => c.before.map((symbol) => ({ symbol, code: c.code }))),
  currencySuffixSymbols: amounts.currencies.flatMap((c) => ("suffixSymbols" in c ? (c.suffixSymbols as string[]) : []).map((symbol) => ({ symbol, code: c.code }))),
  multipliers: amounts.multipliers.flatMap((m) => m.vi.map((word) => ({ word, value: m.value }))),
  percentWords: amounts.percent,
  percentPointWords: amounts.percentPoints,
  comparatives: new Set(amounts.comparatives.map((w) => foldPhrase(w).join(" "))),
  wordNumbers: amounts.wordNumbers.flatMap((n) => n.vi.map((word) => ({ word, value: n.value }))),
  measureWords,
  approximatorWords: amounts.approximate.flatMap((a) => a.vi.map((word) => ({ word, qualifier: a.qualifier }))),
  outlets: new PhraseSet<true>(outlets.outlets.map((o) => [o, true] as const)),
  outletNames: outlets.outlets,
  knownOfficials: new Map<string, KnownOfficial>(knownOfficials.officials.map((o) => [foldPhrase(o.name).join(" "), o])),
  viSyllables: new Set<string>(viSyllables),
  /** One-syllable Vietnamese function words (stopwords-iso `vi`), folded like tokens. */
  stopwords: new Set<string>(viStopwords.map((w) => foldPhrase(w).join(" "))),
};

export type Lexicon = typeof lexicon;

/** Whether a single lowercase word is a Vietnamese syllable (the dictionary uses the new tone placement, as do we). */
export function isVietnameseSyllable(folded: string): boolean {
  return lexicon.viSyllables.has(folded) || lexicon.surnames.has(folded);
}

/** The names of a country by ISO code: English, and the first Vietnamese form. */
export function countryName(code: string): { en: string; vi: string } | undefined {
  const country = countries.find((c) => c.code === code);
  return country ? { en: country.en, vi: country.vi[0] ?? country.en } : undefined;
}
