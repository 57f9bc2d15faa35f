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
};
