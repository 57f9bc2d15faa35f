/**
 * A person's decisions in a record survive every batch run: `annotate --out` (twice), `clean
 * --write` of the article, and an edit of the article made outside the editor. Each decision ends on
 * its own text; none is dropped; the record stays valid.
 */
import "./englishLocale";
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cliPath } from "../helpers/paths";
import { assertValidRecord } from "../helpers/schema";
import type { RecordEntityJson as Entity } from "../helpers/record";

const ARTICLE = [
  "Báo Đồng Bằng",
  "Trang chủ   Thời sự   Thế giới   Kinh tế",
  "Việt Nam và Campuchia ký thỏa thuận thương mại",
  "Ngày 5/6, tại Phnom Penh, Phó Thủ tướng Campuchia Sok Chenda đã hội đàm với Bộ trưởng Công Thương Nguyễn Hồng Diên.",
  "Hai bên nhất trí nâng kim ngạch thương mại song phương lên 3 tỷ USD vào năm 2027.",
  "Cựu vận động viên Lý Hoàng Nam nói thỏa thuận mở ra nhiều cơ hội cho doanh nghiệp hai nước.",
  "Tin liên quan",
  "Thủ tướng tiếp Đại sứ Nhật Bản tại Hà Nội",
  "",
].join("\n");


function cli(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [cliPath, ...args], { encoding: "utf8", cwd });
}

test("a record's decisions survive annotate --out twice, clean --write and an edit made outside the editor", () => {
  const dir = mkdtempSync(join(tmpdir(), "aa-cli-curation-"));
  writeFileSync(join(dir, ".article-annotator.json"), JSON.stringify({ recordsFolder: "records" }));
  writeFileSync(join(dir, "campuchia.txt"), ARTICLE);
  const recordFile = join(dir, "records", "campuchia.annotations.json");
  const read = (): { entities: Entity[] } => JSON.parse(readFileSync(recordFile, "utf8")) as { entities: Entity[] };
  assert.equal(cli(["annotate", "campuchia.txt", "--out", "records"], dir).status, 0);

  // A person's decisions, written by hand as the editor would: one accepted, one rejected, one added.
  const record = read() as { entities: Entity[] } & Record<string, unknown>;
  const at = "2026-11-30T09:00:00.000Z";
  const accepted = record.entities.find((e) => e.text === "Sok Chenda")!;
  Object.assign(accepted, { origin: "manual", decision: { action: "accepted", by: "lan", at } });
  const rejected = record.entities.find((e) => e.type === "amount")!;
  Object.assign(rejected, { origin: "rejected", decision: { action: "rejected", by: "lan", at } });
  const start = ARTICLE.indexOf("Lý Hoàng Nam");
  record.entities.push({ id: "m1", type: "person", text: "Lý Hoàng Nam", start, end: start + 12, line: 5, character: start - ARTICLE.lastIndexOf("\n", start) - 1, attributes: { canonical: "Lý Hoàng Nam", nameStyle: "vietnamese" }, origin: "manual", rule: "manual", decision: { action: "added", by: "lan", at } });
  writeFileSync(recordFile, JSON.stringify(record, null, 2));
  assertValidRecord(record);

  const decided = (label: string, text: string): void => {
    const now = read();
    assertValidRecord(now, label);
    const find = (id: string): Entity => {
      const entity = now.entities.find((e) => e.id === id);
      assert.ok(entity, `${label}: ${id} is kept`);
      assert.ok(!entity.orphaned, `${label}: ${id} is found again`);
      assert.equal(text.slice(entity.start, entity.end), entity.text, `${label}: ${id} is on its text`);
      return entity;
    };
    assert.equal(find(accepted.id).decision?.action, "accepted");
    assert.equal(find(rejected.id).origin, "rejected");
    assert.equal(find("m1").text, "Lý Hoàng Nam");
    assert.equal(now.entities.filter((e) => e.type === "amount" && e.origin === "auto" && e.start === find(rejected.id).start).length, 0, `${label}: the rejected detection does not come back`);
    assert.equal(now.entities.filter((e) => e.text === "Sok Chenda").length, 1, `${label}: no automatic twin of the accepted entity`);
  };

  for (const round of [1, 2]) {
    const run = cli(["annotate", "campuchia.txt", "--out", "records"], dir);
    assert.equal(run.status, 0, run.stderr);
    decided(`annotate --out, run ${round}`, ARTICLE);
  }

  const cleaned = cli(["clean", "--write", "campuchia.txt"], dir);
  assert.equal(cleaned.status, 0, cleaned.stderr);
  assert.match(cleaned.stderr, /1 record re-anchored/);
  const afterClean = readFileSync(join(dir, "campuchia.txt"), "utf8");
  assert.notEqual(afterClean, ARTICLE, "the debris is gone");
  decided("clean --write", afterClean);

  const edited = "Bản tin tối, cập nhật lúc 20 giờ.\nBiên tập: phòng Thời sự.\n" + afterClean.replace("mở ra nhiều cơ hội", "đem lại nhiều cơ hội");
  writeFileSync(join(dir, "campuchia.txt"), edited);
  assert.equal(cli(["annotate", "campuchia.txt", "--out", "records"], dir).status, 0);
  decided("an edit outside the editor, then annotate", edited);
});
