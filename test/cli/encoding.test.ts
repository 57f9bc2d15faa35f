import "./englishLocale";
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { cliPath } from "../helpers/paths";
import { ENCODING_ARTICLE } from "../helpers/encodingArticle";

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [cliPath, ...args], { encoding: "utf8" });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const ARTICLE = ENCODING_ARTICLE;
const CLEANED = ARTICLE.split("\n").slice(0, 3).join("\n") + "\n";

/** A folder with the article stored in TCVN3 (raw.txt) and its mojibake saved as UTF-8 (mojibake.txt). */
function workspace(): { raw: string; mojibake: string; rawBytes: Buffer; mojibakeBytes: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), "aa-encoding-"));
  const rawBytes = iconv.encode(ARTICLE, "tcvn");
  const mojibakeBytes = Buffer.from(iconv.decode(rawBytes, "windows-1252"), "utf8");
  writeFileSync(join(dir, "raw.txt"), rawBytes);
  writeFileSync(join(dir, "mojibake.txt"), mojibakeBytes);
  return { raw: join(dir, "raw.txt"), mojibake: join(dir, "mojibake.txt"), rawBytes, mojibakeBytes };
}

test("a TCVN3 file: lint and clean --write name the encoding and the option that reads it; the bytes are unchanged", () => {
  const { raw, rawBytes } = workspace();
  const lint = cli(["lint", raw]);
  assert.equal(lint.status, 2, "the file cannot be read as given");
  assert.match(lint.stderr, /raw\.txt: not valid UTF-8: it looks like TCVN3 \(ABC\) text: 'Thñ' reads 'Thủ'/);
  assert.match(lint.stderr, /read it with --encoding tcvn3, or convert it with clean --write --encoding tcvn3 --to-utf8/);
  const clean = cli(["clean", "--write", raw]);
  assert.equal(clean.status, 1);
  assert.match(clean.stderr, /TCVN3 \(ABC\)/);
  assert.deepEqual(readFileSync(raw), rawBytes, "bytes unchanged");
});

test("its mojibake saved as UTF-8: lint warns [encoding] naming TCVN3 and nothing else; clean and annotate refuse it; the bytes are unchanged", () => {
  const { mojibake, mojibakeBytes } = workspace();
  const lint = cli(["lint", mojibake]);
  assert.equal(lint.status, 1, lint.stderr);
  const lines = lint.stdout.trim().split("\n");
  assert.equal(lines.length, 1, "one warning, no debris");
  assert.match(lines[0]!, /mojibake\.txt:1:1: warning: Looks like TCVN3 \(ABC\) text read as Windows-1252 \(mojibake\): 'Thñ' reads 'Thủ'.* \[encoding\]$/);
  const json = JSON.parse(cli(["lint", "--format", "json", mojibake]).stdout) as { rule: string; fix?: unknown }[];
  assert.deepEqual(json.map((p) => [p.rule, p.fix]), [["encoding", undefined]], "no fix");
  for (const args of [["clean"], ["clean", "--write"], ["annotate"]]) {
    const run = cli([...args, mojibake]);
    assert.equal(run.status, 1, args.join(" "));
    assert.match(run.stderr, /mojibake\.txt: not (cleaned|annotated): Looks like TCVN3 \(ABC\)/, args.join(" "));
    assert.doesNotMatch(run.stdout, /Nguy Ôn/, "no run-together 'repair'");
  }
  assert.deepEqual(readFileSync(mojibake), mojibakeBytes, "bytes unchanged");
});

test("--encoding tcvn3 reads the file; clean --write refuses it without --to-utf8 and converts it to UTF-8 with it", () => {
  const { raw, rawBytes } = workspace();
  const lint = cli(["lint", "--encoding", "tcvn3", raw]);
  assert.equal(lint.status, 1, lint.stderr);
  assert.match(lint.stdout, /raw\.txt:4:1: .*\[related-links\]/, "the text is analyzed as Vietnamese");
  const preview = cli(["clean", "--encoding", "tcvn3", raw]);
  assert.equal(preview.status, 0, preview.stderr);
  assert.match(preview.stdout, /^-Tin liên quan$/m);
  const refused = cli(["clean", "--write", "--encoding", "tcvn", raw]);
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /raw\.txt: not cleaned: it was read as TCVN3 \(ABC\), and text is never stored back in a legacy encoding; add --to-utf8/);
  assert.deepEqual(readFileSync(raw), rawBytes, "bytes unchanged without --to-utf8");
  const converted = cli(["clean", "--write", "--encoding", "tcvn3", "--to-utf8", raw]);
  assert.equal(converted.status, 0, converted.stderr);
  assert.match(converted.stderr, /raw\.txt: converted from TCVN3 \(ABC\) to UTF-8/);
  assert.equal(readFileSync(raw, "utf8"), CLEANED, "UTF-8, cleaned");
});

test("--to-utf8 converts a VNI file with nothing to clean; a file already UTF-8 is read as UTF-8 whatever --encoding says", () => {
  const dir = mkdtempSync(join(tmpdir(), "aa-encoding-"));
  const vni = join(dir, "vni.txt");
  writeFileSync(vni, iconv.encode("Thuû töôùng Nguyeãn Vaên Bình tieáp Ñaïi söù Laøo\nChieàu 12/3, taïi Haø Noäi, hai beân nhaát trí taêng cöôøng hôïp taùc kinh teá vaø ñaàu tö.\n", "windows-1252"));
  assert.match(cli(["lint", vni]).stderr, /it looks like VNI \(VNI-Windows\) text/);
  const run = cli(["clean", "--write", "--encoding", "vni", "--to-utf8", vni]);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(readFileSync(vni, "utf8"), "Thủ tướng Nguyễn Văn Bình tiếp Đại sứ Lào\nChiều 12/3, tại Hà Nội, hai bên nhất trí tăng cường hợp tác kinh tế và đầu tư.\n");
  const again = cli(["clean", "--write", "--encoding", "vni", "--to-utf8", vni]);
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stderr, /cleaned 0 files/, "UTF-8 now: nothing to convert");
});

test("--encoding takes a known name; --to-utf8 goes with clean and --encoding", () => {
  const { raw } = workspace();
  assert.match(cli(["lint", "--encoding", "latin9", raw]).stderr, /--encoding must be tcvn3, vni, viscii or windows-1258, not "latin9"/);
  assert.equal(cli(["clean", "--write", "--to-utf8", raw]).status, 2);
  assert.equal(cli(["lint", "--encoding", "tcvn3", "--to-utf8", raw]).status, 2);
  assert.match(cli(["--help"]).stdout, /--encoding NAME[\s\S]*--to-utf8/);
});
