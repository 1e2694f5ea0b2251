/**
 * Story pages known unchanged without their keys (src/render/views/stories.ts: `key`). A story page's key
 * holds its record's digest, the digests and list entries of the articles it shows, the names of the entities
 * it links and the points its map draws: made for every story, 1.3 s of a rebuild at 50,000 articles, for
 * the one or two stories an edited seed changes. A page keeps the previous build's fingerprint, without its
 * key being worked out, when, under the same site code:
 *  - its story's record digest is the one recorded for it;
 *  - each article it shows has the record digest the previous build recorded for that article (a list entry
 *    is made from its article's record and its outlet's name);
 *  - no entity it names was renamed, and no place its map draws moved.
 * Anything else leaves the page to its key. Records this build's story digests and place points in
 * `manifest`, for the next build.
 */
import type { KeyFingerprints, PageManifest } from "./page-reuse.ts";
import type { StoryPageInputs } from "./views/stories.ts";

export function storyPagesKnown(
  stories: { inputs(at: number): StoryPageInputs; placePoints(): Map<string, string> },
  previous: PageManifest,
  manifest: PageManifest,
  options: { fingerprints: KeyFingerprints; hasPrevious: boolean; renamed: ReadonlySet<string> },
): { known: (at: number) => { permalink: string; csvPath: string | null; fingerprint: string } | null } {
  const points = stories.placePoints();
  const storyDigests: Record<string, string> = {};
  manifest.stories = storyDigests;
  manifest.points = Object.fromEntries(points);
  // Salted like a page's fingerprint: new site code or navigation makes every story page keyed again.
  manifest.storySalt = options.fingerprints.ofKey("story page inputs");
  const before = previous.stories;
  const articlesBefore = previous.articles;
  const carries =
    options.hasPrevious &&
    before !== undefined &&
    articlesBefore !== undefined &&
    previous.storySalt === manifest.storySalt;
  // The article digests the previous build recorded (the first field of each article's entry).
  const digestBefore = new Map<string, string>();
  if (carries) {
    for (const [slug, entry] of Object.entries(articlesBefore)) {
      const space = entry.indexOf(" ");
      digestBefore.set(slug, space < 0 ? entry : entry.slice(0, space));
    }
  }
  // The places drawn elsewhere than before, and with the renamed entities, the keys a kept page must not name.
  const moved = new Set<string>();
  for (const [slug, point] of points) if (previous.points?.[slug] !== point) moved.add(slug);
  const { renamed } = options;

  return {
    known: (at) => {
      const inputs = stories.inputs(at);
      const { permalink, csvPath } = inputs;
      storyDigests[permalink] = inputs.digest;
      const fingerprint = previous.pages[permalink];
      if (!carries || fingerprint === undefined || before?.[permalink] !== inputs.digest) return null;
      for (const article of inputs.articles) if (digestBefore.get(article.slug) !== article.digest) return null;
      if (inputs.places.some((slug) => moved.has(slug))) return null;
      if (renamed.size > 0 && inputs.named().some((key) => renamed.has(key))) return null;
      return { permalink, csvPath, fingerprint };
    },
  };
}
