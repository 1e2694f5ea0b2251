/**
 * Live reload for `npm start`: the dev server adds one script tag to each HTML page it
 * serves (never to the built files), the script listens on a server-sent-events stream,
 * and a rebuild tells every open page to reload. Same-origin script and connection, so
 * the pages' Content-Security-Policy allows it unchanged.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

const SCRIPT_PATH = "/__live-reload.js";
const EVENTS_PATH = "/__live-reload";

const CLIENT = `new EventSource(${JSON.stringify(EVENTS_PATH)}).addEventListener("reload", () => location.reload());\n`;

export class LiveReload {
  private readonly clients = new Set<ServerResponse>();

  /** Answers the live-reload routes; returns false for every other request. */
  handle(request: IncomingMessage, response: ServerResponse): boolean {
    const pathname = new URL(request.url ?? "/", "http://localhost").pathname;
    if (pathname === SCRIPT_PATH) {
      response.writeHead(200, { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "no-cache" });
      response.end(CLIENT);
      return true;
    }
    if (pathname === EVENTS_PATH) {
      response.writeHead(200, {
        "Content-Type": "text/event-stream",
        "Cache-Control": "no-cache",
        Connection: "keep-alive",
      });
      response.write(": connected\n\n");
      this.clients.add(response);
      request.on("close", () => this.clients.delete(response));
      return true;
    }
    return false;
  }

  /** The page with the live-reload script added before </body>. */
  inject(html: string): string {
    const tag = `<script src="${SCRIPT_PATH}" defer></script>`;
    const at = html.lastIndexOf("</body>");
    return at < 0 ? html + tag : html.slice(0, at) + tag + html.slice(at);
  }

  /** Tells every open page to reload. */
  reload(): void {
    for (const client of this.clients) client.write("event: reload\ndata: {}\n\n");
  }

  close(): void {
    for (const client of this.clients) client.end();
    this.clients.clear();
  }
}
