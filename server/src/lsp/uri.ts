/** File URIs and paths, without surprises for other schemes. */
import { fileURLToPath, pathToFileURL } from "node:url";

export const URI = {
  /** The file system path of a file: URI; for other schemes the URI's path part. */
  path(uri: string): string | undefined {
    try {
      if (uri.startsWith("file:")) return fileURLToPath(uri);
      return new URL(uri).pathname;
    } catch {
      return undefined;
    }
  },
  fromPath(path: string): string {
    return pathToFileURL(path).href;
  },
  /**
   * One spelling per file, for identity: clients escape file URIs differently (VS Code escapes
   * \`( ) ! ' & + , ; = $ @\`, as RFC 3986 allows; Node's \`pathToFileURL\` does not), so a file: URI
   * is decoded to its path and encoded again the way \`fromPath\` does. Other schemes, and URIs that
   * do not parse, are their own key.
   */
  key(uri: string): string {
    if (!uri.startsWith("file:")) return uri;
    try {
      return pathToFileURL(fileURLToPath(uri)).href;
    } catch {
      return uri;
    }
  },
};
