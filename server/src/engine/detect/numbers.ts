/**
 * Reading numbers as Vietnamese and English news write them: "5,6" and "268,5" (decimal comma),
 * "1.200" and "27.919" (thousands dot), "1,500" and "1,500,000" (thousands comma, some outlets),
 * "1.234,5" and "1,234.5" (both marks), "2.5" (decimal point).
 */
export function parseNumber(written: string): number | undefined {
  if (!/^\d+(?:[.,]\d+)*$/.test(written)) return undefined;
  const dots = written.split(".").length - 1;
  const commas = written.split(",").length - 1;
  const groupsOfThree = (sep: string): boolean => written.split(sep).slice(1).every((g) => g.length === 3);
  let plain: string;
  if (dots > 0 && commas > 0) {
    const decimal = written.lastIndexOf(",") > written.lastIndexOf(".") ? "," : ".";
    const thousands = decimal === "," ? "." : ",";
    plain = written.split(thousands).join("").replace(decimal, ".");
  } else if (dots > 0) {
    plain = dots > 1 || groupsOfThree(".") ? written.split(".").join("") : written;
  } else if (commas > 0) {
    plain = commas > 1 || groupsOfThree(",") ? written.split(",").join("") : written.replace(",", ".");
  } else plain = written;
  if ((plain.match(/\./g) ?? []).length > 1) return undefined;
  const value = Number(plain);
  return Number.isFinite(value) ? value : undefined;
}

/** Multiplies without binary noise: 5.6 * 1e6 is 5600000, not 5599999.999999999. */
export function scale(value: number, factor: number): number {
  const scaled = value * factor;
  const rounded = Math.round(scaled * 1e6) / 1e6;
  return Math.abs(rounded - Math.round(rounded)) < 1e-6 ? Math.round(rounded) : rounded;
}
