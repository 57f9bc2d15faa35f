/**
 * A set of ranges answering "does [start, end) overlap any of them?" in logarithmic time, so that
 * checking each candidate against every forum or debris span stays linear overall.
 */
export class SpanIndex {
  private starts: number[] = [];
  private ends: number[] = [];
  /** Running maximum of `ends`, so one binary search answers an overlap query. */
  private reach: number[] = [];
  private sorted = true;
  private readonly pending: { start: number; end: number }[] = [];

  constructor(spans: Iterable<{ start: number; end: number }> = []) {
    for (const span of spans) this.add(span);
  }

  add(span: { start: number; end: number }): void {
    const last = this.starts.length - 1;
    if (this.sorted && (last < 0 || this.starts[last]! <= span.start)) {
      // In order (the usual case: spans found left to right): appended without sorting again.
      this.starts.push(span.start);
      this.ends.push(span.end);
      this.reach.push(Math.max(last < 0 ? -Infinity : this.reach[last]!, span.end));
      return;
    }
    this.pending.push(span);
    this.sorted = false;
  }

  overlaps(start: number, end: number): boolean {
    this.prepare();
    // The last span starting before `end`; any span from the first to it overlaps iff the reach of
    // ends up to it exceeds `start`.
    let lo = 0;
    let hi = this.starts.length - 1;
    let last = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! < end) {
        last = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return last >= 0 && this.reach[last]! > start;
  }

  private prepare(): void {
    if (this.sorted) return;
    const all = this.starts.map((s, k) => ({ start: s, end: this.ends[k]! })).concat(this.pending.splice(0));
    all.sort((a, b) => a.start - b.start);
    this.starts = all.map((s) => s.start);
    this.ends = all.map((s) => s.end);
    let max = -Infinity;
    this.reach = this.ends.map((e) => (max = Math.max(max, e)));
    this.sorted = true;
  }
}
