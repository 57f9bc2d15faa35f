// Lint: type-aware rules, and the architecture's boundaries (see ARCHITECTURE.md) enforced.
import tseslint from "typescript-eslint";
import i18next from "eslint-plugin-i18next";

const nodeBuiltins = ["fs", "path", "net", "http", "https", "child_process", "os", "crypto", "worker_threads", "dgram", "tls"]
  .flatMap((m) => [m, `node:${m}`, `${m}/*`, `node:${m}/*`]);

export default tseslint.config(
  { ignores: ["dist/**", "out/**", "build/**", "node_modules/**", ".vscode-test/**", "**/*.mjs", "**/*.js", "**/*.cjs"] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // node:test's test() returns a promise the runner itself awaits.
      "@typescript-eslint/no-floating-promises": ["error", { allowForKnownSafeCalls: [{ from: "package", name: ["test", "describe", "it", "suite"], package: "node:test" }] }],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["server/src/engine/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        paths: ["vscode", ...nodeBuiltins],
        patterns: [
          { group: ["vscode-languageserver*", "vscode-languageclient*", "vscode-jsonrpc*"], message: "The engine is pure: no LSP." },
          { group: ["../lsp/*", "../cli/*", "**/lsp/**", "**/cli/**"], message: "The engine does not know its front doors." },
        ],
      }],
    },
  },
  {
    files: ["server/src/host/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        paths: ["vscode"],
        patterns: [
          { group: ["vscode-languageserver*", "vscode-languageclient*", "vscode-jsonrpc*"], message: "The host layer serves both front doors: no LSP." },
          { group: ["../lsp/*", "../cli/*", "**/lsp/**", "**/cli/**"], message: "The host layer does not know its front doors." },
        ],
      }],
    },
  },
  {
    // Requests to the client may be refused (RequestCancelled when a window closes): only
    // lsp/clientRequests.ts sends them, and it settles every one (ARCHITECTURE.md).
    files: ["server/src/lsp/**/*.ts"],
    ignores: ["server/src/lsp/clientRequests.ts"],
    rules: {
      "no-restricted-syntax": ["error",
        ...[
          "MemberExpression[object.property.name='window'][property.name=/^(show|createWorkDoneProgress)/]",
          "MemberExpression[object.property.name='workspace'][property.name=/^(applyEdit|getConfiguration)$/]",
          "MemberExpression[object.property.name='client'][property.name='register']",
          "MemberExpression[object.property.name='semanticTokens'][property.name='refresh']",
          "MemberExpression[property.name='sendRequest']",
        ].map((selector) => ({ selector, message: "Send requests to the client through ClientRequests (lsp/clientRequests.ts), which survives their rejection." })),
      ],
    },
  },
  {
    // The client shares the wire protocol's ids and shapes (lsp/protocol.ts) and the settings' types;
    // nothing else of the server, and never the engine.
    files: ["client/src/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", {
        patterns: [
          { regex: "(^|/)server/src/(?!lsp/protocol$|host/settings$)", message: "The client stays thin: it talks to the server, never to the engine." },
          { group: ["**/server/src/host/settings"], allowTypeImports: true, message: "The client takes the settings' types only." },
        ],
      }],
    },
  },
  {
    // What a person reads is said through @vscode/l10n's l10n.t (catalogues in l10n/, issue 18): a
    // literal that reads as English prose (two words or more) in a front door or the host layer is
    // an error. Allowed: codes and other strings without prose (the `words` pattern), the logs
    // (English by policy, like VS Code's own), programming errors (TypeError, RangeError), the
    // names of the export formats (product names), and file-format content marked where it is
    // written (eslint-disable with its reason).
    files: ["server/src/lsp/**/*.ts", "server/src/cli/**/*.ts", "server/src/host/**/*.ts", "server/src/server.ts", "server/src/cli.ts", "client/src/**/*.ts"],
    plugins: { i18next },
    rules: {
      "i18next/no-literal-string": ["error", {
        mode: "all",
        "should-validate-template": true,
        words: { exclude: [
          "(?![\\s\\S]*[A-Za-z]{2,}[ ,:]+[A-Za-z]{2,})[\\s\\S]*",
          "brat standoff", "W3C Web Annotation( \\(JSON-LD\\))?", "Label Studio( tasks JSON)?", "spaCy / Prodigy JSONL",
          "doccano sequence labeling \\(JSON Lines\\)", "Article Annotator records \\(JSON Lines\\)",
        ] },
        callees: { exclude: ["l10n\\.t", "vscode\\.l10n\\.t", "require", ".*\\.console\\.(log|info|warn|error)", "(this\\.)?log", "TypeError", "RangeError"] },
      }],
    },
  },
);
