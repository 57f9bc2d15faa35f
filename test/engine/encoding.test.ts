import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { analyze, applyFixes, detectLegacyEncoding, rereadLegacy } from "../../server/src/engine";
import { repoRoot } from "../helpers/paths";
import { ENCODING_ARTICLE } from "../helpers/encodingArticle";

const ARTICLE = ENCODING_ARTICLE;

/** What an editor shows of the article stored in `encoding` when it reads the bytes as Windows-1252. */
function mojibake(bytes: Buffer): string {
  return iconv.decode(bytes, "windows-1252");
}

/** Windows-1258 spells a letter as a base with its shape (ê, ơ, ă) and a combining tone mark after it. */
function windows1258(text: string): Buffer {
  const decomposed = [...text.normalize("NFC")].map((char) => {
    const nfd = char.normalize("NFD");
    const tones = nfd.replace(/[^\u0300\u0301\u0303\u0309\u0323]/gu, "");
    return nfd.replace(/[\u0300\u0301\u0303\u0309\u0323]/gu, "").normalize("NFC") + tones;
  });
  return iconv.encode(decomposed.join(""), "windows-1258");
}

/** VNI-Windows, written by hand: a base letter then its marks ("Vieät" for "Việt"). */
const VNI = "Thuû töôùng Nguyeãn Vaên Bình tieáp Ñaïi söù Laøo\nChieàu 12/3, taïi Haø Noäi, hai beân nhaát trí taêng cöôøng hôïp taùc kinh teá vaø ñaàu tö.\n";

test("encoding: TCVN3 read as Windows-1252 is one warning naming TCVN3 with its evidence, and nothing else", () => {
  const text = mojibake(iconv.encode(ARTICLE, "tcvn"));
  assert.match(text, /NguyÔn/);
  const analysis = analyze(text);
  assert.ok(analysis.encoding, "mojibake is found");
  assert.equal(analysis.encoding.rule, "encoding");
  assert.equal(analysis.encoding.severity, "warning");
  assert.equal(analysis.encoding.encoding, "tcvn3");
  assert.match(analysis.encoding.message, /TCVN3 \(ABC\) text read as Windows-1252/);
  assert.match(analysis.encoding.message, /'Thñ' reads 'Thủ'/);
  assert.equal(text.slice(analysis.encoding.start, analysis.encoding.end), "Thñ", "on the first word that shows it");
  assert.deepEqual([analysis.entities, analysis.boilerplate, analysis.article], [[], [], {}], "no entity, no debris, no metadata");
  assert.equal(applyFixes(text, analysis.boilerplate).text, text, "no fix: 'NguyÔn' is not split into 'Nguy Ôn'");
});

test("encoding: VISCII, Windows-1258 and VNI read as Windows-1252 are named; each re-reads to the article", () => {
  const cases: [string, string, string][] = [
    [mojibake(iconv.encode(ARTICLE, "viscii")), "viscii", "VISCII"],
    [mojibake(windows1258(ARTICLE)), "windows-1258", "Windows-1258"],
    [VNI, "vni", "VNI"],
  ];
  for (const [text, id, label] of cases) {
    const analysis = analyze(text);
    assert.equal(analysis.encoding?.encoding, id, label);
    assert.ok(analysis.encoding.message.includes(label), analysis.encoding.message);
    assert.deepEqual([analysis.entities.length, analysis.boilerplate.length], [0, 0], label);
  }
  assert.equal(rereadLegacy(VNI, "vni"), "Thủ tướng Nguyễn Văn Bình tiếp Đại sứ Lào\nChiều 12/3, tại Hà Nội, hai bên nhất trí tăng cường hợp tác kinh tế và đầu tư.\n");
  assert.equal(rereadLegacy(mojibake(windows1258(ARTICLE)), "windows-1258"), ARTICLE);
});

test("encoding: Latin-1 readings (C1 controls for 0x80-0x9f) count as Windows-1252 ones", () => {
  assert.equal(detectLegacyEncoding(iconv.encode(ARTICLE, "tcvn").toString("latin1"))?.encoding, "tcvn3");
});

test("encoding: Unicode Vietnamese, English, German, French, empty and short texts are not flagged", () => {
  const texts = [
    ARTICLE,
    ARTICLE.normalize("NFD"),
    "",
    "\n\n",
    "The Prime Minister received the Lao Ambassador in Hanoi on Tuesday to discuss trade and investment.",
    "Die Ölförderung in Österreich ist für die Bäume schädlich; Müller sagt, das Öl fließt über die Grenze.",
    "Le poète a été très ému à Noël : où est l'élève qui a déjà reçu le prix à Besançon ?",
    "Vµ",
    "Hµ Néi",
  ];
  for (const text of texts) assert.equal(analyze(text).encoding, undefined, JSON.stringify(text.slice(0, 40)));
  assert.ok(analyze(ARTICLE).boilerplate.length > 0, "the Unicode article is analyzed as usual");
});

const corpora = ["corpus", "corpus-web"].map((name) => join(repoRoot, "..", "shared", name, "articles")).filter((dir) => existsSync(dir));

test(`encoding: no article of the shared corpora is flagged${corpora.length ? "" : " (skipped: needs ../shared beside the repository)"}`, { skip: corpora.length === 0 }, () => {
  let read = 0;
  for (const dir of corpora) {
    for (const name of readdirSync(dir).filter((f) => f.endsWith(".txt"))) {
      assert.equal(detectLegacyEncoding(readFileSync(join(dir, name), "utf8")), undefined, name);
      read++;
    }
  }
  assert.ok(read > 0);
});

test("encoding: pathological inputs (a 1 MB word of Latin-1 letters, 300,000 short German words) are read in bounded time and not flagged", () => {
  assert.equal(detectLegacyEncoding("ö".repeat(1_000_000)), undefined);
  assert.equal(detectLegacyEncoding("Öl ".repeat(300_000)), undefined);
  assert.equal(detectLegacyEncoding("ViÖt ".repeat(300_000))?.encoding, "tcvn3", "one mojibake word repeated is still evidence");
});
