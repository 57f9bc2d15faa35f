import { test } from "node:test";
import assert from "node:assert/strict";
import { splitCount } from "../../server/src/engine/text/words";

const CASES = ["", "một", "Hai nước ký", "  hai  từ ", "a\tb\nc\r\nd", "x\u00A0y\u2003z\u3000w\uFEFFv", "tab\u000Bvertical\u000Cfeed", "Ab ".repeat(1000), "\u200Bzero width is not a space"];

test("splitCount counts as text.split(/\\s+/).length does, and stops at its limit", () => {
  for (const text of CASES) {
    const pieces = text.split(/\s+/).length;
    assert.equal(splitCount(text), pieces, JSON.stringify(text.slice(0, 40)));
    for (const limit of [1, 2, 3, 5, 40]) assert.equal(splitCount(text, limit), Math.min(pieces, limit), `${JSON.stringify(text.slice(0, 40))} up to ${limit}`);
  }
});
