/**
 * Inter-annotator agreement between two sets of records of the same articles (`agree DIR_A DIR_B`),
 * B measured against A:
 * - exact: a span of B counts when A has one with the same start, end and label (the CoNLL-2003
 *   evaluation's exact match); precision = B's matching spans / B's spans, recall = A's matched
 *   spans / A's spans, F1 their harmonic mean;
 * - overlap: a span counts when the other side has one of the same label sharing at least one
 *   character (the "lenient" match of MUC-style evaluations), each side counted on its own;
 * - Cohen's kappa (Cohen 1960) over tokens (`tokens.ts`, cut at both sides' span edges; whitespace
 *   and invisible format characters such as a zero-width space are no tokens): each token
 *   labelled with the label of the first span covering it, or "O"; κ = (pₒ − pₑ) / (1 − pₑ), pₑ from
 *   each side's label frequencies; undefined when pₑ = 1 (one label everywhere on both sides).
 * A ratio with nothing to divide (precision with no span in B, recall with none in A) is undefined,
 * written `null` in JSON. Offsets are UTF-16 code units, as in records.
 */
import type { EntityType } from "../../engine";
import { labelOf } from "./labels";
import { tokenSentences } from "./tokens";

/** A span as agreement reads it (a record entity: `line`/`character` 0-based, of `start`). */
export interface AgreementSpan {
  start: number;
  end: number;
  text: string;
  type: EntityType;
  attributes: object;
  line: number;
  character: number;
}

/** One article annotated by both. `text` is needed for kappa only (undefined: the article is left out of kappa). */
export interface AgreementPair {
  path: string;
  text: string | undefined;
  a: readonly AgreementSpan[];
  b: readonly AgreementSpan[];
}

export interface Scores {
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface LabelAgreement {
  label: string;
  /** Spans of A and of B with this label. */
  a: number;
  b: number;
  exact: Scores;
  overlap: Scores;
}

export type DisagreementKind = "missed" | "extra" | "boundary" | "label";

/** A place where A and B differ: `line`/`column` 1-based, of A's span (B's for "extra"). */
export interface Disagreement {
  path: string;
  line: number;
  column: number;
  /** missed: A has it and B nothing there; extra: B has it and A nothing there; boundary: same label, other span; label: overlapping spans with different labels. */
  kind: DisagreementKind;
  a?: { label: string; start: number; end: number; text: string };
  b?: { label: string; start: number; end: number; text: string };
}

export interface AgreementReport {
  articles: number;
  labels: LabelAgreement[];
  overall: LabelAgreement;
  kappa: { value: number | null; tokens: number; articles: number };
  disagreements: Disagreement[];
}

export function agreement(pairs: readonly AgreementPair[]): AgreementReport {
  const counts = new Map<string, { a: number; b: number; exactA: number; exactB: number; overlapA: number; overlapB: number }>();
  const countOf = (label: string) => {
    let c = counts.get(label);
    if (!c) counts.set(label, (c = { a: 0, b: 0, exactA: 0, exactB: 0, overlapA: 0, overlapB: 0 }));
    return c;
  };
  const disagreements: Disagreement[] = [];
  const confusion = new Map<string, number>(); // "labelA\u0000labelB" → tokens
  let tokens = 0;
  let kappaArticles = 0;
  for (const pair of pairs) {
    const a = pair.a.map((s) => ({ ...s, label: labelOf(s) }));
    const b = pair.b.map((s) => ({ ...s, label: labelOf(s) }));
    const same = (x: { start: number; end: number; label: string }, y: { start: number; end: number; label: string }): boolean => x.start === y.start && x.end === y.end && x.label === y.label;
    const overlaps = (x: { start: number; end: number }, y: { start: number; end: number }): boolean => x.start < y.end && y.start < x.end;
    for (const x of a) {
      const c = countOf(x.label);
      c.a++;
      if (b.some((y) => same(x, y))) c.exactA++;
      if (b.some((y) => y.label === x.label && overlaps(x, y))) c.overlapA++;
    }
    for (const y of b) {
      const c = countOf(y.label);
      c.b++;
      if (a.some((x) => same(x, y))) c.exactB++;
      if (a.some((x) => x.label === y.label && overlaps(x, y))) c.overlapB++;
    }
    const brief = (s: (typeof a)[number]) => ({ label: s.label, start: s.start, end: s.end, text: s.text });
    for (const x of a) {
      if (b.some((y) => same(x, y))) continue;
      const near = b.filter((y) => overlaps(x, y));
      const other = near.find((y) => y.label === x.label) ?? near[0];
      disagreements.push({ path: pair.path, line: x.line + 1, column: x.character + 1, kind: !other ? "missed" : other.label === x.label ? "boundary" : "label", a: brief(x), ...(other ? { b: brief(other) } : {}) });
    }
    for (const y of b) {
      if (a.some((x) => overlaps(x, y))) continue;
      disagreements.push({ path: pair.path, line: y.line + 1, column: y.character + 1, kind: "extra", b: brief(y) });
    }
    if (pair.text !== undefined) {
      kappaArticles++;
      const edges = [...a, ...b].flatMap((s) => [s.start, s.end]);
      for (const token of tokenSentences(pair.text, edges).flat()) {
        const key = `${labelAt(a, token.start)}\u0000${labelAt(b, token.start)}`;
        confusion.set(key, (confusion.get(key) ?? 0) + 1);
        tokens++;
      }
    }
  }
  const labels = [...counts.keys()].sort().map((label) => scoresOf(label, counts.get(label)!));
  const total = [...counts.values()].reduce((t, c) => ({ a: t.a + c.a, b: t.b + c.b, exactA: t.exactA + c.exactA, exactB: t.exactB + c.exactB, overlapA: t.overlapA + c.overlapA, overlapB: t.overlapB + c.overlapB }), { a: 0, b: 0, exactA: 0, exactB: 0, overlapA: 0, overlapB: 0 });
  disagreements.sort((x, y) => x.path.localeCompare(y.path) || x.line - y.line || x.column - y.column);
  return { articles: pairs.length, labels, overall: scoresOf("all", total), kappa: { value: cohensKappa(confusion, tokens), tokens, articles: kappaArticles }, disagreements };
}

/** The label of the first span (by start) covering offset `k`, or "O". */
function labelAt(spans: readonly { start: number; end: number; label: string }[], k: number): string {
  let best: { start: number; label: string } | undefined;
  for (const s of spans) if (s.start <= k && k < s.end && (!best || s.start < best.start)) best = s;
  return best?.label ?? "O";
}

function scoresOf(label: string, c: { a: number; b: number; exactA: number; exactB: number; overlapA: number; overlapB: number }): LabelAgreement {
  return { label, a: c.a, b: c.b, exact: prf(c.exactB, c.b, c.exactA, c.a), overlap: prf(c.overlapB, c.b, c.overlapA, c.a) };
}

function prf(matchedB: number, b: number, matchedA: number, a: number): Scores {
  const precision = b === 0 ? null : matchedB / b;
  const recall = a === 0 ? null : matchedA / a;
  const f1 = precision === null || recall === null ? null : precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

function cohensKappa(confusion: ReadonlyMap<string, number>, total: number): number | null {
  if (total === 0) return null;
  const rowA = new Map<string, number>();
  const rowB = new Map<string, number>();
  let observed = 0;
  for (const [key, n] of confusion) {
    const [la, lb] = key.split("\u0000") as [string, string];
    rowA.set(la, (rowA.get(la) ?? 0) + n);
    rowB.set(lb, (rowB.get(lb) ?? 0) + n);
    if (la === lb) observed += n;
  }
  const po = observed / total;
  let pe = 0;
  for (const [label, n] of rowA) pe += (n / total) * ((rowB.get(label) ?? 0) / total);
  return pe === 1 ? null : (po - pe) / (1 - pe);
}
