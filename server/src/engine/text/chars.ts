/** Character tests for hot loops: ASCII answered without a Unicode regular expression. */

/** A–Z or a–z. */
export function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}
