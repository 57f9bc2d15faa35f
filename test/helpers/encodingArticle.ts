/** An article written for the encoding tests: a headline, two paragraphs, and debris the engine would fix ("Tin liên quan" and the link under it). */
export const ENCODING_ARTICLE = [
  "Thủ tướng Nguyễn Văn Bình tiếp Đại sứ Lào",
  "Chiều 12/3, tại Hà Nội, Thủ tướng Nguyễn Văn Bình đã tiếp Đại sứ Lào nhân dịp kết thúc nhiệm kỳ công tác tại Việt Nam.",
  "Hai bên nhất trí tăng cường hợp tác kinh tế, thương mại và đầu tư, phấn đấu đưa kim ngạch lên 2 tỷ USD.",
  "Tin liên quan",
  "Xem thêm: Việt Nam và Lào ký kết thỏa thuận",
  "",
].join("\n");
