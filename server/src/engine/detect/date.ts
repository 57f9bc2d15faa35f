/**
 * Dates and date-times: "Ngày 6/8", "ngày 10/6", "7/6/2021", "16/06/2022-14:15:00 PM",
 * "08:15 ngày 22/05/2024", "tháng 11/2020", "ngày 22 tháng 5 năm 2024". The ISO value needs a year:
 * given, or taken from the article's dateline (`datelineYear`).
 */
import type { ArticleDocument } from "../document";
import type { DateAttributes, EntityOf } from "../types";
import type { Line } from "../text/lines";
import { codePointEnd, isLetterOrNumberBefore, isNumberAt } from "../text/codePoints";

const PREFIX = "(?:(?:[Nn]gày|[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa|[Đđ]êm|[Rr]ạng sáng|[Hh]ôm)\\s+)";
/** "Thứ Năm, ", "Chủ nhật, " before a dateline's date. */
const WEEKDAY = "(?:(?:[Tt]hứ\\s+(?:[Hh]ai|[Bb]a|[Tt]ư|[Nn]ăm|[Ss]áu|[Bb]ảy|\\d)|[Cc]hủ\\s+[Nn]hật)\\s*,?\\s*)";
const TIME = "(\\d{1,2})[:h](\\d{2})(?::(\\d{2}))?(?:\\s?(AM|PM|SA|CH))?";
// A full date: day, month and year with one separator throughout ("15/08/2024", "15-08-2024", "5.8.2024").
const DMY = "(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4})";
const PATTERNS: { regex: RegExp; read: (m: RegExpExecArray) => DateAttributes | undefined }[] = [
  {
    // 16/06/2022-14:15:00 PM, 20/10/2023 15:30, Thứ Ba, 14/11/2023 - 09:25
    regex: new RegExp(`${WEEKDAY}?${PREFIX}?${DMY}\\s*[-–,|]?\\s*${TIME}`, "gu"),
    read: (m) => withTime(ymd(m[4], m[3], m[1]), m[5], m[6], m[7], m[8]),
  },
  {
    // 08:15 ngày 22/05/2024
    regex: new RegExp(`${TIME}\\s*[-–,|]?\\s*${PREFIX}?${DMY}`, "gu"),
    read: (m) => withTime(ymd(m[8], m[7], m[5]), m[1], m[2], m[3], m[4]),
  },
  { regex: new RegExp(`${WEEKDAY}?${PREFIX}?${DMY}`, "gu"), read: (m) => ymd(m[4], m[3], m[1]) },
  { regex: /(?:[Nn]gày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*(?:năm|,)\s*(\d{4}))?/gu, read: (m) => ymd(m[3], m[2], m[1]) },
  // Day and month alone need a word before them ("Ngày 6/8", "chiều 5.8"): "6/8" alone may be a score.
  { regex: new RegExp(`${PREFIX}(\\d{1,2})[/.](\\d{1,2})(?![/.]?\\d)`, "gu"), read: (m) => ymd(undefined, m[2], m[1]) },
  { regex: /[Tt]háng\s+(\d{1,2})\/(\d{4})/gu, read: (m) => ymd(m[2], m[1], undefined) },
  { regex: /(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/gu, read: (m) => withTime(ymd(m[1], m[2], m[3]), m[4], m[5], m[6], undefined) },
];

function ymd(year?: string, month?: string, day?: string): DateAttributes | undefined {
  const attributes: DateAttributes = {};
  if (year) attributes.year = Number(year);
  if (month) attributes.month = Number(month);
  if (day) attributes.day = Number(day);
  if (attributes.month !== undefined && (attributes.month < 1 || attributes.month > 12)) return undefined;
  if (attributes.day !== undefined && (attributes.day < 1 || attributes.day > 31)) return undefined;
  if (attributes.year !== undefined && (attributes.year < 1900 || attributes.year > 2100)) return undefined;
  return attributes;
}

function withTime(date: DateAttributes | undefined, hour?: string, minute?: string, second?: string, meridiem?: string): DateAttributes | undefined {
  if (!date || hour === undefined || minute === undefined) return date;
  let h = Number(hour);
  const pm = meridiem !== undefined && /^(PM|CH)$/i.test(meridiem);
  if (pm && h < 12) h += 12;
  if (meridiem !== undefined && /^(AM|SA)$/i.test(meridiem) && h === 12) h = 0;
  if (h > 23 || Number(minute) > 59) return date;
  date.time = `${pad(h)}:${minute}:${second ?? "00"}`;
  return date;
}

const pad = (n: number): string => String(n).padStart(2, "0");

/** ISO value of a date: "2022-06-16", "2022-06-16T14:15:00", "2020-11". */
export function isoDate(date: DateAttributes): string | undefined {
  if (date.year === undefined) return undefined;
  let iso = String(date.year);
  if (date.month !== undefined) iso += `-${pad(date.month)}`;
  if (date.month !== undefined && date.day !== undefined) iso += `-${pad(date.day)}`;
  if (date.time && date.day !== undefined) iso += `T${date.time}`;
  return iso;
}

/** Finds dates in the article lines of `doc`, or in some of its segments. `datelineYear` completes dates written without a year. */
export function detectDates(doc: ArticleDocument, datelineYear?: number, segments: Iterable<Line> = doc.articleSegments()): EntityOf<"date">[] {
  const entities: EntityOf<"date">[] = [];
  for (const line of segments) {
    const taken: { start: number; end: number }[] = [];
    for (const { regex, read } of PATTERNS) {
      regex.lastIndex = 0;
      for (let m = regex.exec(line.text); m; m = regex.exec(line.text)) {
        // No pattern matches empty text; were one to, the scan would stand still.
        if (m[0] === "") {
          regex.lastIndex = codePointEnd(line.text, m.index);
          continue;
        }
        const start = line.start + m.index;
        const end = start + m[0].length;
        if (taken.some((t) => t.start < end && start < t.end) || !boundaryOk(line.text, m.index, m.index + m[0].length)) continue;
        const attributes = read(m);
        if (!attributes || doc.isDebris(start, end)) continue;
        if (attributes.year === undefined && datelineYear !== undefined && attributes.month !== undefined) {
          attributes.year = datelineYear;
          attributes.yearFrom = "dateline";
        }
        const value = isoDate(attributes);
        if (value) attributes.value = value;
        taken.push({ start, end });
        entities.push({ type: "date", start, end, text: doc.text.slice(start, end), attributes, rule: "date.numeric" });
      }
    }
  }
  return entities.sort((a, b) => a.start - b.start);
}

/** Not glued to other digits or letters, of any script ("Covid-19/2020", "12/11/2025abc"). */
function boundaryOk(text: string, start: number, end: number): boolean {
  return !isLetterOrNumberBefore(text, start) && !isNumberAt(text, end);
}
