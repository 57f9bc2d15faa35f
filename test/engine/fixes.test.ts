import { test } from "node:test";
import assert from "node:assert/strict";
import { analyze, applyFixes, compileCustomRules } from "../../server/src/engine";

const BODY = "Sáng 12/3, đoàn đại biểu cấp cao đã làm việc với chính quyền địa phương về các dự án hạ tầng, giáo dục và y tế, đồng thời thống nhất kế hoạch triển khai trong năm nay.";
const PAGE = ["Báo Nhân Dân", "Hai nước ký thỏa thuận hợp tác", "【soi cầu xsmb】" + BODY, "Ông nói hai bên sẽ xây dựngCộng đồng vững mạnh.", "Tin liên quan", "Thủ tướng tiếp Đại sứ Pháp", "Khai mạc triển lãm ảnh về Hà Nội"].join("\r\n");

test("fix all removes every debris line and spliced span and repairs run-together words, in one edit", () => {
  const result = applyFixes(PAGE, analyze(PAGE).boilerplate);
  assert.equal(result.text, ["Hai nước ký thỏa thuận hợp tác", BODY, "Ông nói hai bên sẽ xây dựng Cộng đồng vững mạnh.", ""].join("\r\n"));
  assert.equal(result.skipped.length, 0);
  const { start, end, newText } = result.edit!;
  assert.equal(PAGE.slice(0, start) + newText + PAGE.slice(end), result.text, "the one edit gives the same text");
});

test("fixing a clean text changes nothing", () => {
  const text = ["Hai nước ký thỏa thuận hợp tác", BODY].join("\n");
  const result = applyFixes(text, analyze(text).boilerplate);
  assert.equal(result.text, text);
  assert.equal(result.edit, undefined);
});

test("overlapping and unsafe fixes are skipped, not merged", () => {
  const text = "abcdefghij";
  const finding = (start: number, end: number, safe = true) => ({
    rule: "t", start, end, startLine: 0, endLine: 0, message: "", severity: "warning" as const, scope: "span" as const, safe, fix: { start, end, newText: "" },
  });
  const result = applyFixes(text, [finding(1, 3), finding(2, 5), finding(6, 7, false), finding(8, 9)]);
  assert.equal(result.text, "adefghj");
  assert.deepEqual(result.skipped.map((f) => f.start), [2, 6]);
});

test("user rules flag an outlet's footer; rules can be switched off or re-graded", () => {
  const text = ["Hai nước ký thỏa thuận hợp tác", BODY, "Acme News - Tòa soạn: 1 Phố Huế", "Theo dõi Acme trên Zalo"].join("\n");
  const { rules, problems } = compileCustomRules([{ id: "acme-footer", pattern: "^Acme News\\b", message: "Acme's footer", severity: "hint" }]);
  assert.deepEqual(problems, []);
  const findings = analyze(text, { customRules: rules, rules: { prompt: "off" } }).boilerplate;
  assert.deepEqual(findings.map((f) => [f.rule, f.severity, f.message]), [["custom.acme-footer", "hint", "Acme's footer"]]);
  assert.equal(analyze(text, { rules: { prompt: "error" } }).boilerplate.find((f) => f.rule === "prompt")?.severity, "error");
});

test("bad user rules are reported, not thrown", () => {
  const { rules, problems } = compileCustomRules([{ id: "x", pattern: "([" }, { id: "bad id!", pattern: "a" }, { id: "y", pattern: "a", severity: "loud" }, "nope"]);
  const errors = problems.map((problem) => problem.message);
  assert.equal(rules.length, 0);
  assert.equal(errors.length, 4);
  assert.match(errors[0]!, /not a valid regular expression/);
  assert.deepEqual(compileCustomRules({}).problems.map((problem) => problem.message), ["customRules must be a list of { id, pattern, message?, severity? }"]);
});
