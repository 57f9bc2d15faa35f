/** Hover: a compact Markdown card for the entity or the debris under the cursor. */
import type { Hover } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { boilerplateRules, countryName, ENTITY_KINDS, type Analysis, type Entity } from "../engine";
import { toRange } from "./convert";

export function hoverAt(document: TextDocument, analysis: Analysis, offset: number): Hover | null {
  const entity = analysis.entities.find((e) => e.start <= offset && offset < e.end);
  if (entity) return { contents: { kind: "markdown", value: entityCard(entity, analysis) }, range: toRange(document, entity.start, entity.end) };
  const debris = analysis.boilerplate.find((b) => b.start <= offset && offset < b.end);
  if (debris) {
    const rule = boilerplateRules.find((r) => r.id === debris.rule);
    const why = [`**debris** · \`${debris.rule}\``, escape(debris.message), rule ? `_${escape(rule.description)}_` : "", debris.safe ? "Quick fix: remove it (or repair it); _Fix all_ cleans the whole file." : "Quick fix offered; not applied by _Fix all_."];
    return { contents: { kind: "markdown", value: why.filter(Boolean).join("\n\n") }, range: toRange(document, debris.start, debris.end) };
  }
  return null;
}

function entityCard(entity: Entity, analysis: Analysis): string {
  const lines = [`**${ENTITY_KINDS[entity.type].label}** · ${escape(entity.text)}`];
  switch (entity.type) {
    case "person": {
      const a = entity.attributes;
      const mentions = analysis.entities.filter((e) => e.type === "person" && e.attributes.canonical === a.canonical).length;
      if (a.canonical !== entity.text) lines.push(`refers to **${escape(a.canonical)}**`);
      const country = a.country ? countryName(a.country) : undefined;
      const role = [a.roles?.join(", "), a.portfolio ? `(${a.portfolio})` : ""].filter(Boolean).join(" ");
      const facts = [a.title ? escape(a.title) : "", role, country ? `${escape(country.vi)} (${a.country})` : a.country ?? ""].filter(Boolean);
      if (facts.length > 0) lines.push(facts.join(" · "));
      lines.push(`${mentions} mention${mentions === 1 ? "" : "s"} in this article`);
      break;
    }
    case "forum": {
      const a = entity.attributes;
      const count = analysis.entities.filter((e) => e.type === "forum" && e.text === entity.text).length;
      lines.push([a.kind, a.edition !== undefined ? `edition ${a.edition}` : "", a.parties?.join(" – "), a.level, a.format, a.abbreviation].filter(Boolean).map((x) => escape(String(x))).join(" · "));
      lines.push(`${count} mention${count === 1 ? "" : "s"} in this article`);
      break;
    }
    case "amount": {
      const a = entity.attributes;
      const value = a.range ? `${a.range.min.toLocaleString("en-US")}–${a.range.max.toLocaleString("en-US")}` : a.value.toLocaleString("en-US");
      lines.push(`${a.kind} · ${a.approximate ? `≈ (${a.qualifier ?? "approximately"}) ` : ""}${value} ${escape(a.unit)}`);
      break;
    }
    case "date": {
      const a = entity.attributes;
      lines.push(a.value ? `${a.value}${a.yearFrom ? " (year from the dateline)" : ""}` : "year unknown");
      break;
    }
    case "organization":
      if (entity.attributes.canonical && entity.attributes.canonical !== entity.text) lines.push(`refers to **${escape(entity.attributes.canonical)}**`);
      break;
    case "custom":
      lines.push(`label \`${escape(entity.attributes.label)}\``);
      break;
    case "location": {
      const country = entity.attributes.country ? countryName(entity.attributes.country) : undefined;
      if (country) lines.push(`${escape(country.vi)} (${entity.attributes.country})`);
      break;
    }
    default: {
      // Every entity type has its section: a new type makes this line a compile error.
      const missing: never = entity;
      return String(missing);
    }
  }
  lines.push(provenance(entity));
  return lines.join("\n\n");
}

function escape(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+!|<>])/g, "\\$1");
}

/** Where the entity stands in the review: a suggestion, or accepted / added / edited by whom and when. */
function provenance(entity: Entity): string {
  const { origin, decision } = entity as Entity & { origin?: string; decision?: { action: string; by: string; at: string } };
  const found = entity.rule === "manual" ? "" : ` · found by \`${entity.rule}\``;
  if (origin !== "manual" || !decision) return `_suggestion — not reviewed yet${found}_`;
  return `_${decision.action} by ${escape(decision.by)}, ${decision.at.slice(0, 16).replace("T", " ")} UTC${found}_`;
}
