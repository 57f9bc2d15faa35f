import { test } from "node:test";
import assert from "node:assert/strict";
import { check } from "../helpers/marked";
import type { PersonAttributes } from "../../server/src/engine";

const attrs = (entity: { attributes: unknown }): PersonAttributes => entity.attributes as PersonAttributes;

test("a title, a portfolio and a country come before the name; the span is the name only", () => {
  const [person] = check("Chiều 3/4, Bộ trưởng Ngoại giao Indonesia [[Sari Wulandari]] đã tiếp đoàn doanh nghiệp.", "person");
  assert.equal(attrs(person!).role, "minister");
  assert.equal(attrs(person!).portfolio, "foreign-affairs");
  assert.equal(attrs(person!).country, "ID");
});

test("stacked titles give every role; a ministry with a long name is skipped", () => {
  const [person] = check("Theo lời mời của Phó Thủ tướng, Bộ trưởng Bộ Ngoại giao và Hợp tác quốc tế Campuchia [[Sok Vannarith]], đoàn đã tới Phnom Penh.", "person");
  assert.deepEqual(attrs(person!).roles, ["deputy-prime-minister", "minister"]);
  assert.equal(attrs(person!).country, "KH");
  assert.equal(attrs(person!).title, "Phó Thủ tướng, Bộ trưởng Bộ Ngoại giao và Hợp tác quốc tế Campuchia");
});

test("Vietnamese names are family-name first and imply Vietnam when no country is stated", () => {
  const [person] = check("Thứ trưởng Ngoại giao [[Đỗ Minh Khang]] nhấn mạnh quan hệ hai nước.", "person");
  assert.equal(attrs(person!).country, "VN");
  assert.equal(attrs(person!).nameStyle, "vietnamese");
});

test("Korean hyphenated names, Japanese names in either order, Sino-Vietnamese readings", () => {
  check("Thứ trưởng Ngoại giao Hàn Quốc [[Park Ji-hoon]] và Thủ tướng Nhật Bản [[Tanaka Hiroshi]] đã gặp Ngoại trưởng [[Kenji Mori]].", "person");
  check("Chủ tịch Trung Quốc [[Tôn Vĩnh Khang]] gửi điện mừng.", "person");
});

test("a surname-only mention after a title resolves to the full name given earlier", () => {
  const found = check(
    "Bộ trưởng Ngoại giao Thái Lan [[Somchai Rattanakorn]] chủ trì cuộc gặp. Sau đó, Bộ trưởng [[Rattanakorn]] trả lời báo chí và [[Rattanakorn]] cảm ơn các nước.",
    "person",
  );
  assert.deepEqual(found.map((e) => attrs(e).canonical), ["Somchai Rattanakorn", "Somchai Rattanakorn", "Somchai Rattanakorn"]);
  assert.equal(attrs(found[1]!).country, "TH");
});

test("a given-name mention after an honorific resolves to the Vietnamese full name", () => {
  const found = check("Phó Thủ tướng [[Lâm Quốc Thịnh]] dự lễ. Theo ông [[Thịnh]], dự án sẽ hoàn thành vào năm sau.", "person");
  assert.equal(attrs(found[1]!).canonical, "Lâm Quốc Thịnh");
});

test("an untitled repeat of a known full name is a mention", () => {
  check("Thủ tướng [[Vũ Đình Hoà]] phát biểu khai mạc.\n[[Vũ Đình Hoà]] (giữa) cùng các đại biểu tại hội trường.", "person");
});

test("titles without a name, plurals and bylines are not persons", () => {
  check("Các Bộ trưởng nhất trí tăng cường hợp tác. Bộ trưởng nhấn mạnh vai trò của ASEAN.", "person");
  check("Bộ trưởng Ngoại giao các nước Mekong: Campuchia, Lào, Thái Lan đã tham dự.", "person");
  check("Minh Quân\nBáo Nhân Dân", "person");
});

test("a place after an honorific-looking word is not a person (Bà Rịa)", () => {
  check("Đoàn công tác đã làm việc tại tỉnh Bà Rịa - Vũng Tàu trong hai ngày.", "person");
});

test("persons inside a forum name are not detected", () => {
  check("Hội nghị Bộ trưởng Quốc phòng ASEAN lần thứ 17 diễn ra tại Viêng Chăn.", "person");
});

test("English titles, the country adjective before them, and honorifics", () => {
  const found = check("Deputy Prime Minister [[Trần Quang Vinh]] met Australian Foreign Minister [[Emma Clarke]] in Canberra. Ms [[Clarke]] said the talks were useful.", "person");
  assert.equal(attrs(found[0]!).role, "deputy-prime-minister");
  assert.equal(attrs(found[1]!).country, "AU");
  assert.equal(attrs(found[1]!).portfolio, "foreign-affairs");
  assert.equal(attrs(found[2]!).canonical, "Emma Clarke");
});

test("an organization the data does not know may stand between the title and the name", () => {
  check("Trưởng Ban Kinh tế đối ngoại Trung ương [[Hoàng Minh Tâm]] cho biết kế hoạch đã sẵn sàng.", "person");
  check("Deputy Governor of the Central Bank of Laos [[Bounleua Chanthala]] joined the talks.", "person");
});

test("lowercase particles belong to foreign names", () => {
  check("Chủ tịch Ủy ban châu Âu [[Margit van der Berg]] hoan nghênh thỏa thuận.", "person");
});

test("a title naming a building is not a title", () => {
  const [person] = check("Chiều 2/3, tại Phủ Chủ tịch, Thủ tướng [[Lê Văn Hiếu]] tiếp đoàn.", "person");
  assert.deepEqual(attrs(person!).roles, ["prime-minister"]);
});

// A generic leader noun with a country stands for a title (the "nhà lãnh đạo Cuba Tên Họ").
const GENERIC_LEADERS: { marked: string; role: string; country?: string }[] = [
  { marked: "Tổng thống sẽ gặp nhà lãnh đạo Cuba [[Miguel Santos]] vào tuần tới.", role: "leader", country: "CU" },
  { marked: "Thủ tướng [[Lê Văn Bình]] và người đồng cấp Thái Lan [[Somchai Wongsa]] đã ký kết.", role: "counterpart", country: "TH" },
  { marked: "chuyến thăm của người tiền nhiệm [[Rahul Kapoor]] năm ngoái.", role: "predecessor" },
];
for (const c of GENERIC_LEADERS) {
  test(`persons: a generic leader noun introduces a name (${c.role})`, () => {
    const person = check(c.marked, "person").at(-1);
    assert.equal((person!.attributes as { role?: string }).role, c.role);
    if (c.country) assert.equal((person!.attributes as { country?: string }).country, c.country);
  });
}

/**
 * Persons as outlets write them (issue 13; guidelines, Refinements 2026-11-30). Sentences written for
 * the project; [[…]] marks every person expected; `country` and `portfolio` are checked on the last one.
 */
const OUTLET_FORMS: { kind: string; marked: string; country?: string; portfolio?: string }[] = [
  { kind: "a long descriptive title", marked: "Cố vấn cấp cao của Thủ tướng về truyền thông [[Kim Dae-sung]] cho biết." },
  { kind: "a dash between title and name", marked: "Bộ trưởng Y tế - [[Trần Văn Khải]] phát biểu khai mạc." },
  { kind: "a portfolio the data does not know keeps the person, with the portfolio as written", marked: "Bộ trưởng Ngư nghiệp Malaysia [[Rahim Osman Karim]] phát biểu.", country: "MY", portfolio: "Ngư nghiệp" },
  { kind: "a long-form country name ends the title and gives the country", marked: "Tổng thống Cộng hòa Ả Rập Ai Cập [[Karim Hassan al-Masri]] đã đến.", country: "EG" },
  { kind: "a kingdom's long form", marked: "Quốc vương Vương quốc Bahrain [[Salman bin Hamad Al Khalifa]] tiếp đoàn.", country: "BH" },
  { kind: "Malay titles of honour stay outside, a patronymic's Dr. stays in", marked: "Thủ tướng Malaysia [[Rahim Osman]] và Phu nhân Dato’ Seri Dr. [[Siti Aisyah binti Dr. Ahmad Zaki]] đã đến." },
  { kind: "a ministry with two portfolios joined by và", marked: "Thứ trưởng Bộ Nông nghiệp và An ninh Lương thực [[Lim Boon Seng]] dự họp." },
  { kind: "an organization with its acronym in brackets", marked: "Trưởng Cơ quan Dịch vụ Thú y (DVS) [[Nurul binti Ahmad Faisal]] phát biểu." },
  { kind: "a commission with dash-joined parties before the name", marked: "Chủ tịch Ủy ban hợp tác Việt Nam - Lào [[Lê Minh Hoàng]] dự họp.", country: "VN" },
  { kind: "a Lao hyphenated name after a province's governor", marked: "Tỉnh trưởng tỉnh Xê-kông [[Bun-thăm Xổm-phết]] đón đoàn." },
  { kind: "a transliteration with the original in brackets gives two mentions", marked: "Thủ tướng Ô-xtrây-li-a [[Giôn Hâu-uốt]] ([[John Howard]]) đề xuất.", country: "AU" },
  { kind: "an honorific is never a repeat of the name it belongs to", marked: "Bộ trưởng Bộ Đầu tư, Thương mại và Công nghiệp Tengku [[Azlan Tengku Ismail]] dự họp." },
  { kind: "a photographer's credit is not a person", marked: "Lễ trao tặng diễn ra tại tỉnh - (Ảnh: Trần Thị Lan/VPTU)." },
  { kind: "Burmese and Arab honorifics stay outside the span", marked: "Bộ trưởng Ngoại giao Myanmar U [[Than Win]] và Tổng thống UAE Sheikh [[Khalid bin Zayed Al Nahyan]] hội đàm.", country: "AE" },
  { kind: "an overseas name of a country ends the title", marked: "Tổng thống Nam Hàn [[Park Ji-hoon]] phát biểu.", country: "KR" },
  { kind: "a middle initial keeps its dot", marked: "Bà [[Carla R. Mendes]], Giám đốc Quốc gia của WB, cho biết." },
  { kind: "a Vietnamese middle name is never a reference", marked: "Thứ trưởng Bộ Tài chính [[Trần Quốc Phương]] cho biết Giám đốc Quốc gia của WB đã đến." },
  { kind: "an unknown portfolio of several capitalized words before the country", marked: "Bộ trưởng Phát triển Kinh tế Nga [[Ivan Petrovsky]] dự diễn đàn.", country: "RU" },
  { kind: "a remark in brackets after the title, and an admiral", marked: "Trung tướng (nghỉ hưu) [[Budi Santoso]] và Phó Đô đốc [[Arief Wibowo]] dự họp." },
  { kind: "a Sino-Vietnamese name referred to by its family name", marked: "Bộ trưởng Ngoại giao Trung Quốc [[Vương Nghị]] phát biểu. Sau đó, ông [[Vương]] gặp báo chí." },
  { kind: "an academic title before a name", marked: "GS. [[Daniel K. Morris]] nhận định về Biển Đông." },
  { kind: "the trưởng of a compound title is not a title", marked: "Cục trưởng Cục Lễ tân Nhà nước [[Nguyễn Văn Hải]] đón đoàn; Đội trưởng Đội Danh dự chào." },
];
for (const c of OUTLET_FORMS) {
  test(`persons as outlets write them: ${c.kind}`, () => {
    const person = check(c.marked, "person").at(-1);
    if (c.country) assert.equal(attrs(person!).country, c.country);
    if (c.portfolio) assert.equal(attrs(person!).portfolio, c.portfolio);
  });
}
