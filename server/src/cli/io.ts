/** What a command may touch: output streams, the terminal, and standard input. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Width of the terminal, for tables. */
  columns?: number;
  /** Standard input, for `annotate --stdin`. */
  stdin?: NodeJS.ReadableStream;
  /**
   * Resolves once what was written to stdout has been taken by its reader (a slow pipe), so a
   * long run holds at most one stream buffer of output; absent: never waits.
   */
  drain?: () => Promise<void>;
  /** stderr when it is a terminal: a progress bar is drawn there (cli/progress.ts); absent: none. */
  progress?: NodeJS.WriteStream;
  /** Whether stdout is that terminal too: then what is written to it goes above the bar as well. */
  stdoutIsTerminal?: boolean;
}

/** Reports a problem with one file on stderr, prefixed with the program's name. */
export function complain(io: Io, message: string): void {
  io.stderr(`article-annotator: ${message}\n`);
}
