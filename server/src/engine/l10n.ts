/**
 * The engine's messages, said in English and kept say-able in another language. The engine is pure
 * and language-free: a message is rendered in English for the record (`message`), and carries its
 * `template` so that a front door can look the template up in a language's catalogue
 * (`l10n/bundle.l10n.<language>.json`, @vscode/l10n's format) and fill it with the same arguments
 * (`host/l10n.ts` `localize`).
 *
 * `l10n.t(template, ...args)` has the call shape of `@vscode/l10n`'s `t`, so `@vscode/l10n-dev
 * export` collects the engine's templates with the front doors' (`scripts/l10n.mjs`). Placeholders
 * are `{0}`, `{1}`… (the argument's index), as in @vscode/l10n.
 */

/** A catalogue key (the English template) and the arguments of its placeholders. */
export interface MessageTemplate {
  message: string;
  args: string[];
}

/** A message: the English text and its template. */
export interface Message {
  message: string;
  template: MessageTemplate;
}

/** Fills `{0}`, `{1}`… of `template` with `args` (a placeholder without an argument stays as written). */
export function formatTemplate(template: string, args: readonly string[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => args[Number(index)] ?? whole);
}

/** The engine's marker of a message to localize (see the module's comment). */
export const l10n = {
  t(message: string, ...args: (string | number)[]): Message {
    const strings = args.map(String);
    return { message: formatTemplate(message, strings), template: { message, args: strings } };
  },
};
