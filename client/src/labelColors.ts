/**
 * Colors for a person's own labels (`articleAnnotator.labels`, `color`): themes color the built-in
 * entity types through semantic tokens, but a label's color is the person's, so VS Code draws it as
 * a decoration on the active article's `custom` entities.
 */
import { Position, Range, window, workspace, type Disposable, type TextEditor, type TextEditorDecorationType } from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import type { LabelDefinition } from "../../server/src/host/settings";
import { ReviewEntitiesRequest, type ReviewEntity } from "../../server/src/lsp/protocol";

export class LabelColors implements Disposable {
  private readonly decorations = new Map<string, TextEditorDecorationType>();

  constructor(private readonly client: LanguageClient) {}

  /** Redraws the labels of `editor` (the active one). */
  async refresh(editor: TextEditor | undefined): Promise<void> {
    if (!editor) return;
    const labels = workspace.getConfiguration("articleAnnotator", editor.document.uri).get<LabelDefinition[]>("labels", []);
    const colored = labels.filter((l) => typeof l.color === "string");
    if (colored.length === 0 && this.decorations.size === 0) return;
    const entities = await this.client.sendRequest<ReviewEntity[]>(ReviewEntitiesRequest, { uri: editor.document.uri.toString() });
    for (const label of colored) {
      const ranges = entities
        .filter((e) => e.type === "custom" && !e.orphaned && e.attributes.label === label.id)
        .map((e) => new Range(new Position(e.range.start.line, e.range.start.character), new Position(e.range.end.line, e.range.end.character)));
      editor.setDecorations(this.decoration(label.color!), ranges);
    }
    // Colors no label uses any more are cleared.
    for (const [color, decoration] of this.decorations) if (!colored.some((l) => l.color === color)) editor.setDecorations(decoration, []);
  }

  private decoration(color: string): TextEditorDecorationType {
    let decoration = this.decorations.get(color);
    if (!decoration) {
      decoration = window.createTextEditorDecorationType({ backgroundColor: `${color}33`, borderWidth: "1px", borderStyle: "solid", borderColor: color, borderRadius: "2px" });
      this.decorations.set(color, decoration);
    }
    return decoration;
  }

  dispose(): void {
    for (const decoration of this.decorations.values()) decoration.dispose();
    this.decorations.clear();
  }
}
