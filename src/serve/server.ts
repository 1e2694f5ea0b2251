/**
 * A small static file server for the built site (tests and `npm start`). Loopback only by default;
 * never serves anything outside the site folder.
 */
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { LiveReload } from "./live-reload.ts";

const mimeTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  // The archive's record files (src/archive/record-files.ts): a download, as a CSV export is.
  ".jsonl": "application/jsonl; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".wasm": "application/wasm",
  // Pagefind's index chunks (.pf_meta, .pf_index, .pf_fragment, .pf_filter) and wasm.*.pagefind are binary.
  ".pagefind": "application/octet-stream",
};

export function mimeTypeOf(file: string): string {
  const ext = path.extname(file).toLowerCase();
  if (ext.startsWith(".pf_")) return "application/octet-stream";
  return mimeTypes[ext] ?? "application/octet-stream";
}

/** The file a request path names inside `root`, or null when it would leave `root`. */
export function resolveRequestPath(root: string, requestUrl: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(requestUrl, "http://localhost").pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  if (pathname.includes("\0")) return null;
  const file = path.resolve(root, `.${pathname}`);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  return pathname.endsWith("/") ? path.join(file, "index.html") : file;
}

export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/** Serves `root` on host:port (port 0 picks a free port); resolves once listening. */
export async function serveSite(
  root: string,
  options: { host?: string; port?: number; liveReload?: LiveReload } = {},
): Promise<RunningServer> {
  const siteRoot = path.resolve(root);
  const { liveReload } = options;
  const server = createServer(async (request, response) => {
    if (liveReload?.handle(request, response)) return;
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    const file = resolveRequestPath(siteRoot, request.url ?? "/");
    if (!file) {
      response.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" }).end("Bad request\n");
      return;
    }
    try {
      const info = await stat(file);
      if (info.isDirectory()) {
        // "/people/x" → "/people/x/" so relative links inside the page resolve against the folder.
        const location = `${new URL(request.url ?? "/", "http://localhost").pathname}/`;
        response.writeHead(301, { Location: location }).end();
        return;
      }
      if (!info.isFile()) throw new Error("not a file");
      if (liveReload && file.endsWith(".html")) {
        const html = liveReload.inject(await readFile(file, "utf8"));
        response.writeHead(200, { "Content-Type": mimeTypeOf(file), "Cache-Control": "no-cache" });
        response.end(request.method === "HEAD" ? undefined : html);
        return;
      }
      response.writeHead(200, {
        "Content-Type": mimeTypeOf(file),
        "Content-Length": info.size,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "no-cache",
      });
      if (request.method === "HEAD") response.end();
      else createReadStream(file).pipe(response);
    } catch {
      response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found\n");
    }
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://${host}:${port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        liveReload?.close();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
