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

/**
 * Forums as outlets write them (issue 13; guidelines, Refinements 2026-11-30): each sentence is
 * written for the project, [[…]] marks every forum expected, nothing else may be found.
 */
const OUTLET_FORMS: readonly [kind: string, marked: string][] = [
  ["a short name: head and one capitalized word", "Hàng trăm đại biểu dự [[Diễn đàn Thanh niên]] tại Huế."],
  ["a lowercase tail ending in capitalized parties", "Thành phố cử đoàn dự [[Diễn đàn các đô thị ven biển ASEAN - Nhật Bản]] năm nay."],
  ["a lowercase head with parties and a short ordinal", "Ông sang Hà Nội dự [[hội nghị thượng đỉnh Mỹ - Triều lần 2]] ở Hà Nội."],
  ["a lowercase head and an acronym", "Tổng thống sẽ dự [[thượng đỉnh G7]] tại Italy."],
  ["a lowercase head, a commission and its ordinal", "Hai bên nhất trí tổ chức [[phiên họp Ủy ban hỗn hợp Việt Nam - Chile lần thứ 3]] vào cuối năm."],
  ["a standing mechanism named by its qualifier", "Hai thủ tướng đồng chủ trì [[cuộc họp nội các chung]] đầu tiên."],
  ["an intergovernmental meeting with its parties", "Hai nước khôi phục [[cuộc họp liên chính phủ Lào - Campuchia]] sau nhiều năm."],
  ["an acronym standing for the forum after an introducer", "Phát biểu tại [[APEC]], Chủ tịch nước nêu ba đề xuất."],
  ["an acronym as the subject of a sentence", "[[G20]] đã thống nhất gói hỗ trợ nợ cho các nước nghèo."],
  ["an abbreviation introduced in parentheses, then used alone", "[[Hội nghị Bộ trưởng Kinh tế ASEAN lần thứ 56 (AEM-56)]] khai mạc sáng nay. Sau ba ngày, [[AEM-56]] thông qua 15 văn kiện."],
  ["a capitalized event named by lowercase words after a verb of attending", "Đoàn đã tham dự [[Hội nghị xúc tiến đầu tư]] tại Osaka."],
  ["a framework inside a meeting's name", "Ông dự [[Hội nghị Ngoại trưởng lần thứ 9 Hợp tác Mekong - Lan Thương]] tại Bagan."],
  ["a region introduced by ở stays in a described name", "Ý tưởng thành lập [[Diễn đàn tư vấn kinh tế cấp bộ trưởng ở châu Á - Thái Bình Dương]] được nêu năm 1989."],
  ["an acronym as an object, and two coordinated", "Việt Nam coi trọng [[APEC]] và đề nghị phối hợp tại [[APEC]] và [[G20]]."],
  ["not an acronym inside a longer name or before a plural noun", "Quỹ APEC tài trợ dự án; G7 countries agreed."],
  ["an introduced abbreviation modifying people is not the forum", "Ông dự [[Hội nghị Bộ trưởng Quốc phòng ASEAN (ADMM)]]; các Bộ trưởng ADMM nhất trí, và [[ADMM]] ra tuyên bố."],
  ["a capitalized head, a capitalized qualifier, lowercase words and a pair of parties", "Hai nước tổ chức [[Diễn đàn Đầu tư xanh Việt Nam - Nhật Bản]] lần đầu tiên; sáng nay khai mạc [[Diễn đàn hợp tác thủy sản Thái Lan - ASEAN]] tại Bangkok."],
  ["not the meeting as a subject, even before a pair of parties", "Tại đây, Hội nghị nhấn mạnh vai trò Việt Nam - Lào trong khu vực."],
  ["not a venue", "Lễ khai mạc diễn ra tại Trung tâm Hội nghị Quốc tế ở Hà Nội."],
  ["not a forum inside a person's title", "Ông là Chủ tịch Hội nghị Bộ trưởng ASEAN năm nay."],
  ["not an acronym modifying people or countries", "Các Bộ trưởng APEC đã họp; sản lượng của các nền kinh tế G20 tăng."],
  ["not a party congress", "Đảng ta tổ chức Đại hội lần thứ XIII của Đảng."],
  ["not the meeting as a subject", "Hội nghị đánh giá cao đề xuất của Việt Nam."],
  ["not a lowercase head referring back", "Hai ông gặp nhau tại hội nghị thượng đỉnh song phương kéo dài hai ngày. Cuộc họp này rất quan trọng."],
];

for (const [kind, marked] of OUTLET_FORMS) {
  test(`forums as outlets write them: ${kind}`, () => {
    check(marked, "forum");
  });
}
