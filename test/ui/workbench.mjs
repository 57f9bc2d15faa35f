// Drives the VS Code workbench (as served by code-server) the way a person does: the command
// palette (F1), Quick Open, Go to Line, the keyboard and the mouse. Every wait is on a condition
// of the page with a deadline; nothing sleeps for a fixed time.
//
// Selectors are the workbench's stable hooks: the command palette's rows are matched by the
// commands' titles, editors by their data-uri attribute, status bar entries by their ids and ARIA
// labels, the Problems view by its container.
import { readFileSync } from "node:fs";

/** Polls `probe` until it returns a truthy value; throws with `what` (and the last value) after `timeout` ms. */
export async function until(what, probe, { timeout = 30_000, interval = 150 } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  let lastError;
  for (;;) {
    try {
      last = await probe();
      if (last) return last;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const detail = lastError ? ` (last error: ${lastError.message.split("\n")[0]})` : last !== undefined ? ` (last seen: ${JSON.stringify(last)?.slice(0, 300)})` : "";
      throw new Error(`timed out after ${timeout} ms waiting for ${what}${detail}`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

export class Workbench {
  /** @param {import("playwright-core").Page} page */
  constructor(page, { timeout = 30_000 } = {}) {
    this.page = page;
    this.timeout = timeout;
  }

  get quickInput() {
    return this.page.locator(".quick-input-widget");
  }

  get quickInputBox() {
    return this.page.locator(".quick-input-widget .quick-input-box input");
  }

  /** The workbench is up and the Explorer lists the folder's files. */
  async waitReady(fileNames) {
    await this.page.locator(".monaco-workbench").waitFor({ timeout: 90_000 });
    for (const name of fileNames) await this.explorerRow(name).waitFor({ timeout: 90_000 });
  }

  /** The Explorer's row of a file. */
  explorerRow(name) {
    return this.page.locator(".explorer-folders-view .monaco-list-row").filter({ hasText: name }).first();
  }

  /** Opens the command palette (F1), pressing again if the workbench missed the first key. */
  async openPalette() {
    await until("the command palette to open (F1)", async () => {
      if (await this.quickInput.isVisible()) return true;
      await this.page.keyboard.press("F1");
      return this.quickInput.waitFor({ state: "visible", timeout: 1_500 }).then(
        () => true,
        () => false,
      );
    }, { timeout: this.timeout });
  }

  async closeWidgets() {
    for (let i = 0; i < 3; i++) await this.page.keyboard.press("Escape");
    await this.quickInput.waitFor({ state: "hidden", timeout: 5_000 }).catch(() => {});
  }

  /** Runs a command from the palette by its full title ("Category: Title"), as a person would. */
  async runCommand(title) {
    await this.openPalette();
    await this.quickInputBox.fill(`>${title}`);
    const row = this.quickInput.locator(".monaco-list-row").filter({ hasText: title }).first();
    await row.waitFor({ state: "visible", timeout: this.timeout }).catch((error) => {
      throw new Error(`the command palette does not offer "${title}" (${error.message.split("\n")[0]})`);
    });
    await row.click();
    await this.quickInput.waitFor({ state: "hidden", timeout: this.timeout });
  }

  /** Quick Open: types the file's name and opens it; resolves when its editor is shown. */
  async openFile(name) {
    await this.openPalette();
    await this.quickInputBox.fill(name);
    const row = this.quickInput.locator(".monaco-list-row").filter({ hasText: name }).first();
    await row.waitFor({ state: "visible", timeout: this.timeout });
    await row.click();
    await this.quickInput.waitFor({ state: "hidden", timeout: this.timeout });
    await this.editor(name).locator(".view-line").first().waitFor({ timeout: this.timeout });
  }

  /** The editor showing the file whose name (or path) ends with `name`. */
  editor(name) {
    return this.page.locator(`.part.editor .monaco-editor[data-uri$="/${encodeURI(name)}"]`).first();
  }

  /** Go to Line (":line:column" in the palette); waits until the status bar shows the position. */
  async goTo(line, column = 1) {
    await this.openPalette();
    await this.quickInputBox.fill(`:${line}:${column}`);
    await this.page.keyboard.press("Enter");
    await this.quickInput.waitFor({ state: "hidden", timeout: this.timeout });
    await until(`the cursor at Ln ${line}, Col ${column}`, async () => (await this.statusText("status.editor.selection"))?.startsWith(`Ln ${line}, Col ${column}`), { timeout: this.timeout });
  }

  /** Ctrl+S, then waits until the editor's tab is no longer dirty. */
  async save(name) {
    await this.page.keyboard.press("Control+S");
    await until(`${name} to be saved`, async () => (await this.tab(name).count()) > 0 && !(await this.isDirty(name)), { timeout: this.timeout });
  }

  async isDirty(name) {
    const tab = this.tab(name);
    return (await tab.count()) > 0 && ((await tab.getAttribute("class")) ?? "").split(/\s+/).includes("dirty");
  }

  /**
   * Waits until the file on disk satisfies `accept` (returns its text), saving the editor when it
   * holds unsaved changes: VS Code saves some edits by itself (files.refactoring.autoSave), not all.
   */
  async onDisk(name, path, accept, what) {
    return until(what, async () => {
      const text = readFileSync(path, "utf8");
      if (accept(text)) return text;
      if (await this.isDirty(name)) await this.save(name);
      return undefined;
    }, { timeout: this.timeout });
  }

  tab(name) {
    return this.page.locator(`.tabs-container .tab[data-resource-name="${name}"], .tabs-container .tab[aria-label^="${name}"]`).first();
  }

  statusItem(id) {
    return this.page.locator(`.statusbar-item[id="${id}"]`).first();
  }

  async statusText(id) {
    const item = this.statusItem(id);
    if ((await item.count()) === 0) return undefined;
    return (await item.innerText()).trim();
  }

  async statusAria(id) {
    const item = this.statusItem(id);
    if ((await item.count()) === 0) return undefined;
    return item.getAttribute("aria-label");
  }

  /** The rendered lines of an editor, in order, as text (non-breaking spaces as spaces). */
  async visibleLines(name) {
    return this.editor(name).evaluate((editor) =>
      [...editor.querySelectorAll(".view-lines .view-line")]
        .map((line) => ({ top: parseFloat(line.style.top) || 0, text: (line.textContent ?? "").replace(/\u00a0/g, " ") }))
        .sort((a, b) => a.top - b.top)
        .map((line) => line.text),
    );
  }

  /**
   * The rendered token spans (Monaco's `mtkN` spans) whose text is exactly `text`, with the class
   * and computed color of each and of a neighbour span on the same line that is not an entity.
   */
  async tokenSpans(name, text) {
    return this.editor(name).evaluate((editor, wanted) => {
      const norm = (s) => (s ?? "").replace(/\u00a0/g, " ");
      const out = [];
      for (const span of editor.querySelectorAll(".view-lines .view-line span[class*='mtk']")) {
        if (norm(span.textContent).trim() !== wanted) continue;
        const box = span.getBoundingClientRect();
        out.push({ className: span.className, color: getComputedStyle(span).color, x: box.x + box.width / 2, y: box.y + box.height / 2, width: box.width });
      }
      return out;
    }, text);
  }

  /** The color and class of plain text: the span holding `text` (a phrase with no entity in it). */
  async plainSpan(name, text) {
    return this.editor(name).evaluate((editor, wanted) => {
      for (const span of editor.querySelectorAll(".view-lines .view-line span[class*='mtk']")) {
        if ((span.textContent ?? "").replace(/\u00a0/g, " ").includes(wanted)) return { className: span.className, color: getComputedStyle(span).color };
      }
      return undefined;
    }, text);
  }

  /** A screenshot of the whole window, or of a region around `locators` (padded, clamped to the window). */
  async screenshot(path, locators = [], { pad = 16 } = {}) {
    if (locators.length === 0) return this.page.screenshot({ path });
    const boxes = (await Promise.all(locators.map((l) => l.boundingBox()))).filter(Boolean);
    if (boxes.length === 0) return this.page.screenshot({ path });
    const size = this.page.viewportSize();
    const x = Math.max(0, Math.min(...boxes.map((b) => b.x)) - pad);
    const y = Math.max(0, Math.min(...boxes.map((b) => b.y)) - pad);
    const right = Math.min(size.width, Math.max(...boxes.map((b) => b.x + b.width)) + pad);
    const bottom = Math.min(size.height, Math.max(...boxes.map((b) => b.y + b.height)) + pad);
    return this.page.screenshot({ path, clip: { x, y, width: right - x, height: bottom - y } });
  }
}
