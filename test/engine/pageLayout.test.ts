import { test } from "node:test";
import assert from "node:assert/strict";
import { analyze } from "../../server/src/engine";

/**
 * The page-layout classifier, one case per kind of debris it must tell by shape and place (issue 13),
 * each page written for the project. `debris` lists every line (0-based) expected flagged by any rule;
 * `evidence` is what the hover must say for the line the classifier itself decided.
 */
interface Case {
  readonly kind: string;
  readonly lines: readonly string[];
  readonly debris: readonly number[];
  readonly evidence?: readonly [line: number, message: RegExp];
}

const HEADLINE = "Hai nước ký thỏa thuận hợp tác về giáo dục và đào tạo";
const BODY = "Sáng 12/3, đoàn đại biểu cấp cao đã làm việc với chính quyền địa phương về các dự án hạ tầng, giáo dục và y tế, đồng thời thống nhất kế hoạch triển khai trong năm nay.";
const BODY2 = "Hai bên cũng trao đổi về việc mở rộng hợp tác giữa các trường đại học, tăng số suất học bổng và tổ chức các chương trình trao đổi sinh viên trong những năm tới.";

const CASES: readonly Case[] = [
  { kind: "a section label alone above the headline", lines: ["Giáo dục - Đào tạo", HEADLINE, BODY, BODY2], debris: [0], evidence: [0, /above the headline/] },
  { kind: "two labels and a menu above the headline", lines: ["Thời sự", "Đối ngoại", "Tin tức   Chính trị   Kinh tế   Thế giới 24h", HEADLINE, BODY], debris: [0, 1, 2] },
  { kind: "a slogan of capitalized words above the headline", lines: ["Trung Thực - Khách Quan - Nhanh Nhạy - Sâu Sát", HEADLINE, BODY], debris: [0], evidence: [0, /capitalized|above the headline/] },
  {
    kind: "the site's clock above the masthead: a date with furniture between it and the headline",
    lines: ["Thứ Ba, 05/03/2024 08:15 GMT+7", "• TBKT", "Quốc tế", HEADLINE, BODY],
    debris: [0, 1, 2],
    evidence: [0, /date stamp above the headline/],
  },
  { kind: "a dateline right above the headline is the article's", lines: ["Thế giới 05/03/2024 08:15", HEADLINE, BODY], debris: [] },
  { kind: "a bare date heading a post is the article's", lines: ["5/3", BODY, BODY2], debris: [] },
  { kind: "a crawler line with a date stamp and a photo agency", lines: [" date 2024-05 Photo : AFP", HEADLINE, BODY], debris: [0], evidence: [0, /crawler/] },
  { kind: "a crawler date glued to the headline leaves the headline article text", lines: [` date 2024-05-02 ${HEADLINE} 2/5`, BODY, BODY2], debris: [] },
  { kind: "a relative time under the dateline", lines: [HEADLINE, "• Thứ hai, 4/3/2024 10:20 (GMT+7)", "• 2 giờ trước", BODY], debris: [2], evidence: [2, /time with no date/] },
  {
    kind: "headline lists after the byline alternating with times",
    lines: [HEADLINE, BODY, BODY2, "Minh Châu", "Giá cà phê tăng mạnh phiên sáng", "10:45", "Cảng biển mở thêm hai tuyến mới", "09:30"],
    debris: [4, 5, 6, 7],
  },
  {
    kind: "reader comments are one block, names, bodies and reply rows included, with nothing annotated inside",
    lines: [HEADLINE, BODY, BODY2, "Bình luận", "user image", "Trần Văn Khoa", "Bài viết rất hay, Thủ tướng Lê Minh Hoàng đã nói đúng về giáo dục và tương lai.", "Trả lời  Thích  2 giờ trước", "Xem thêm bình luận"],
    debris: [3, 4, 5, 6, 7, 8],
    evidence: [3, /Reader comments/],
  },
  { kind: "a tag list and its unaccented lowercase items", lines: [HEADLINE, BODY, BODY2, "Tags:", "hop tac giao duc", "du hoc sinh"], debris: [3, 4, 5] },
  {
    kind: "lines opened by the page's URL slug",
    lines: [HEADLINE, BODY, "hai nuoc ky thoa thuan hop tac ve giao duc Thủ tướng tiếp Đại sứ Pháp", BODY2],
    debris: [2],
    evidence: [2, /unaccented lowercase words/],
  },
  {
    kind: "a site footer: the organization's name over its address, phone and e-mail",
    lines: [HEADLINE, BODY, BODY2, "Hội Người Việt Vùng Vịnh - Bay Area Vietnamese Association", "12 Main Street, San Jose, CA 95112; Tel: (408) 555-0199; E-mail: lienhe@example.org"],
    debris: [3, 4],
    evidence: [4, /address, phone number or e-mail/],
  },
  { kind: "an English feed footer and the fragment a cut left after it", lines: [HEADLINE, BODY, BODY2, "Subscribe to our newsletter!", "Mo"], debris: [3, 4], evidence: [3, /no Vietnamese word/] },
  {
    kind: "short lines between the closing credit and a related list",
    lines: [HEADLINE, BODY, BODY2, "Ngọc Lan (Theo Tiền Phong)", "Hết nội dung", "Đọc nhiều nhất", "Tin liên quan", "Khai trương tuyến bay mới Hà Nội - Tokyo"],
    debris: [4, 5, 6, 7],
  },
  {
    kind: "a form after the closing credit",
    lines: [HEADLINE, BODY, BODY2, "Theo NHÓM PV/TN", "Thông tin người gửi", "Hủy Gửi ý kiến"],
    debris: [4, 5],
    evidence: [4, /closing credit/],
  },
  {
    kind: "bylines, captions, short sentences and notes after the body stay article",
    lines: [HEADLINE, BODY, "Lễ ký kết diễn ra tại Hà Nội. Ảnh: Hải Nam", "Hai bên chụp ảnh lưu niệm.", "Thu Phương (TTXVN)", "(Bài viết được cập nhật lúc 10 giờ)", "Tin liên quan", "Khai trương tuyến bay mới Hà Nội - Tokyo"],
    debris: [6, 7],
  },
  { kind: "a table after the body, next to debris, is article data", lines: [HEADLINE, BODY, "| Mặt hàng | Kim ngạch |", "| Gạo | 1,2 tỷ USD |", "Tin liên quan", "Khai trương tuyến bay mới Hà Nội - Tokyo"], debris: [4, 5] },
  { kind: "an image's alt text: the headline numbered like an image", lines: [HEADLINE, BODY, `${HEADLINE} - 1`, BODY2], debris: [2], evidence: [2, /numbered like an image/] },
  {
    kind: "related headlines glued into one line",
    lines: [HEADLINE, BODY, "Việt Nam và Lào mở rộng hợp tác năng lượngThái Lan đón đoàn doanh nghiệp Việt Nam sang tìm hiểuCampuchia khai trương cửa khẩu mới", BODY2],
    debris: [2],
    evidence: [2, /headlines run together/],
  },
  { kind: "font-size controls", lines: [HEADLINE, "aa", BODY, BODY2], debris: [1] },
  { kind: "a broadcast promotion", lines: [HEADLINE, BODY, "* Mời quý vị theo dõi các bản tin đã phát trên kênh truyền hình trực tuyến!", BODY2], debris: [2] },
  { kind: "a logo's file name", lines: ["logo-bao-moi.png", HEADLINE, BODY], debris: [0] },
  {
    kind: "comment bodies framed by a time and a reply row, after a counter heading",
    lines: [HEADLINE, BODY, BODY2, "Bình luận (2)", "Nguyễn Văn Hòa", "3 giờ trước", "Bài viết rất hay, mong hai nước hợp tác nhiều hơn nữa trong giáo dục.", "Trả lời · Thích · 4", "Lê Thu", "1 giờ trước", "Cảm ơn tác giả đã viết bài này, rất bổ ích cho sinh viên.", "Trả lời · Thích"],
    debris: [3, 4, 5, 6, 7, 8, 9, 10, 11],
    evidence: [6, /reader's comment/],
  },
  {
    kind: "a comment thread ends where another article's headline and prose begin (pages glued into one file)",
    lines: [HEADLINE, BODY, BODY2, "Bình luận", "Lan Anh", "2 giờ trước", "Hay quá.", "Trả lời", "Thủ tướng tiếp Đại sứ Nhật Bản tại Hà Nội", BODY, BODY2],
    debris: [3, 4, 5, 6, 7],
    evidence: [3, /to line 8\./],
  },
  { kind: "a source line stays article text", lines: [HEADLINE, BODY, "Nguồn: Tổng cục Hải quan", BODY2], debris: [] },
  { kind: "links marked >> to other articles", lines: [HEADLINE, BODY, ">> Hai nước ký kết biên bản hợp tác giáo dục", ">> Khai trương tuyến bay mới Hà Nội - Tokyo", BODY2], debris: [2, 3], evidence: [2, /link to another article/] },
  { kind: "items under a heading that ends with a colon, names included", lines: [HEADLINE, BODY, BODY2, "Từ khóa:", "Điện Biên", "hợp tác giáo dục"], debris: [3, 4, 5] },
  {
    kind: "the headline shown again as a video title between the dateline and the body",
    lines: ["Quốc tế", HEADLINE, "Bình luận (0)", "Thứ Ba, 16/12/2025 - 11:20", HEADLINE, "00:00 / 03:12", BODY, BODY2],
    debris: [0, 2, 4, 5],
    evidence: [4, /copy of the headline/],
  },
  { kind: "a related heading right above the headline is a section label, not a list that takes the lead", lines: ["Tiêu điểm", HEADLINE, BODY, "Phương Thảo | 10:05 - 17/12/2025", BODY2], debris: [0] },
  { kind: "a byline repeated by the page", lines: [HEADLINE, BODY, BODY2, "Thu Hằng/VOV.VN", "Thu Hằng/VOV.VN"], debris: [4] },
  { kind: "a menu of section names in single-spaced capitalized words above the headline", lines: ["Trang chủ Thời sự Thế giới Kinh doanh Giải trí Thể thao Pháp luật Giáo dục Sức khỏe", HEADLINE, BODY], debris: [0], evidence: [0, /menu of sections/] },
  { kind: "an image placeholder in brackets, a font-size control with its label, an inline related link", lines: [HEADLINE, "Cỡ chữ: A A", BODY, "[Ảnh]", "Xem thêm: Thủ tướng tiếp Đại sứ Pháp tại Hà Nội", BODY2], debris: [1, 3, 4] },
  {
    kind: "a tagline with function words and a long menu, above the headline",
    lines: ["Cơ quan của Bộ Quốc phòng - Tiếng nói của lực lượng vũ trang và nhân dân cả nước", "Thứ Ba, ngày 21/10/2025", "Chính trị Quốc phòng - An ninh Kinh tế Xã hội Văn hóa Phóng sự Pháp luật Thế giới Bạn đọc Thể thao", HEADLINE, BODY],
    debris: [0, 1, 2],
    evidence: [2, /menu of sections/],
  },
  { kind: "an office credited right after the body stays, with debris below it", lines: [HEADLINE, BODY, BODY2, "Phòng Truyền thông", "Tin liên quan", "Khai trương tuyến bay mới Hà Nội - Tokyo"], debris: [4, 5] },
  { kind: "a page with no debris is left alone", lines: [HEADLINE, "Lãnh đạo hai nước tại lễ ký kết.", BODY, "Hợp tác giáo dục", BODY2, "Minh Châu"], debris: [] },
];

for (const { kind, lines, debris, evidence } of CASES) {
  test(`page layout: ${kind}`, () => {
    const text = lines.join("\n");
    const analysis = analyze(text);
    const found = new Set<number>();
    for (const finding of analysis.boilerplate) if (finding.scope === "lines") for (let k = finding.startLine; k <= finding.endLine; k++) if (lines[k]!.trim() !== "") found.add(k);
    assert.deepEqual([...found].sort((a, b) => a - b), [...debris]);
    if (evidence) {
      const [line, message] = evidence;
      const finding = analysis.boilerplate.find((f) => f.startLine <= line && line <= f.endLine);
      assert.match(finding?.message ?? "", message);
    }
    // Nothing is annotated inside debris lines.
    for (const entity of analysis.entities) assert.ok(![...found].some((k) => text.split("\n").slice(0, k).join("\n").length <= entity.start && entity.start < text.split("\n").slice(0, k + 1).join("\n").length), `${entity.text} is inside debris`);
  });
}
