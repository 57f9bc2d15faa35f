/**
 * The legacy Vietnamese encodings the engine recognizes in mojibake, compiled from their data:
 * TCVN3 (ABC), VISCII and Windows-1258 from iconv-lite's tables (data/generated/legacy-encodings.json,
 * written by scripts/build-data.mjs), VNI from data/vni.json (no npm decoder knows it).
 */
import generated from "../data/generated/legacy-encodings.json";
import vni from "../data/vni.json";

/** A legacy Vietnamese encoding's id, as the CLI's `--encoding` takes it. */
export type LegacyEncoding = "tcvn3" | "vni" | "viscii" | "windows-1258";

export interface LegacyEncodingInfo {
  readonly id: LegacyEncoding;
  /** The name people know it by ("TCVN3 (ABC)"). */
  readonly label: string;
  /** iconv-lite's name for it; none for VNI, which iconv-lite does not know. */
  readonly iconv?: string;
  /**
   * What a character shown when the file's bytes are read as Windows-1252 (or Latin-1) means in
   * this encoding: a letter, or combining marks for the letter before it. Characters not listed
   * mean the same in both.
   */
  readonly asWindows1252: ReadonlyMap<string, string>;
}

const LEGACY_IDS: readonly string[] = ["tcvn3", "vni", "viscii", "windows-1258"];

function isLegacyId(id: string): id is LegacyEncoding {
  return LEGACY_IDS.includes(id);
}

function compile(entry: { id: string; label: string; iconv?: string; asWindows1252: object }): LegacyEncodingInfo {
  if (!isLegacyId(entry.id)) throw new Error(`unknown legacy encoding in data: ${entry.id}`);
  const table = Object.entries(entry.asWindows1252).filter((pair): pair is [string, string] => typeof pair[1] === "string");
  return { id: entry.id, label: entry.label, ...(entry.iconv ? { iconv: entry.iconv } : {}), asWindows1252: new Map(table) };
}

/** Every legacy encoding recognized, TCVN3 first (the most common in old Vietnamese files). */
export const LEGACY_ENCODINGS: readonly LegacyEncodingInfo[] = [...generated.encodings, vni]
  .map(compile)
  .sort((a, b) => LEGACY_IDS.indexOf(a.id) - LEGACY_IDS.indexOf(b.id));

/** The encoding of id `id`. */
export function legacyEncoding(id: LegacyEncoding): LegacyEncodingInfo {
  const found = LEGACY_ENCODINGS.find((encoding) => encoding.id === id);
  if (!found) throw new Error(`no data for legacy encoding ${id}`);
  return found;
}
