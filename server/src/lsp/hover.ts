/** Hover: a compact Markdown card for the entity or debris under the cursor. */
import type { Hover, MarkupContent } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { AmountAttributes, Analysis, Entity, ForumAttributes, PersonAttributes, DateAttributes } from "../engine";
import { toRange } from "./convert";

export function hoverAt(document: TextDocument, analysis: Analysis, offset: number): Hover | null {
  const entity = analysis.entities.find((e) => e.start <= offset && offset < e.end);
  if (entity) {
    const contents: MarkupContent = { kind: "markdown", value: entityCard(entity, analysis) };
    return { contents, range: toRange(document, entity.start, entity.end) };
  }
  const debris = analysis.boilerplate.find((b) => b.start <= offset && offset < b.end);
  if (debris) return { contents: { kind: "markdown", value: `**debris** · \`${debris.rule}\`\n\n${debris.message}` } };
  return null;
}

function entityCard(entity: Entity, analysis: Analysis): string {
  const lines = [`**${entity.type}** · ${escape(entity.text)}`];
  switch (entity.type) {
    case "person": {
      const a = entity.attributes as PersonAttributes;
      const mentions = analysis.entities.filter((e) => e.type === "person" && (e.attributes as PersonAttributes).canonical === a.canonical).length;
      if (a.canonical !== entity.text) lines.push(`refers to ${escape(a.canonical)}`);
      const facts = [a.title, a.roles?.join(", "), a.portfolio, a.country].filter(Boolean);
      if (facts.length) lines.push(facts.map((f) => escape(String(f))).join(" · "));
      lines.push(`${mentions} mention${mentions === 1 ? "" : "s"} in this article`);
      break;
    }
    case "forum": {
      const a = entity.attributes as ForumAttributes;
      lines.push([a.kind, a.edition !== undefined ? `edition ${a.edition}` : "", a.parties?.join(" – "), a.level, a.format].filter(Boolean).join(" · "));
      break;
    }
    case "amount": {
      const a = entity.attributes as AmountAttributes;
      const value = a.range ? `${a.range.min.toLocaleString("en-US")}–${a.range.max.toLocaleString("en-US")}` : a.value.toLocaleString("en-US");
      lines.push(`${a.kind} · ${a.approximate ? "≈ " : ""}${value} ${a.unit}`);
      break;
    }
    case "date": {
      const a = entity.attributes as DateAttributes;
      if (a.value) lines.push(`${a.value}${a.yearFrom ? " (year from the dateline)" : ""}`);
      break;
    }
    default:
      break;
  }
  lines.push(`_rule: \`${entity.rule}\`_`);
  return lines.join("\n\n");
}

function escape(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+!|<>])/g, "\\$1");
}
