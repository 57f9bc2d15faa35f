/**
 * An article written for the language tests (test/lsp/l10n.test.ts, test/lsp/neovim.test.ts): a
 * titled person named twice, a minister with a portfolio, an amount, a qualified amount ("hơn":
 * more than), a caption printed twice (debris: duplicate-line).
 */
export const L10N_ARTICLE = [
  "Hai nước nhất trí mở rộng hợp tác thương mại",
  "Chiều 14/5, tại Hà Nội, Thủ tướng Việt Nam Lương Văn Đạt đã hội kiến Bộ trưởng Ngoại giao Lào Bounmy Sayavong.",
  "Lễ ký kết thỏa thuận hợp tác tại Hà Nội",
  "Lễ ký kết thỏa thuận hợp tác tại Hà Nội",
  "Thủ tướng Lương Văn Đạt đề nghị hai bên nâng kim ngạch thương mại song phương lên 2,5 tỷ USD.",
  "Năm ngoái, vốn đầu tư của các doanh nghiệp đạt hơn 3,8 tỷ USD.",
  "",
].join("\n");
