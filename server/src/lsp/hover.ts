/** Hover: a compact Markdown card for the entity or the debris under the cursor. */
import type { Hover } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { boilerplateRules, countryName, describeTerm, ENTITY_KINDS, heldOn, type Analysis, type Entity, type KbForum, type KbPerson, type KnowledgeBase } from "../engine";
import { toRange } from "./convert";

/**
 * The hover at `offset` (UTF-16) of `document`. `knowledgeBase`: the one the analysis was linked
 * with, whose entry a linked person or forum shows (who, office on the article's date, term, other
 * names, country, source); absent: only what the article says.
 */
export function hoverAt(document: TextDocument, analysis: Analysis, offset: number, knowledgeBase?: KnowledgeBase): Hover | null {
  const entity = analysis.entities.find((e) => e.start <= offset && offset < e.end);
  if (entity) return { contents: { kind: "markdown", value: entityCard(entity, analysis, knowledgeBase) }, range: toRange(document, entity.start, entity.end) };
  const debris = analysis.boilerplate.find((b) => b.start <= offset && offset < b.end);
  if (debris) {
    const rule = boilerplateRules.find((r) => r.id === debris.rule);
    const why = [`**debris** · \`${debris.rule}\``, escape(debris.message), rule ? `_${escape(rule.description)}_` : "", debris.safe ? "Quick fix: remove it (or repair it); _Fix all_ cleans the whole file." : "Quick fix offered; not applied by _Fix all_."];
    return { contents: { kind: "markdown", value: why.filter(Boolean).join("\n\n") }, range: toRange(document, debris.start, debris.end) };
  }
  return null;
}

function entityCard(entity: Entity, analysis: Analysis, knowledgeBase: KnowledgeBase | undefined): string {
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
      const entry = typeof a.kb === "string" ? knowledgeBase?.people.get(a.kb) : undefined;
      if (entry) lines.push(personEntry(entry, analysis.article.published));
      break;
    }
    case "forum": {
      const a = entity.attributes;
      const count = analysis.entities.filter((e) => e.type === "forum" && e.text === entity.text).length;
      lines.push([a.kind, a.edition !== undefined ? `edition ${a.edition}` : "", a.parties?.join(" – "), a.level, a.format, a.abbreviation].filter(Boolean).map((x) => escape(String(x))).join(" · "));
      lines.push(`${count} mention${count === 1 ? "" : "s"} in this article`);
      const series = typeof a.kb === "string" ? knowledgeBase?.forums.get(a.kb) : undefined;
      if (series) lines.push(forumEntry(series, a.edition));
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

/** The knowledge base's card of a person: name, office on the article's date (else the latest), every office with its term, other names, country, source. */
function personEntry(person: KbPerson, date: string | undefined): string {
  const office = (r: KbPerson["roles"][number]): string => `${r.role}${r.portfolio ? ` (${r.portfolio})` : ""}${r.country && r.country !== person.country ? ` · ${r.country}` : ""}`;
  const current = date ? person.roles.filter((r) => heldOn(r, date)) : [];
  const lines = [`---`, `**Knowledge base** · [${escape(person.name)}](${person.source})${person.wikidata ? ` · [${person.wikidata}](https://www.wikidata.org/wiki/${person.wikidata})` : ""}`];
  // An entry that lists no office (a workspace's name-only one) has nothing to say about the date.
  if (date && person.roles.length > 0) lines.push(current.length > 0 ? `on ${date.slice(0, 10)}: ${current.map(office).join(", ")}` : `on ${date.slice(0, 10)}: no office listed`);
  if (person.roles.length > 0) lines.push(person.roles.map((r) => `${office(r)}: ${describeTerm(r)} ([source](${r.source}))`).join("  \n"));
  if (person.aliases?.length) lines.push(`also known as ${person.aliases.map(escape).join(", ")}`);
  const country = person.country ? countryName(person.country) : undefined;
  if (person.country) lines.push(country ? `${escape(country.vi)} (${person.country})` : person.country);
  return lines.filter(Boolean).join("\n\n");
}

/** The knowledge base's card of a forum series, with the edition the article names (its year and host). */
function forumEntry(forum: KbForum, number: number | undefined): string {
  const lines = [`---`, `**Knowledge base** · [${escape(forum.name)}](${forum.source})${forum.en ? ` · ${escape(forum.en)}` : ""}${forum.abbreviation ? ` (${escape(forum.abbreviation)})` : ""}`];
  const edition = number === undefined ? undefined : forum.editions?.find((e) => e.number === number);
  if (edition) lines.push(`edition ${edition.number}: ${edition.start ?? edition.year}${edition.host ? `, ${escape(edition.host)}` : ""}${edition.hostCountry ? ` (${edition.hostCountry})` : ""} ([source](${edition.source}))`);
  else if (forum.editions?.length) lines.push(`${forum.editions.length} editions listed, the latest ${forum.editions.reduce((a, b) => (b.number > a.number ? b : a)).year}`);
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
