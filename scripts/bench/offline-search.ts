/**
 * `npx tsx scripts/bench/offline-search.ts SITE_DIR QUERY...`
 * The from-disk search cost of a built site: opens SITE_DIR/search/index.html over file:// in
 * Chromium (no server) and times each query from typing to the first result shown, with the
 * bytes of the index shards it loaded; also reports the fallback index size against the text.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { launchChromium } from "../../test/helpers/chromium.ts";
import { searchInput, waitForSearchReady } from "../../test/helpers/search-page.ts";

const [siteDir, ...queries] = process.argv.slice(2);
if (!siteDir || queries.length === 0) throw new Error("usage: offline-search.ts SITE_DIR QUERY...");

const offlineDir = path.join(siteDir, "search", "offline");
const offlineBytes = readdirSync(offlineDir).reduce((sum, f) => sum + statSync(path.join(offlineDir, f)).size, 0);
console.log(`fallback index: ${(offlineBytes / 2 ** 20).toFixed(2)} MiB in ${readdirSync(offlineDir).length} files`);

const browser = await launchChromium();
try {
  const page = await browser.newPage();
  const loaded: { url: string; bytes: number }[] = [];
  page.on("requestfinished", async (request) => {
    const url = request.url();
    if (!url.includes("/search/offline/")) return;
    loaded.push({ url, bytes: statSync(new URL(url)).size });
  });
  await page.goto(pathToFileURL(path.resolve(siteDir, "search", "index.html")).href);
  console.log(`engine: ${await waitForSearchReady(page)}`);
  for (const query of queries) {
    const before = loaded.length;
    const started = performance.now();
    await searchInput(page).fill(query);
    await page.locator(".pf-results .pf-result-link").first().waitFor({ state: "visible", timeout: 60_000 });
    const ms = performance.now() - started;
    const bytes = loaded.slice(before).reduce((sum, l) => sum + l.bytes, 0);
    console.log(`"${query}": first result after ${ms.toFixed(0)} ms, ${(bytes / 1024).toFixed(0)} KiB of index loaded`);
    await searchInput(page).fill("");
  }
} finally {
  await browser.close();
}
