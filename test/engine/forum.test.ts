import { test } from "node:test";
import assert from "node:assert/strict";
import { check } from "../helpers/marked";
import type { ForumAttributes } from "../../server/src/engine";

const attrs = (entity: { attributes: unknown }): ForumAttributes => entity.attributes as ForumAttributes;

test("a meeting with qualifiers, parties and an ordinal", () => {
  const [forum] = check("Ông dự [[Hội nghị Bộ trưởng Kinh tế ASEAN - Hàn Quốc lần thứ 21]] tại Seoul.", "forum");
  assert.equal(attrs(forum!).kind, "ministerial-meeting");
  assert.equal(attrs(forum!).edition, 21);
  assert.equal(attrs(forum!).parties?.[0], "ASEAN");
  assert.equal(attrs(forum!).parties?.length, 2);
});

test("an ordinal in words and an abbreviation in parentheses belong to the name", () => {
  const [forum] = check("Việt Nam đăng cai [[Diễn đàn Khu vực ASEAN lần thứ hai (ARF)]] vào năm tới.", "forum");
  assert.equal(attrs(forum!).edition, 2);
  assert.equal(attrs(forum!).abbreviation, "ARF");
});

test("lowercase words inside a name that goes on to an ordinal", () => {
  check("Đại biểu dự [[Hội thảo quốc tế về biến đổi khí hậu vùng châu thổ lần thứ 6]] do trường tổ chức.", "forum");
});

test("format is read from the words after the name", () => {
  const [forum] = check("Ngày 2/3, [[Hội nghị cấp cao Mekong - Ấn Độ lần thứ 4]] diễn ra theo hình thức trực tuyến.", "forum");
  assert.equal(attrs(forum!).format, "online");
  assert.equal(attrs(forum!).kind, "summit");
});

test("frameworks: capitalized name, cơ chế, and lists introduced by khuôn khổ", () => {
  check("Các nước thúc đẩy [[Hợp tác Mekong - Lan Thương]] và [[cơ chế hợp tác Mê Kông]], cũng như [[Cơ chế COVAX]].", "forum");
  check("Hai bên phối hợp trong khuôn khổ [[Mekong - Ấn Độ]], [[Mekong - Úc]] và [[Mekong - Mỹ]], hướng tới phát triển bền vững.", "forum");
});

test("bare references, plurals, descriptive cooperation and other nouns are not forums", () => {
  check("Tại hội nghị, các bên thảo luận. Hội nghị đã thông qua tuyên bố chung.", "forum");
  check("Hai nước thúc đẩy hợp tác Mekong - Hàn Quốc và các cơ chế hợp tác Mekong khác.", "forum");
  check("Nhật Bản góp vốn cho Quỹ hợp tác Mekong - Nhật Bản và Kế hoạch hành động Mekong - Nhật Bản 2024 - 2026.", "forum");
  check("Hai bên làm việc trong khuôn khổ Đối tác chiến lược toàn diện ASEAN - Úc.", "forum");
});

test("a forum named inside a declaration's title is annotated for the forum part", () => {
  check("Các nước triển khai Tuyên bố chung [[Hội nghị cấp cao ASEAN lần thứ 40]] về kinh tế số.", "forum");
});

test("English forum names put the head noun last and may start with an ordinal", () => {
  const [first, second] = check("Ministers co-chaired the [[3rd Việt Nam - New Zealand Foreign Ministers' Meeting]] ahead of the [[ASEAN-Japan Commemorative Summit]].", "forum");
  assert.equal(attrs(first!).edition, 3);
  assert.equal(attrs(first!).kind, "ministerial-meeting");
  assert.equal(attrs(second!).kind, "summit");
});

test("a name that stops on a common word runs on to its party and abbreviation", () => {
  check("Đoàn dự [[Hội nghị Quan chức thương mại cấp cao ASEAN (STOM)]] tại Jakarta.", "forum");
});
