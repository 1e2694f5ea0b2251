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
  prefixes: Set<string>;
  occurrences: O[];
}

function describe(name: string, namePrefixes: Set<string>): Pick<Group<never>, "key" | "coreKey" | "prefixes"> {
  const tokens = nameTokens(name);
  let start = 0;
  while (start < tokens.length - 2 && namePrefixes.has(tokens[start])) start++;
  const skeleton = tokens.map(consonantSkeleton);
  return {
    key: skeleton.join(" "),
    coreKey: skeleton.slice(start).join(" "),
    prefixes: new Set(tokens.slice(0, start)),
  };
}

const isSubset = (a: Set<string>, b: Set<string>) => [...a].every((x) => b.has(x));

export function clusterPeople<O extends PersonOccurrence>(
  occurrences: O[],
  namePrefixList: string[],
): PersonCluster<O>[] {
  const namePrefixes = new Set(namePrefixList.map((p) => p.toLowerCase()));
  const byKey = new Map<string, Group<O>>();
  // A name is described once, not once per mention: "Imran Khan" is written in thousands of articles.
  const describedByName = new Map<string, ReturnType<typeof describe>>();
  for (const occurrence of occurrences) {
    const { name } = occurrence.mention;
    let described = describedByName.get(name);
    if (!described) {
      described = describe(name, namePrefixes);
      describedByName.set(name, described);
    }
    const group = byKey.get(described.key);
    if (group) group.occurrences.push(occurrence);
    else byKey.set(described.key, { ...described, occurrences: [occurrence] });
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
