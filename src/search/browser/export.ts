// "Download these results (CSV)": every result of the search on screen (its query, filters and order — not
// only the page drawn), fetched through the engine that found them (Pagefind served, the fallback index from
// disk), as an Excel-safe CSV (src/archive/csv.ts, the same helper the build's exports use: BOM, CRLF,
// formula cells neutralised), handed to the browser as a Blob URL on an <a download>. A Blob link is a
// download, not a fetch: the pages' Content-Security-Policy needs nothing for it, served or from file:.
import { type CsvCell, excelCsv } from "../../archive/csv.ts";
import type { ResultData, ResultLoader } from "./types.ts";

export const RESULT_COLUMNS = ["title", "date", "outlet", "url", "excerpt"] as const;

/** Results fetched at once while the file is made (Pagefind fetches a fragment per result). */
const AT_ONCE = 16;

/**
 * A result's address within the archive ("/articles/<slug>/"), the same both ways: Pagefind's is the served
 * path under the site's folder, the fallback's a file: URL of the page's index.html.
 */
export function archivePath(url: string, siteRoot: URL): string {
  const href = new URL(url, siteRoot).href;
  if (!href.startsWith(siteRoot.href)) return url;
  return `/${href.slice(siteRoot.href.length).replace(/(^|\/)index\.html$/, "$1")}`;
}

/** A CSV row of a result: the excerpt as plain text. */
export function resultRow(result: ResultData, siteRoot: URL): CsvCell[] {
  const excerpt = result.excerpt
    .map(([text]) => text)
    .join("")
    .replace(/\s+/g, " ")
    .trim();
  return [result.title, result.date || null, result.outlet || null, archivePath(result.url, siteRoot), excerpt];
}

/** Every result's data, in the search's order, AT_ONCE at a time; `progress` after each batch. */
export async function loadAll(
  loaders: readonly ResultLoader[],
  progress: (done: number) => void,
): Promise<ResultData[]> {
  const all: ResultData[] = [];
  for (let start = 0; start < loaders.length; start += AT_ONCE) {
    all.push(...(await Promise.all(loaders.slice(start, start + AT_ONCE).map((load) => load()))));
    progress(all.length);
  }
  return all;
}

/** The file's name: "search-<query words>.csv", or "search-results.csv" for a blank query. */
export function csvFileName(text: string): string {
  const words = text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return `search-${words || "results"}.csv`;
}

/** Hands `text` to the browser as a download named `name`. */
export function downloadText(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken the Blob by the time the next task runs; a minute is ample.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Wires the button: shown while a search has results; a press loads every result (saying how far it has got
 * on the button) and downloads the CSV. `current`: the last search's results and query.
 */
export function exportButton(
  button: HTMLButtonElement,
  siteRoot: URL,
  current: () => { loaders: readonly ResultLoader[]; text: string },
  announce: (text: string) => void,
  failed: () => void,
): (count: number) => void {
  const label = button.textContent ?? "";
  button.addEventListener("click", () => {
    const { loaders, text } = current();
    if (button.disabled || loaders.length === 0) return;
    button.disabled = true;
    loadAll(loaders, (done) => {
      button.textContent = `Preparing CSV… ${done} of ${loaders.length}`;
    })
      .then((results) => {
        downloadText(
          excelCsv(
            RESULT_COLUMNS,
            results.map((result) => resultRow(result, siteRoot)),
          ),
          csvFileName(text),
        );
        announce(`Downloaded ${results.length} ${results.length === 1 ? "result" : "results"} as CSV`);
      })
      .catch(failed)
      .finally(() => {
        button.textContent = label;
        button.disabled = false;
      });
  });
  return (count) => {
    button.hidden = count === 0;
  };
}
