/** An archive rendered into a fresh temporary folder, served on 127.0.0.1, with Chromium open: for browser tests. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { type RenderOptions, renderSite } from "../../src/pipeline/site.ts";
import { type RunningServer, serveSite } from "../../src/serve/server.ts";
import type { Archive } from "../../src/types.ts";
import { launchChromium } from "./chromium.ts";

export interface ServedArchive {
  outDir: string;
  server: RunningServer;
  browser: Browser;
  close(): Promise<void>;
}

export async function serveArchive(
  label: string,
  archive: Archive,
  options: RenderOptions = {},
): Promise<ServedArchive> {
  const root = await mkdtemp(path.join(tmpdir(), `news-archive-${label}-`));
  const outDir = path.join(root, "out");
  await renderSite(archive, outDir, options);
  const server = await serveSite(outDir);
  const browser = await launchChromium();
  return {
    outDir,
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}
