/**
 * The articles of the VS Code integration tests, shared by scripts/test-vscode.mjs (which writes
 * them into a temporary workspace, from the compiled build/e2e/fixture.js) and by the suite (which
 * knows from them what to expect).
 */

/** Copied from samples/: one of our own scraped articles. */
export const SAMPLE = {
  file: "vov-vietnam-new-zealand-partnership.txt",
  /** A person named in the article body, hovered by the tests. */
  person: "Lê Minh Hoàng",
  /** That person's country code, shown in the hover card as "(VN)". */
  country: "VN",
} as const;

export interface FixtureLine {
  text: string;
  /** The debris rule that flags this line; absent for a line of the article. */
  debris?: string;
}

/** A small article written fresh by the script: every kind of line is either article or marked debris. */
export const DEBRIS_ARTICLE = {
  file: "debris-article.txt",
  person: "Bùi Thanh Sơn",
  lines: [
    { text: "Trang chủ   Thời sự   Thế giới   Kinh tế   Xã hội", debris: "navigation" },
    { text: "Thế giới > Ngoại giao", debris: "navigation" },
    { text: "Việt Nam và Singapore ký kết thỏa thuận hợp tác kinh tế số" },
    { text: "Thứ Hai, 10:30, 03/03/2025" },
    { text: "Ngày 3/3, tại Hà Nội, Bộ trưởng Ngoại giao Bùi Thanh Sơn đã hội đàm với Bộ trưởng Ngoại giao Singapore Vivian Balakrishnan." },
    { text: "![](https://example.com/images/hoi-dam.jpg)", debris: "image-placeholder" },
    { text: "Hai bên nhất trí nâng kim ngạch thương mại song phương lên 45 tỷ USD vào năm 2030." },
    { text: "Bộ trưởng Bùi Thanh Sơn đề nghị Singapore tiếp tục mở rộng đầu tư vào các lĩnh vực kinh tế số và năng lượng tái tạo." },
    { text: "Bộ trưởng Bùi Thanh Sơn đề nghị Singapore tiếp tục mở rộng đầu tư vào các lĩnh vực kinh tế số và năng lượng tái tạo.", debris: "duplicate-line" },
    { text: "Tin liên quan", debris: "related-links" },
    { text: "Việt Nam - Singapore thúc đẩy hợp tác năng lượng sạch", debris: "related-links" },
    { text: "Thủ tướng tiếp Bộ trưởng Thương mại Singapore", debris: "related-links" },
    { text: "Bản quyền thuộc về Báo Điện tử. Cấm sao chép dưới mọi hình thức.", debris: "related-links" },
  ] satisfies readonly FixtureLine[] as readonly FixtureLine[],
};

/** The text of fixture lines, one per line, "\n"-terminated. */
export function textOf(lines: readonly FixtureLine[]): string {
  return lines.map((line) => line.text + "\n").join("");
}
