/**
 * The Review view (Explorer): the workspace's articles with their suggestions left and counts;
 * an article expands into its entities by type; selecting an entity reveals it in the editor. Data
 * comes from the server (`articleAnnotator/reviewList`, `articleAnnotator/reviewEntities`); what it
 * says of them is in the client's language (language.ts).
 */
import * as l10n from "@vscode/l10n";
import { EventEmitter, Position, Range, ThemeIcon, TreeItem, TreeItemCollapsibleState, Uri, workspace, type Event, type TreeDataProvider } from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { ReviewEntitiesRequest, ReviewListRequest, type ReviewArticle, type ReviewEntity, type ServerDescription } from "../../server/src/lsp/protocol";
import { capitalize, lowerFirst, typeName } from "./language";

type Node = { kind: "article"; article: ReviewArticle } | { kind: "group"; uri: string; type: string; entities: ReviewEntity[] } | { kind: "entity"; uri: string; entity: ReviewEntity };

export const REVEAL_COMMAND = "articleAnnotator.revealEntity";

export class ReviewView implements TreeDataProvider<Node> {
  private readonly changed = new EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData: Event<Node | undefined> = this.changed.event;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly client: LanguageClient) {}

  /** Refreshes the view soon (several changes in a row refresh it once). */
  refresh(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.changed.fire(undefined), 300);
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) return (await this.client.sendRequest<ReviewArticle[]>(ReviewListRequest)).map((article) => ({ kind: "article", article }));
    if (node.kind === "article") {
      const entities = await this.client.sendRequest<ReviewEntity[]>(ReviewEntitiesRequest, { uri: node.article.uri });
      return this.types()
        .map(({ type }) => ({ kind: "group" as const, uri: node.article.uri, type, entities: entities.filter((e) => e.type === type) }))
        .filter((group) => group.entities.length > 0);
    }
    if (node.kind === "group") return node.entities.map((entity) => ({ kind: "entity", uri: node.uri, entity }));
    return [];
  }

  getTreeItem(node: Node): TreeItem {
    switch (node.kind) {
      case "article": {
        const { article } = node;
        const name = Uri.parse(article.uri).path.split("/").pop() ?? article.uri;
        const item = new TreeItem(article.title || name, TreeItemCollapsibleState.Collapsed);
        const counts = this.types()
          .filter(({ type }) => (article.counts[type] ?? 0) > 0)
          .map((kind) => {
            const count = article.counts[kind.type] ?? 0;
            const name = typeName(kind.type, kind);
            return `${count} ${lowerFirst(count === 1 ? name.label : name.plural)}`;
          });
        const left = article.suggestionsLeft === 0 ? l10n.t("reviewed") : l10n.t("{0} to review", article.suggestionsLeft);
        item.description = [left, article.orphaned ? l10n.t("{0} orphaned", article.orphaned) : "", ...counts].filter(Boolean).join(" · ");
        item.tooltip = `${workspace.asRelativePath(Uri.parse(article.uri))}\n${item.description}`;
        item.iconPath = new ThemeIcon(article.suggestionsLeft === 0 ? "pass" : "circle-large-outline");
        item.resourceUri = Uri.parse(article.uri);
        item.contextValue = "article";
        item.id = article.uri;
        return item;
      }
      case "group": {
        const name = typeName(node.type, this.types().find((t) => t.type === node.type));
        const item = new TreeItem(`${capitalize(name.plural)} (${node.entities.length})`, TreeItemCollapsibleState.Expanded);
        item.id = `${node.uri}#${node.type}`;
        return item;
      }
      case "entity": {
        const { entity } = node;
        const item = new TreeItem(entity.text, TreeItemCollapsibleState.None);
        item.description = entity.orphaned ? l10n.t("orphaned") : entity.origin === "auto" ? l10n.t("suggestion") : decisionName(entity.decision);
        item.iconPath = new ThemeIcon(entity.orphaned ? "warning" : entity.origin === "auto" ? "circle-large-outline" : "pass-filled");
        const start = new Position(entity.range.start.line, entity.range.start.character);
        const end = new Position(entity.range.end.line, entity.range.end.character);
        item.command = { title: l10n.t("Reveal"), command: REVEAL_COMMAND, arguments: [Uri.parse(node.uri), new Range(start, end)] };
        item.id = `${node.uri}#${entity.id}`;
        return item;
      }
    }
  }

  private types(): ServerDescription["entityTypes"] {
    return (this.client.initializeResult?.capabilities.experimental as { articleAnnotator?: ServerDescription } | undefined)?.articleAnnotator?.entityTypes ?? [];
  }
}

/** A person's decision on an entity as the view shows it ("accepted", "added", "edited"; none: "manual"); an unknown code as it is. */
function decisionName(decision: string | undefined): string {
  switch (decision) {
    case undefined:
      return l10n.t("manual");
    case "accepted":
      return l10n.t("accepted");
    case "added":
      return l10n.t("added");
    case "edited":
      return l10n.t("edited");
    default:
      return decision;
  }
}
