/**
 * Tokens for CoNLL, spaCy/Prodigy and kappa (host/interchange/tokens.ts): zero-width spaces and other
 * invisible format characters (Cf) never make a token of their own; offsets stay exact.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { conll, CONLL_FILE } from "../../../server/src/host/interchange/formats/conll";
import { tokenSentences } from "../../../server/src/host/interchange/tokens";
import { CONTEXT } from "../../helpers/interchange";

/** Zero-width space between syllables, a BOM and a word joiner after line breaks, joiners after spaces, a lone soft hyphen, a soft hyphen inside a word. */
const TEXT = "Hà\u200bNội \u200c\u200dhôm nay\n\uFEFFÔng An\r\n\u2060đến \u00AD Huế co\u00ADop.\n\u200b";

test("tokens: no token is only whitespace or format characters; every token is the text at its offsets, and only those characters lie between them", () => {
  const tokens = tokenSentences(TEXT).flat();
  assert.deepEqual(tokens.map((t) => t.text), ["Hà", "Nội", "hôm", "nay", "Ông", "An", "đến", "Huế", "co\u00ADop", "."]);
  let at = 0;
  for (const token of tokens) {
    assert.equal(TEXT.slice(token.start, token.end), token.text, `${token.text} at its offsets`);
    assert.match(TEXT.slice(at, token.start), /^[\s\p{Cf}]*$/u, `only invisible characters before ${token.text}`);
    at = token.end;
  }
  assert.match(TEXT.slice(at), /^[\s\p{Cf}]*$/u);
});

test("tokens: a cut at a span's edge next to a format character leaves no invisible piece", () => {
  const text = "Bộ\u2060Ngoại giao";
  const tokens = tokenSentences(text, [2, 3]).flat();
  assert.ok(tokens.every((t) => !/^[\s\p{Cf}]*$/u.test(t.text)), JSON.stringify(tokens));
  assert.deepEqual(tokens.map((t) => [t.start, t.end]), tokens.map((t) => [text.indexOf(t.text), text.indexOf(t.text) + t.text.length]));
});

test("conll: a zero-width space or a BOM after a line break writes no invisible token", () => {
  const [file] = conll.write([{ name: "zw.txt", text: TEXT, spans: [] }], CONTEXT);
  assert.equal(file?.path, CONLL_FILE);
  const words = file.content.split("\n").filter((l) => l !== "" && !l.startsWith("-DOCSTART-")).map((l) => l.split(" ")[0]!);
  assert.ok(words.every((w) => !/^[\s\p{Cf}]*$/u.test(w)), JSON.stringify(words));
  assert.equal(words.join(""), "HàNộihômnayÔngAnđếnHuếco\u00ADop.");
});
