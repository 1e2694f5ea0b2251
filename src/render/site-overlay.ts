/**
 * A rebuild writes only what changed. Its stages write into a staging folder laid over the live site (an
 * overlay): a page, seed copy or index file that is the same as the live one is not copied but *kept*, and
 * the commit (src/pipeline/commit.ts) then moves the staged files into the live site and deletes the live
 * files that are neither staged nor kept. Adding one article to a 10,000-article archive thus touches the
 * few hundred files it changes instead of linking 40,000 into a fresh folder.
 *
 * Stages do not need to know: `reusePage` (src/render/page-reuse.ts) asks `keepIfSame` first, and whoever
 * reads a page of the new site asks `siteFile` where it is.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { typescriptWorker } from "../ingest/typescript-worker.ts";

export class SiteOverlay {
  /** Paths relative to the site root that the new site keeps from the live one unchanged. */
  readonly kept = new Set<string>();

  /**
   * The live site's files (relative), listed by a worker thread while the build's first stages
   * run (`listLive`), or null if that failed. A rebuild keeps tens of thousands of pages, and asking the file
   * system whether each is still there took 0.85 s of a 10,000-article rebuild's main thread. Without a
   * listing, each is asked.
   */
  liveFiles?: Promise<ReadonlySet<string> | null>;

  constructor(
    /** Where this build writes (absolute). */
    readonly staging: string,
    /** The live site it is laid over (absolute); it may not exist yet. */
    readonly live: string,
  ) {}

  /** Starts listing the live site's files, once nothing else will move them before the commit. */
  listLive(): void {
    this.liveFiles ??= listInWorker(this.live);
  }

  /**
   * Keeps the live site's file `rel` (relative) where it is, if it is there — as the live site's listing
   * says, or the file system without one — and says whether it did.
   */
  keepLive(rel: string, listed: ReadonlySet<string> | null): boolean {
    if (!(listed ? listed.has(rel) : existsSync(path.join(this.live, rel)))) return false;
    this.kept.add(rel);
    return true;
  }

  /** `file` (absolute, under staging) relative to the site root, or null when it lies outside. */
  relative(file: string): string | null {
    // A prefix test, not path.relative: it runs for every page a rebuild keeps.
    if (!file.startsWith(this.staging) || file[this.staging.length] !== path.sep) return null;
    const rel = file.slice(this.staging.length + 1);
    return path.sep === "/" ? rel : rel.split(path.sep).join("/");
  }
}

const overlays: SiteOverlay[] = [];

/** Lays `staging` over `live` until `release` is called: reuse there keeps live files instead of copying them. */
export function layOver(staging: string, live: string): SiteOverlay {
  const overlay = new SiteOverlay(path.resolve(staging), path.resolve(live));
  overlays.push(overlay);
  return overlay;
}

export function release(overlay: SiteOverlay): void {
  const at = overlays.indexOf(overlay);
  if (at >= 0) overlays.splice(at, 1);
}

function overlayOf(file: string): { overlay: SiteOverlay; rel: string } | null {
  for (const overlay of overlays) {
    const rel = overlay.relative(file);
    if (rel !== null) return { overlay, rel };
  }
  return null;
}

/**
 * When `to` (a file of a staging folder) would receive a copy of `from` and `from` is the very file the live
 * site has at that place, records it as kept and returns true: nothing needs copying. False otherwise,
 * and when the live file is gone.
 */
export async function keepIfSame(from: string, to: string): Promise<boolean> {
  const found = overlayOf(path.resolve(to));
  if (!found) return false;
  const liveFile = path.join(found.overlay.live, found.rel);
  if (liveFile !== path.resolve(from)) return false;
  return found.overlay.keepLive(found.rel, (await found.overlay.liveFiles) ?? null);
}

/**
 * For a build writing `siteDir` laid over the live site `liveDir`: whether a file of the live site (relative,
 * "/"-separated) is kept where it is, recorded as `keepIfSame` records it, asked of the listing alone — a
 * rebuild keeps tens of thousands of pages, and resolving each one's paths and awaiting each answer took
 * 0.48 s of a profiled 10,000-article edit (0.08 s so). Null when `siteDir` is not laid over `liveDir`, or the live site was not
 * listed; `false` when the listing lacks the file: `keepIfSame` then asks as it would have.
 */
export async function keptByListing(liveDir: string, siteDir: string): Promise<((rel: string) => boolean) | null> {
  const found = await listedOverlay(liveDir, siteDir);
  if (!found) return null;
  const { overlay, listed } = found;
  return (rel) => overlay.keepLive(rel, listed);
}

/**
 * For a build writing `siteDir` laid over the live site `liveDir`: keeps every file the live site's listing
 * has under its folder `folder` (relative, "/"-separated, with or without its last "/"), as `keepIfSame` would
 * keep each, and says how many.
 * A kept search bundle is thousands of files: walking its folder and asking for each took about 80 ms of a
 * 10,000-article save, and 40 MB of paths. Null when `siteDir` is not laid over `liveDir`, or was not listed.
 */
export async function keptFolder(liveDir: string, siteDir: string, folder: string): Promise<number | null> {
  const found = await listedOverlay(liveDir, siteDir);
  if (!found) return null;
  const { overlay, listed } = found;
  const prefix = folder.endsWith("/") ? folder : `${folder}/`;
  let kept = 0;
  for (const rel of listed) {
    if (!rel.startsWith(prefix)) continue;
    overlay.kept.add(rel);
    kept++;
  }
  return kept;
}

/** The overlay laying `siteDir` over `liveDir`, with the live site's listing; null without either. */
async function listedOverlay(
  liveDir: string,
  siteDir: string,
): Promise<{ overlay: SiteOverlay; listed: ReadonlySet<string> } | null> {
  const staging = path.resolve(siteDir);
  const live = path.resolve(liveDir);
  const overlay = overlays.find((o) => o.staging === staging && o.live === live);
  const listed = overlay ? await overlay.liveFiles : null;
  return overlay && listed ? { overlay, listed } : null;
}

/** The files under `dir`, listed off the main thread; null if the worker failed. */
function listInWorker(dir: string): Promise<ReadonlySet<string> | null> {
  return new Promise((resolve) => {
    const worker = typescriptWorker(new URL("./live-files-worker.ts", import.meta.url), dir);
    worker.once("message", (files: string[]) => {
      resolve(new Set(files));
      void worker.terminate();
    });
    worker.once("error", () => resolve(null));
    worker.once("exit", () => resolve(null)); // after a message, a no-op
  });
}

/** Where the new site's file `file` (a path under a site folder) is: staged, or else kept in the live site. */
export function siteFile(file: string): string {
  const found = overlayOf(path.resolve(file));
  if (!found || existsSync(file)) return file;
  const liveFile = path.join(found.overlay.live, found.rel);
  return existsSync(liveFile) ? liveFile : file;
}
