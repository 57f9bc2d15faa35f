/**
 * A persistent, content-addressed store of JSON values in a folder, for results that take long to
 * compute and depend only on some content and the settings they were computed with: the workspace
 * index's entries (namespace "index"), the CLI's analyses ("analysis"). Host-neutral, asynchronous
 * (fs/promises: the server's main thread may use it), and never trusted: anything unreadable is a
 * miss with a logged message, never an exception.
 *
 * Layout: `<dir>/content-cache-v1/<namespace>/<shard>.json`, one shard file per first hex digits of
 * the key (`shardDigits`: 2 → up to 256 files), each
 * `{"format":"article-annotator-content-cache","version":1,"namespace":…,"entries":{"<key>":{"at":<s>,"tag":…,"value":…}}}`.
 * A few hundred shards keep reading a whole namespace fast (the index reads every entry at once:
 * one JSON.parse per shard builds the values themselves) and writing one entry cheap (its shard only). Keys are SHA-256 hex (`contentKey`) of the content's
 * hash and a fingerprint of everything else the value depends on (`engineFingerprint`,
 * `settingsFingerprint`), so a changed input is a new key and an old entry is simply never asked for.
 *
 * Bounds: each shard keeps its most recently written (or, at most daily, read) entries within
 * `maxBytes / shards`, and always its newest one. Writes go to a temporary file renamed over the
 * shard, after merging with the shard as it is on disk then, so a reader never sees half a file and
 * servers sharing the folder never corrupt it (when two write one shard at the same moment, the
 * entries of one may be lost: a later miss, nothing worse).
 */
import * as l10n from "@vscode/l10n";
import { createHash, randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { analysisRequest } from "./analysisWorker";
import { describeError } from "./articleFiles";
import type { ResolvedSettings } from "./settings";

export const CONTENT_CACHE_FORMAT = "article-annotator-content-cache";
export const CONTENT_CACHE_VERSION = 1;
/** The folder under the cache folder holding this version's namespaces (a new format gets a new folder). */
export const CONTENT_CACHE_FOLDER = `content-cache-v${CONTENT_CACHE_VERSION}`;

/** How old an entry's time may get before a read refreshes it (so a bound evicts what is not used). */
const TOUCH_AFTER_SECONDS = 24 * 60 * 60;
const KEY = /^[0-9a-f]{64}$/;
const NAMESPACE = /^[a-z][a-z0-9-]{0,31}$/;

export interface ContentCacheOptions<T> {
  /** Bound of the namespace's files, in bytes (default 64 MB); see the module's comment. */
  maxBytes?: number;
  /** Hex digits of a key naming its shard: 1 (16 files), 2 (256, default) or 3 (4,096: for large values such as analyses). */
  shardDigits?: 1 | 2 | 3;
  /** Whether a stored value has the expected shape; one that has not is a miss. */
  accept: (value: unknown) => value is T;
  /** Where problems are told (an unreadable shard, an unwritable folder); at most one line per shard, per flush. */
  log?: (message: string) => void;
  /** set() flushes by itself once this many entries wait (default 256), so waiting values do not pile up in memory. */
  flushAfter?: number;
  /**
   * The shards this instance writes keep only entries of this tag: the others (an older engine's,
   * other settings') are dropped, so they do not cost every later readAll their parsing. For a
   * user whose entries all share one tag at a time, such as the workspace index.
   */
  keepTag?: string;
}

/** What a flush did. */
export interface FlushResult {
  /** Shard files written. */
  written: number;
  /** Entries dropped to keep the bound, or for another tag than `keepTag`. */
  evicted: number;
  /** Entries that could not be written (unwritable folder, full disk): told in the log. */
  failed: number;
}

interface StoredEntry {
  /** When it was written (or last refreshed by a read), in seconds since 1970. */
  at: number;
  tag?: string;
  value: unknown;
}

/** One namespace of a content cache folder. Create with `new ContentCache(dir, namespace, options)`: nothing is read or written until asked. */
export class ContentCache<T> {
  /** The namespace's folder. */
  readonly folder: string;
  private readonly digits: number;
  private readonly shardBudget: number;
  /** Values waiting to be written, by shard, by key. */
  private pending = new Map<string, Map<string, { value: T; tag?: string }>>();
  private pendingCount = 0;
  /** Keys read with an old time, whose time the next flush refreshes when they are asked to be kept (`touch`). */
  private readonly aging = new Set<string>();
  private touched = new Map<string, Set<string>>();
  private flushing: Promise<FlushResult> = Promise.resolve({ written: 0, evicted: 0, failed: 0 });
  private readonly reported = new Set<string>();

  /**
   * `dir`: the cache folder (created on the first write); `namespace`: lowercase letters, digits and
   * "-" ("index", "analysis"). Throws TypeError for another namespace (a bug, not bad input).
   */
  constructor(
    readonly dir: string,
    readonly namespace: string,
    private readonly options: ContentCacheOptions<T>,
  ) {
    if (!NAMESPACE.test(namespace)) throw new TypeError(`content cache: bad namespace "${namespace}"`);
    this.folder = join(dir, CONTENT_CACHE_FOLDER, namespace);
    this.digits = options.shardDigits ?? 2;
    this.shardBudget = Math.max(1, Math.floor((options.maxBytes ?? 64 * 1024 * 1024) / 16 ** this.digits));
  }

  /**
   * The value stored under `key` (64 hex digits, see `contentKey`), or undefined: never stored,
   * evicted, or unreadable (told once in the log). A value waiting to be written is found too.
   * Rejects only with TypeError, for a malformed key (a bug, not bad input).
   */
  async get(key: string): Promise<T | undefined> {
    const shard = this.shardOf(key);
    const waiting = this.pending.get(shard)?.get(key);
    if (waiting !== undefined) return waiting.value;
    const entry = (await this.readShard(shard))?.get(key);
    return entry ? this.valueOf(key, entry, shard) : undefined;
  }

  /**
   * Every stored entry of the namespace set with `tag` (every shard read; unreadable ones told in the
   * log and left out): for a caller that needs most of them at once, such as the workspace index,
   * which tags its entries with its settings' fingerprint. Never rejects.
   */
  async readAll(tag?: string): Promise<Map<string, T>> {
    const all = new Map<string, T>();
    let shards: string[] = [];
    try {
      const shardName = new RegExp(`^[0-9a-f]{${this.digits}}\\.json$`);
      shards = (await readdir(this.folder)).filter((name) => shardName.test(name)).map((name) => name.slice(0, this.digits));
    } catch (error) {
      // No folder yet: nothing cached. Another reason is told, and the index goes on without the cache.
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") this.reportOnce(this.folder, l10n.t("content cache: cannot read {0} ({1}); its entries are computed again", this.folder, describeError(error)));
    }
    // A few reads at a time: enough to keep the disk busy without opening hundreds of files at once.
    let next = 0;
    const now = Date.now() / 1000;
    const reader = async (): Promise<void> => {
      for (let shard = shards[next++]; shard !== undefined; shard = shards[next++]) {
        for (const [key, entry] of (await this.readShard(shard)) ?? []) {
          if (entry.tag !== tag) continue;
          const value = this.valueOf(key, entry, shard, now);
          if (value !== undefined) all.set(key, value);
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, reader));
    for (const values of this.pending.values()) for (const [key, waiting] of values) if (waiting.tag === tag) all.set(key, waiting.value);
    return all;
  }

  /**
   * Stores `value` under `key` (written by the next flush; JSON data only: what JSON.stringify
   * keeps is what comes back); `tag`, a group readAll can ask for. Throws TypeError for a malformed
   * key (a bug).
   */
  set(key: string, value: T, tag?: string): void {
    const shard = this.shardOf(key);
    let values = this.pending.get(shard);
    if (!values) this.pending.set(shard, (values = new Map<string, { value: T; tag?: string }>()));
    if (!values.has(key)) this.pendingCount++;
    values.set(key, tag === undefined ? { value } : { value, tag });
    if (this.pendingCount >= (this.options.flushAfter ?? 256)) void this.flush();
  }

  /** Marks `key`, found by get or readAll, as used: the next flush refreshes its time if it is a day old, so the bound evicts unused entries first. */
  touch(key: string): void {
    if (!this.aging.has(key)) return;
    this.aging.delete(key);
    const shard = this.shardOf(key);
    let keys = this.touched.get(shard);
    if (!keys) this.touched.set(shard, (keys = new Set<string>()));
    keys.add(key);
  }

  /**
   * Writes what set() and touch() left waiting: each shard concerned is read again, merged, bounded
   * and replaced atomically. Resolves when written, also after an earlier flush still running; never
   * rejects (a failure is told in the log and counted in `failed`; its entries are dropped).
   */
  flush(): Promise<FlushResult> {
    const pending = this.pending;
    const touched = this.touched;
    this.pending = new Map();
    this.touched = new Map();
    this.pendingCount = 0;
    this.flushing = this.flushing.then(() => this.write(pending, touched));
    return this.flushing;
  }

  private async write(pending: Map<string, Map<string, { value: T; tag?: string }>>, touched: Map<string, Set<string>>): Promise<FlushResult> {
    const result: FlushResult = { written: 0, evicted: 0, failed: 0 };
    const shards = new Set([...pending.keys(), ...touched.keys()]);
    if (shards.size === 0) return result;
    try {
      await mkdir(this.folder, { recursive: true });
    } catch (error) {
      result.failed = [...pending.values()].reduce((n, values) => n + values.size, 0);
      this.options.log?.(l10n.t("content cache: cannot create {0} ({1}); {2} entries are not kept", this.folder, describeError(error), result.failed));
      return result;
    }
    let firstFailure: string | undefined;
    const now = Math.floor(Date.now() / 1000);
    for (const shard of shards) {
      // As stored (newest first), the touched ones made new, after the values written now (the last set first).
      const stored = (await this.readShard(shard)) ?? new Map<string, StoredEntry>();
      for (const key of touched.get(shard) ?? []) {
        const entry = stored.get(key);
        if (entry) entry.at = now;
      }
      const fresh = [...(pending.get(shard) ?? [])].reverse().map(([key, { value, tag }]): [string, StoredEntry] => [key, { at: now, ...(tag === undefined ? {} : { tag }), value }]);
      for (const [key] of fresh) stored.delete(key);
      const all = [...fresh, ...stored];
      const entries = this.options.keepTag === undefined ? all : all.filter(([, entry]) => entry.tag === this.options.keepTag);
      const dropped = all.length - entries.length;
      const { text, evicted } = this.serialize(entries);
      try {
        await writeAtomicAsync(this.shardPath(shard), text);
        result.written++;
        result.evicted += evicted + dropped;
      } catch (error) {
        result.failed += pending.get(shard)?.size ?? 0;
        firstFailure ??= `${this.shardPath(shard)}: ${describeError(error)}`;
      }
    }
    if (firstFailure) this.options.log?.(l10n.t("content cache: cannot write {0}; {1} entries are not kept (the cache is only a shortcut: nothing else is lost)", firstFailure, result.failed));
    return result;
  }

  /** The shard's text with its newest entries within the budget (always the newest one); `entries` in that order for equal times. */
  private serialize(entries: [string, StoredEntry][]): { text: string; evicted: number } {
    const head = `{"format":"${CONTENT_CACHE_FORMAT}","version":${CONTENT_CACHE_VERSION},"namespace":"${this.namespace}","entries":{`;
    const newestFirst = [...entries].sort(([, a], [, b]) => b.at - a.at); // stable
    const parts: string[] = [];
    let size = head.length + 3;
    for (const [key, entry] of newestFirst) {
      const part = `${JSON.stringify(key)}:${JSON.stringify(entry)}`;
      const bytes = Buffer.byteLength(part) + 1;
      if (parts.length > 0 && size + bytes > this.shardBudget) break;
      parts.push(part);
      size += bytes;
    }
    return { text: `${head}${parts.join(",")}}}\n`, evicted: entries.length - parts.length };
  }

  /** A shard's entries, or undefined when it is missing (silently) or unreadable, foreign or corrupt (told once). */
  private async readShard(shard: string): Promise<Map<string, StoredEntry> | undefined> {
    const path = this.shardPath(shard);
    let text: string;
    try {
      text = await readFile(path, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") this.reportOnce(path, l10n.t("content cache: cannot read {0} ({1}); its entries are computed again", path, describeError(error)));
      return undefined;
    }
    const problem = (reason: string): undefined => {
      this.reportOnce(path, l10n.t("content cache: ignoring {0}: {1}; its entries are computed again and the file is replaced", path, reason));
      return undefined;
    };
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return problem(l10n.t("not JSON ({0}): truncated or corrupt", describeError(error)));
    }
    const shape = data as { format?: unknown; version?: unknown; namespace?: unknown; entries?: unknown } | null;
    if (typeof shape !== "object" || shape === null || shape.format !== CONTENT_CACHE_FORMAT) return problem(l10n.t("not a content cache file"));
    if (shape.version !== CONTENT_CACHE_VERSION) return problem(l10n.t("format version {0}, not {1}", String(shape.version), CONTENT_CACHE_VERSION));
    if (shape.namespace !== this.namespace) return problem(l10n.t("it belongs to namespace {0}", String(shape.namespace)));
    if (typeof shape.entries !== "object" || shape.entries === null || Array.isArray(shape.entries)) return problem(l10n.t("no entries"));
    const entries = new Map<string, StoredEntry>();
    let rejected = 0;
    for (const [key, raw] of Object.entries(shape.entries as Record<string, unknown>)) {
      const entry = raw as Partial<StoredEntry> | null;
      if (KEY.test(key) && key.startsWith(shard) && typeof entry === "object" && entry !== null && typeof entry.at === "number" && entry.value !== undefined && (entry.tag === undefined || typeof entry.tag === "string")) {
        entries.set(key, { at: entry.at, ...(entry.tag === undefined ? {} : { tag: entry.tag }), value: entry.value });
      } else rejected++;
    }
    if (rejected > 0) this.reportOnce(path, l10n.t("content cache: ignoring {0} malformed entries in {1}", rejected, path));
    return entries;
  }

  /** An entry's value, when it has the expected shape (else undefined, told once). */
  private valueOf(key: string, entry: StoredEntry, shard: string, now = Date.now() / 1000): T | undefined {
    const value = entry.value;
    if (!this.options.accept(value)) {
      this.reportOnce(this.shardPath(shard), l10n.t("content cache: ignoring a malformed entry in {0}", this.shardPath(shard)));
      return undefined;
    }
    if (entry.at < now - TOUCH_AFTER_SECONDS) this.aging.add(key);
    return value;
  }

  private shardOf(key: string): string {
    if (!KEY.test(key)) throw new TypeError(`content cache: a key is 64 lowercase hex digits (contentKey), not "${key}"`);
    return key.slice(0, this.digits);
  }

  private shardPath(shard: string): string {
    return join(this.folder, `${shard}.json`);
  }

  private reportOnce(path: string, message: string): void {
    if (this.reported.has(path)) return;
    this.reported.add(path);
    this.options.log?.(message);
  }
}

/** Writes `content` to `path` through a temporary file of its own (process and random suffix) renamed over it. Rejects on failure, leaving no temporary file. */
async function writeAtomicAsync(path: string, content: string): Promise<void> {
  const temporary = `${path}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    await writeFile(temporary, content, { flag: "wx" });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}

/** SHA-256 (hex) of `data`. */
export function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** A cache key: the SHA-256 (hex) of `parts` (content hashes, fingerprints), each one delimited. */
export function contentKey(...parts: string[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(`${part.length}:${part}\0`);
  return hash.digest("hex");
}

/**
 * The engine's fingerprint: the SHA-256 of the bundle the code runs from (`dist/server.js`,
 * `dist/cli.js`), which holds the engine, its data and the package version; so any new build is a
 * new fingerprint. Undefined (and no caching, then) when it cannot be read.
 */
export async function engineFingerprint(bundlePath: string): Promise<string | undefined> {
  try {
    return sha256(await readFile(bundlePath));
  } catch {
    return undefined;
  }
}

/**
 * A fingerprint (hex) of the settings that change an analysis: exactly what `analysisRequest` sends
 * with the text (rule settings, custom rules, whether the knowledge base is linked, the workspace's
 * knowledge base layers), in a canonical form (object keys sorted), so equal settings always agree.
 */
export function settingsFingerprint(settings: Pick<ResolvedSettings, "rules" | "customRules" | "knowledgeBase" | "knowledgeBaseLayers">): string {
  const { text: _text, ...rest } = analysisRequest("", settings);
  return sha256(canonicalJson(rest));
}

/**
 * JSON with object keys sorted at every level (undefined members left out, as JSON.stringify
 * does), so two equal values always give one text: for fingerprints and digests.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, member: unknown) => {
    if (member === null || typeof member !== "object" || Array.isArray(member)) return member;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(member).sort()) sorted[key] = (member as Record<string, unknown>)[key];
    return sorted;
  });
}
