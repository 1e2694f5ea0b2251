/**
 * Story pairs kept between builds (src/resolve/story-pairs.ts): a rebuild that keeps the last build's pairs
 * and works out only those of what changed groups exactly as a cold build does, and keeps exactly the pairs a
 * cold build finds, with the same similarities to the bit, through every kind of change: articles added,
 * removed and edited, entities renamed, a word first shared, a word that comes to index too many articles,
 * the archive crossing a step of its size.
 */
import assert from "node:assert/strict";
import { isAscii } from "node:buffer";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { mulberry32, type Random } from "../scripts/bench/prng.ts";
import { StoryPairsFile, TextTermsFile } from "../src/cache/index.ts";
import { type KeptPairs, type StoryPairsCache, textTermsVersion } from "../src/resolve/index.ts";
import { STORY_SETTINGS } from "../src/resolve/settings.ts";
import { groupStories } from "../src/resolve/stories.ts";
import type { ArticleRecord } from "../src/types.ts";
import { article } from "./helpers/fixture-archive.ts";

const scratch = mkdtempSync(path.join(tmpdir(), "news-archive-story-pairs-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

const SYLLABLES = ["ka", "lo", "mi", "ru", "ten", "vas", "por", "di", "zel", "nu", "bra", "qui", "fo", "sha"];
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
/** A made-up word, distinct for each number: its syllables are the number's digits in base 14. */
const word = (n: number) => {
  let w = "";
  for (let k = n + SYLLABLES.length; k > 0; k = Math.floor(k / SYLLABLES.length)) w += SYLLABLES[k % SYLLABLES.length];
  return `${w}x`;
};

/**
 * A short article (so that every word it shares is one of its index terms) about event `event`: a few of the
 * event's own words, a few common ones, a place and a person of the event, a date near the event's.
 */
function eventArticle(random: Random, slug: string, event: number, extra: string[] = []): ArticleRecord {
  const own = Array.from({ length: 6 }, (_, k) => word(1000 + event * 10 + k)).filter(() => random() < 0.7);
  const common = Array.from({ length: 5 }, () => word(Math.floor(random() * 60)));
  const day = 1 + ((event * 7 + Math.floor(random() * 3)) % 28);
  return article({
    slug,
    title: `${own.slice(0, 2).join(" ")} ${common[0]}`,
    body: [...own, ...common, ...extra].join(" "),
    date: `2026-0${1 + (event % 9)}-${String(day).padStart(2, "0")}`,
    outletSlug: pick(random, ["daily", "courier", "herald", "times"]),
    places: [`place-${event % 40}`],
    people: random() < 0.5 ? [`person-${event % 70}`] : [],
    figures:
      random() < 0.3
        ? [
            {
              value: 3,
              qualifier: null,
              what: "people",
              category: "civilians",
              outcome: "killed",
              period: null,
              place: null,
              text: "",
              line: 1,
            },
          ]
        : [],
  });
}

/** A corpus of `count` articles about `count / 5` events. */
function corpus(count: number, seed = 7): ArticleRecord[] {
  const random = mulberry32(seed);
  return Array.from({ length: count }, (_, i) =>
    eventArticle(random, `a-${String(i).padStart(4, "0")}`, i % (count / 5)),
  );
}

/** Pairs kept in memory, as the file keeps them between two builds. */
class MemoryPairs implements StoryPairsCache {
  state: KeptPairs | undefined;
  compared = -1;
  kept() {
    return this.state;
  }
  keep(pairs: KeptPairs, compared: number) {
    this.state = pairs;
    this.compared = compared;
  }
}

const terms = () => new TextTermsFile(path.join(scratch, "terms"), textTermsVersion());

/** The grouping and the pairs (by the articles' digests) of `articles`, with `pairs` kept from the last. */
function grouped(articles: ArticleRecord[], pairs: StoryPairsCache) {
  const textTerms = terms();
  const { stories, storyOf, copyOf } = groupStories(articles, new Map(), () => undefined, textTerms, pairs);
  textTerms.save();
  return { grouping: JSON.stringify({ stories, storyOf: [...storyOf], copyOf: [...copyOf] }) };
}

/** Every pair of the last grouping, as "digest digest similarity" lines, sorted. */
function pairLines(kept: KeptPairs): string[] {
  const lines: string[] = [];
  for (let p = 0; p < kept.pairA.length; p++) {
    const [a, b] = [kept.digests[kept.pairA[p]], kept.digests[kept.pairB[p]]].sort();
    lines.push(`${a} ${b} ${kept.pairS[p]}`);
  }
  return lines.sort();
}

/** Groups `articles` keeping the pairs in `kept`, then cold; both must agree, grouping and pairs alike. */
function rebuildMatchesCold(articles: ArticleRecord[], kept: MemoryPairs, what: string): number {
  const rebuilt = grouped(articles, kept);
  const cold = new MemoryPairs();
  const fresh = grouped(articles, cold);
  assert.equal(cold.compared, articles.length, "a cold grouping compares every article");
  assert.equal(rebuilt.grouping, fresh.grouping, `${what}: the stories are a cold build's`);
  assert.deepEqual(
    pairLines(kept.state as KeptPairs),
    pairLines(cold.state as KeptPairs),
    `${what}: the pairs are a cold build's`,
  );
  return kept.compared;
}

test("a rebuild keeping the last build's story pairs groups as a cold build does, through every kind of change", () => {
  const articles = corpus(600);
  const kept = new MemoryPairs();
  grouped(articles, kept);
  assert.ok((kept.state?.pairA.length ?? 0) > 500, "the corpus has pairs to keep");
  assert.ok(
    new Set(
      JSON.parse(grouped(articles, new MemoryPairs()).grouping).stories.map(
        (s: { articles: string[] }) => s.articles.length,
      ),
    ).size > 1,
  );

  // Nothing changed: no article is compared again.
  assert.equal(rebuildMatchesCold(articles, kept, "unchanged"), 0);

  const random = mulberry32(11);
  // An article added to an event, one removed, one edited, one moved to another date.
  articles.push(eventArticle(random, "added", 3));
  const added = rebuildMatchesCold(articles, kept, "added");
  assert.ok(added > 0 && added < 100, `an addition compares few articles (${added})`);
  articles.splice(42, 1);
  assert.ok(rebuildMatchesCold(articles, kept, "removed") < 100);
  articles[10] = { ...articles[10], body: `${articles[10].body} ${word(5000)}` };
  assert.ok(rebuildMatchesCold(articles, kept, "edited") < 100);
  // Moved away from the articles it corroborates (near in time, a place in common, the same kind counted).
  const corroborated = articles.findIndex(
    (a, i) =>
      a.figures.length > 0 &&
      articles.some((b, j) => j !== i && b.figures.length > 0 && b.places[0] === a.places[0] && b.date === a.date),
  );
  assert.ok(corroborated >= 0);
  articles[corroborated] = { ...articles[corroborated], date: "2026-12-01" };
  rebuildMatchesCold(articles, kept, "redated");
  // An entity renamed across the archive (its slug changed): every article naming it changes.
  articles.forEach((a, i) => {
    if (a.places.includes("place-5")) articles[i] = { ...a, places: ["place-5-renamed"] };
  });
  rebuildMatchesCold(articles, kept, "renamed");
  // A word one article had becomes shared by a second: the first's index terms change.
  articles[20] = { ...articles[20], body: `${articles[20].body} ${word(7000)}` };
  rebuildMatchesCold(articles, kept, "a word of one article");
  articles[300] = { ...articles[300], body: `${articles[300].body} ${word(7000)}` };
  rebuildMatchesCold(articles, kept, "the word shared");
});

test("a word coming to index more articles than the limit loses its pairs in a rebuild as in a cold build", () => {
  const limit = STORY_SETTINGS.maxPostings;
  const marker = word(9000);
  // `limit` articles share the marker word (one index term each, and with their event's words a pair's
  // second): it finds their pairs until one more article has it.
  const articles = corpus(600, 3).map((a, i) => (i < limit ? { ...a, body: `${a.body} ${marker}` } : a));
  const kept = new MemoryPairs();
  grouped(articles, kept);
  const random = mulberry32(5);
  articles.push(eventArticle(random, "one-more", 50, [marker]));
  const compared = rebuildMatchesCold(articles, kept, "the word over the limit");
  assert.ok(compared > limit, `every article the word indexes is compared again (${compared})`);
  articles.pop();
  rebuildMatchesCold(articles, kept, "the word back under the limit");
});

test("an archive crossing a step of its size, or read from a damaged file, is grouped cold and still the same", () => {
  const articles = corpus(500);
  const kept = new MemoryPairs();
  grouped(articles, kept);
  // 500 → 520 articles crosses 512 (a half octave), and compares by two shared index terms rather than one.
  const random = mulberry32(9);
  for (let k = 0; k < 20; k++) articles.push(eventArticle(random, `late-${k}`, k));
  articles[0] = { ...articles[0], title: `${articles[0].title} Türkiye` };
  articles[1] = { ...articles[1], title: `${articles[1].title} Türkiye` };
  assert.equal(rebuildMatchesCold(articles, kept, "a step crossed"), articles.length);

  // Through the file: kept, read back, and not used when damaged or made by other code.
  const dir = path.join(scratch, "pairs-file");
  const file = new StoryPairsFile(dir, "v1");
  grouped(articles, file);
  file.save();
  // Written as ASCII, as every cache file is, a word of another alphabet among its terms.
  assert.ok(articles.some((a) => a.title.includes("Türkiye")));
  assert.ok(isAscii(readFileSync(path.join(dir, "story-pairs.json"))));
  const again = new StoryPairsFile(dir, "v1");
  const cold = grouped(articles, new MemoryPairs()).grouping;
  assert.equal(grouped(articles, again).grouping, cold);
  assert.equal(again.compared, 0, "read back, every pair is kept");
  const otherCode = new StoryPairsFile(dir, "v2");
  assert.equal(otherCode.kept(), undefined);
  const text = JSON.parse(readFileSync(path.join(dir, "story-pairs.json"), "utf8"));
  writeFileSync(path.join(dir, "story-pairs.json"), JSON.stringify({ ...text, pairB: text.pairA }));
  const damaged = new StoryPairsFile(dir, "v1");
  assert.equal(damaged.kept(), undefined, "pairs whose articles are not in order are not used");
  assert.equal(grouped(articles, damaged).grouping, cold);
  assert.equal(damaged.compared, articles.length);
});
