/**
 * Cross-article resolution of people. Two mentions are one person when their full
 * names match token by token up to transliteration (Sarfraz / Sarfaraz Bugti), or when
 * one name is the other without a name prefix (Quddus Bizenjo / Mir Quddus Bizenjo)
 * and no other person fits. Surname-only matches never merge: two Achakzais stay two.
 */
import type { PersonMention } from "../types.ts";
import { compareStrings, groupBy } from "../util/group.ts";
import { consonantSkeleton, nameTokens } from "./person-key.ts";

export interface PersonOccurrence {
  article: number; // index of the article in archive order
  mention: PersonMention;
}

/** The occurrences of one person, of the kind clusterPeople was given (they may carry more). */
export interface PersonCluster<O extends PersonOccurrence = PersonOccurrence> {
  occurrences: O[];
}

interface Group<O extends PersonOccurrence> {
  key: string;
  coreKey: string;
  prefixes: ReadonlySet<string>;
  occurrences: O[];
}

type Described = Pick<Group<never>, "key" | "coreKey" | "prefixes">;

/** The prefixes of a name without any: one set for all of them, never changed. */
const NO_PREFIXES: ReadonlySet<string> = new Set();

function describe(name: string, namePrefixes: Set<string>): Described {
  const tokens = nameTokens(name);
  let start = 0;
  while (start < tokens.length - 2 && namePrefixes.has(tokens[start])) start++;
  const skeleton = tokens.map(consonantSkeleton);
  const key = skeleton.join(" ");
  return {
    key,
    coreKey: start === 0 ? key : skeleton.slice(start).join(" "),
    prefixes: start === 0 ? NO_PREFIXES : new Set(tokens.slice(0, start)),
  };
}

/**
 * Each name's description, by the name prefixes it was made with: the last build's are taken again, since
 * `npm start`'s next save names nearly all the same people. Describing the 24,000 names of a 10,000-article
 * archive afresh was a fifth of the people's resolve on every save. Only the names of the last build are kept,
 * not every name a long session has seen.
 */
let described: { prefixes: string; byName: Map<string, Described> } | undefined;

function describer(namePrefixes: Set<string>): (name: string) => Described {
  const prefixes = [...namePrefixes].sort().join("\u0000");
  const last = described?.prefixes === prefixes ? described.byName : undefined;
  const byName = new Map<string, Described>();
  described = { prefixes, byName };
  return (name) => {
    let known = byName.get(name);
    if (!known) {
      known = last?.get(name) ?? describe(name, namePrefixes);
      byName.set(name, known);
    }
    return known;
  };
}

const isSubset = (a: ReadonlySet<string>, b: ReadonlySet<string>) => [...a].every((x) => b.has(x));

export function clusterPeople<O extends PersonOccurrence>(
  occurrences: O[],
  namePrefixList: string[],
): PersonCluster<O>[] {
  const namePrefixes = new Set(namePrefixList.map((p) => p.toLowerCase()));
  const byKey = new Map<string, Group<O>>();
  // A name is described once, not once per mention: "Imran Khan" is written in thousands of articles.
  const describeName = describer(namePrefixes);
  for (const occurrence of occurrences) {
    const { key, coreKey, prefixes } = describeName(occurrence.mention.name);
    const group = byKey.get(key);
    if (group) group.occurrences.push(occurrence);
    // Not a spread of the description: that was a quarter of the clustering's time.
    else byKey.set(key, { key, coreKey, prefixes, occurrences: [occurrence] });
  }

  // A less specific name (fewer prefixes) joins the one more specific group it is compatible with.
  const groups = [...byKey.values()];
  const byCore = groupBy(groups, (g) => g.coreKey);
  const mergedInto = new Map<Group<O>, Group<O>>();
  for (const sameCore of byCore.values()) {
    if (sameCore.length < 2) continue;
    for (const group of sameCore) {
      const targets = sameCore.filter(
        (other) =>
          other !== group && other.prefixes.size > group.prefixes.size && isSubset(group.prefixes, other.prefixes),
      );
      if (targets.length === 1) mergedInto.set(group, targets[0]);
    }
  }
  const root = (g: Group<O>): Group<O> => {
    let current = g;
    while (mergedInto.has(current)) current = mergedInto.get(current)!;
    return current;
  };
  const clusters = new Map<Group<O>, PersonCluster<O>>();
  for (const group of groups) {
    const target = root(group);
    const cluster: PersonCluster<O> = clusters.get(target) ?? { occurrences: [] };
    cluster.occurrences.push(...group.occurrences);
    clusters.set(target, cluster);
  }
  return [...clusters.values()];
}

/**
 * The name a cluster is shown under: the form used by the most articles, then the
 * fullest (most tokens), then the plainer spelling (shorter), then alphabetical.
 */
export function canonicalName(forms: { name: string; article: number }[]): string {
  const articlesByName = new Map<string, Set<number>>();
  for (const { name, article } of forms) {
    const set = articlesByName.get(name) ?? new Set();
    set.add(article);
    articlesByName.set(name, set);
  }
  return [...articlesByName.entries()].sort(
    ([a, aArticles], [b, bArticles]) =>
      bArticles.size - aArticles.size ||
      nameTokens(b).length - nameTokens(a).length ||
      a.length - b.length ||
      compareStrings(a, b),
  )[0][0];
}
