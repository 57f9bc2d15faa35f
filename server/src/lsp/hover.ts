/**
 * Hover: a compact Markdown card for the entity or the debris under the cursor, said in the
 * language in use (host/l10n.ts): codes (entity types, roles, portfolios, countries, forum kinds,
 * amount kinds and qualifiers) are shown by their labels (host/labels.ts), numbers as the language writes them.
 */
import * as l10n from "@vscode/l10n";
import type { Hover } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { boilerplateRules, heldOn, type Analysis, type Entity, type KbForum, type KbPerson, type KbRole, type KnowledgeBase } from "../engine";
import { formatNumber, localize } from "../host/l10n";
import { amountKindLabel, amountQualifierLabel, countryLabel, entityTypeLabel, forumFormatLabel, forumKindLabel, forumLevelLabel, officeLabel, ruleDescription } from "../host/labels";
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
    const description = rule ? (ruleDescription(rule.id) ?? rule.description) : undefined;
    const why = [
      `**${l10n.t("debris")}** · \`${debris.rule}\``,
      escape(localize(debris)),
      description ? `_${escape(description)}_` : "",
      debris.safe ? l10n.t("Quick fix: remove it (or repair it); _Fix all_ cleans the whole file.") : l10n.t("Quick fix offered; not applied by _Fix all_."),
    ];
    return { contents: { kind: "markdown", value: why.filter(Boolean).join("\n\n") }, range: toRange(document, debris.start, debris.end) };
  }
  return null;
}

/** "N mentions in this article", one template for one and one for many. */
function mentionsLine(count: number): string {
  return count === 1 ? l10n.t("1 mention in this article") : l10n.t("{0} mentions in this article", formatNumber(count));
}

/**
 * A person's offices as a person reads them: every role, the portfolio on the ministerial one (else
 * the last: "Phó Thủ tướng, Bộ trưởng Ngoại giao" names it last), the country once
 * ("Deputy Prime Minister, Minister of Foreign Affairs of Viet Nam").
 */
export function officesLabel(roles: readonly string[], portfolio: string | undefined, country: string | undefined): string {
  if (roles.length === 0) return officeLabel({ portfolio, country });
  const ministerial = roles.findLastIndex((role) => /(^|-)minister$/.test(role) && !role.endsWith("prime-minister"));
  const withPortfolio = ministerial >= 0 ? ministerial : roles.length - 1;
  const offices = roles.map((role, k) => officeLabel({ role, portfolio: k === withPortfolio ? portfolio : undefined })).join(", ");
  return country ? l10n.t("{office} of {country}", { office: offices, country: countryLabel(country) }) : offices;
}

function entityCard(entity: Entity, analysis: Analysis, knowledgeBase: KnowledgeBase | undefined): string {
  // Labels come from our own tables (no Markdown in them); what the article says is escaped.
  const lines = [`**${entityTypeLabel(entity.type)}** · ${escape(entity.text)}`];
  switch (entity.type) {
    case "person": {
      const a = entity.attributes;
      const mentions = analysis.entities.filter((e) => e.type === "person" && e.attributes.canonical === a.canonical).length;
      if (a.canonical !== entity.text) lines.push(l10n.t("refers to **{0}**", escape(a.canonical)));
      const roles = a.roles ?? (a.role ? [a.role] : []);
      const office = roles.length > 0 || a.portfolio || a.country ? officesLabel(roles, a.portfolio, a.country) : "";
      const facts = [a.title ? escape(a.title) : "", office].filter(Boolean);
      if (facts.length > 0) lines.push(facts.join(" · "));
      lines.push(mentionsLine(mentions));
      const entry = typeof a.kb === "string" ? knowledgeBase?.people.get(a.kb) : undefined;
      if (entry) lines.push(personEntry(entry, analysis.article.published));
      break;
    }
    case "forum": {
      const a = entity.attributes;
      const count = analysis.entities.filter((e) => e.type === "forum" && e.text === entity.text).length;
      const facts = [
        forumKindLabel(a.kind),
        a.edition !== undefined ? l10n.t("edition {0}", a.edition) : "",
        a.parties ? escape(a.parties.join(" – ")) : "",
        a.level ? forumLevelLabel(a.level) : "",
        a.format ? forumFormatLabel(a.format) : "",
        a.abbreviation ? escape(a.abbreviation) : "",
      ];
      lines.push(facts.filter(Boolean).join(" · "));
      lines.push(mentionsLine(count));
      const series = typeof a.kb === "string" ? knowledgeBase?.forums.get(a.kb) : undefined;
      if (series) lines.push(forumEntry(series, a.edition));
      break;
    }
    case "amount": {
      const a = entity.attributes;
      const value = a.range ? `${formatNumber(a.range.min)}–${formatNumber(a.range.max)}` : formatNumber(a.value);
      const approximate = a.approximate ? `≈ (${escape(a.qualifier ? amountQualifierLabel(a.qualifier) : l10n.t("approximately"))}) ` : "";
      lines.push(`${amountKindLabel(a.kind)} · ${approximate}${value} ${escape(a.unit)}`);
      break;
    }
    case "date": {
      const a = entity.attributes;
      lines.push(a.value ? (a.yearFrom ? l10n.t("{0} (year from the dateline)", a.value) : a.value) : l10n.t("year unknown"));
      break;
    }
    case "organization":
      if (entity.attributes.canonical && entity.attributes.canonical !== entity.text) lines.push(l10n.t("refers to **{0}**", escape(entity.attributes.canonical)));
      break;
    case "custom":
      lines.push(l10n.t("label {0}", `\`${escape(entity.attributes.label)}\``));
      break;
    case "location": {
      const code = entity.attributes.country;
      if (code) lines.push(countryLabel(code));
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

/** An office's term: "2021-04-05 – 2026-04-07", or "since 2021-04-05". */
function term(role: KbRole): string {
  return role.end ? `${role.start} – ${role.end}` : l10n.t("since {0}", role.start);
}

/** The knowledge base's card of a person: name, office on the article's date (else the latest), every office with its term, other names, country, source. */
function personEntry(person: KbPerson, date: string | undefined): string {
  // An office abroad (an EU office) names its country; the person's own is said once, below.
  const office = (r: KbRole): string => officeLabel({ role: r.role, portfolio: r.portfolio, country: r.country && r.country !== person.country ? r.country : undefined });
  const current = date ? person.roles.filter((r) => heldOn(r, date)) : [];
  const links = [`[${escape(person.name)}](${person.source})`, person.wikidata ? `[${person.wikidata}](https://www.wikidata.org/wiki/${person.wikidata})` : ""].filter(Boolean).join(" · ");
  const lines = [`---`, `**${l10n.t("Knowledge base")}** · ${links}`];
  // An entry that lists no office (a workspace's name-only one) has nothing to say about the date.
  if (date && person.roles.length > 0) {
    const day = date.slice(0, 10);
    lines.push(current.length > 0 ? l10n.t("on {date}: {offices}", { date: day, offices: current.map(office).join(", ") }) : l10n.t("on {0}: no office listed", day));
  }
  if (person.roles.length > 0) lines.push(person.roles.map((r) => `${office(r)}: ${term(r)} ([${l10n.t("source")}](${r.source}))`).join("  \n"));
  if (person.aliases?.length) lines.push(l10n.t("also known as {0}", person.aliases.map(escape).join(", ")));
  if (person.country) lines.push(countryLabel(person.country));
  return lines.filter(Boolean).join("\n\n");
}

/** The knowledge base's card of a forum series, with the edition the article names (its year and host). */
function forumEntry(forum: KbForum, number: number | undefined): string {
  const lines = [`---`, `**${l10n.t("Knowledge base")}** · [${escape(forum.name)}](${forum.source})${forum.en ? ` · ${escape(forum.en)}` : ""}${forum.abbreviation ? ` (${escape(forum.abbreviation)})` : ""}`];
  const edition = number === undefined ? undefined : forum.editions?.find((e) => e.number === number);
  if (edition) {
    const where = [edition.host ? escape(edition.host) : "", edition.hostCountry ? countryLabel(edition.hostCountry) : ""].filter(Boolean).join(", ");
    const when = String(edition.start ?? edition.year);
    lines.push(`${l10n.t("edition {0}", edition.number)}: ${where ? l10n.t("{date}, {place}", { date: when, place: where }) : when} ([${l10n.t("source")}](${edition.source}))`);
  } else if (forum.editions?.length) {
    const latest = forum.editions.reduce((a, b) => (b.number > a.number ? b : a)).year;
    lines.push(forum.editions.length === 1 ? l10n.t("1 edition listed, in {0}", latest) : l10n.t("{count} editions listed, the latest {year}", { count: forum.editions.length, year: latest }));
  }
  return lines.join("\n\n");
}

function escape(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+!|<>])/g, "\\$1");
}

/** Who decided what, and when: "accepted by an, 2025-03-01 10:00 UTC". */
function decisionText(action: string, by: string, at: string): string {
  switch (action) {
    case "accepted":
      return l10n.t("accepted by {by}, {at} UTC", { by, at });
    case "added":
      return l10n.t("added by {by}, {at} UTC", { by, at });
    case "edited":
      return l10n.t("edited by {by}, {at} UTC", { by, at });
    case "rejected":
      return l10n.t("rejected by {by}, {at} UTC", { by, at });
    default:
      return `${action} · ${by} · ${at} UTC`;
  }
}

/** Where the entity stands in the review: a suggestion, or accepted / added / edited by whom and when. */
function provenance(entity: Entity): string {
  const { origin, decision } = entity as Entity & { origin?: string; decision?: { action: string; by: string; at: string } };
  const found = entity.rule === "manual" ? "" : l10n.t("found by {0}", `\`${entity.rule}\``);
  const state = origin !== "manual" || !decision ? l10n.t("suggestion — not reviewed yet") : decisionText(decision.action, escape(decision.by), decision.at.slice(0, 16).replace("T", " "));
  return `_${[state, found].filter(Boolean).join(" · ")}_`;
}
