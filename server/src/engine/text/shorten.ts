/**
 * Messages that quote the text stay short: a quote of a huge line (a page scraped onto one line,
 * text with its spaces stripped) keeps its start and its end around an ellipsis, so a diagnostic, a
 * hover or a line of `lint` output is read at a glance and never carries the page.
 */
import { boundaryAtOrAfter, boundaryAtOrBefore } from "./codePoints";

/** A quote in a message is at most this long (UTF-16 units), its ellipsis included. */
export const MAX_QUOTE = 80;
/** A whole message is at most this long (UTF-16 units), after its quotes are shortened. */
export const MAX_MESSAGE = 400;
const ELLIPSIS = "…";
/** A quote in a message: straight double quotes around text without one. */
const QUOTE = /"([^"\n]*)"/gu;

/**
 * `text` if it is at most `max` units long, else its start and its end joined by "…" (`max` units
 * in all), cut between code points, never inside a surrogate pair.
 */
export function shortened(text: string, max: number = MAX_QUOTE): string {
  if (text.length <= max) return text;
  const keep = Math.max(0, max - ELLIPSIS.length);
  const head = boundaryAtOrBefore(text, Math.ceil(keep / 2));
  const tail = boundaryAtOrAfter(text, text.length - (keep - head));
  return text.slice(0, head) + ELLIPSIS + text.slice(tail);
}

/** A message with every quote longer than MAX_QUOTE shortened, and the whole at most MAX_MESSAGE units. */
export function boundedMessage(message: string): string {
  if (message.length <= MAX_QUOTE) return message;
  const quoted = message.replace(QUOTE, (whole: string, inner: string) => (inner.length <= MAX_QUOTE ? whole : `"${shortened(inner)}"`));
  if (quoted.length <= MAX_MESSAGE) return quoted;
  const end = boundaryAtOrBefore(quoted, MAX_MESSAGE - ELLIPSIS.length);
  return quoted.slice(0, end) + ELLIPSIS;
}
