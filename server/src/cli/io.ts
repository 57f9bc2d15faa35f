/** What a command may touch: output streams, and the terminal's width. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Width of the terminal, for tables. */
  columns?: number;
}

/** Reports a problem with one file on stderr, prefixed with the program's name. */
export function complain(io: Io, message: string): void {
  io.stderr(`article-annotator: ${message}\n`);
}
