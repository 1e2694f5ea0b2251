/**
 * `npm run package -- [--site _site] [--out news-archive-site.zip]`
 * Zips the built site into one file for readers: unpacked, it is a folder news-archive-site/ whose
 * index.html opens by double-click (search included: see src/search/offline-index.ts). Byte-identical for
 * the same site (fixed timestamps and order: src/package/zip.ts).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { NewsArchiveError } from "../src/errors.ts";
import { zipFolder } from "../src/package/zip.ts";
import { PAGE_MANIFEST } from "../src/render/page-reuse.ts";
import { runCli } from "./cli.ts";

await runCli(async () => {
  const { values } = parseArgs({
    options: {
      site: { type: "string", default: "_site" },
      out: { type: "string", default: "news-archive-site.zip" },
    },
  });
  const site = path.resolve(values.site);
  const out = path.resolve(values.out);
  if (!existsSync(path.join(site, "index.html"))) {
    throw new NewsArchiveError(`no built site in ${values.site} (run npm run build first)`);
  }
  // The zip may be written inside the site folder; never zip it into itself. The build's own notes
  // (which pages it can reuse next time) are no use to a reader.
  const inside = path.relative(site, out).split(path.sep).join("/");
  const buildNotes = `${path.dirname(PAGE_MANIFEST)}/`;
  const started = performance.now();
  const { files, bytes } = await zipFolder(site, out, {
    prefix: "news-archive-site",
    skip: (file) => file === inside || file.startsWith(buildNotes),
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(`packaged ${files} files → ${values.out} (${(bytes / 1e6).toFixed(1)} MB, ${seconds} s)`);
  return 0;
});
