/**
 * The knowledge lists of named things — parties, organizations, places, outlets — act on an article only
 * through their names: an entry is matched where the article writes one of its names (or abbreviations,
 * variants, domains, signature phrases), and a place's country comes down its `in` chain. So an edit to
 * these lists can change the extraction of only the articles that write a name of an entry added, removed
 * or changed, or of a place lying in one; the extraction cache (src/cache) keeps every other article's
 * record instead of extracting the whole archive again.
 */

export const NAMED_LISTS = ["parties", "organizations", "places", "outlets"] as const;
export type NamedList = (typeof NAMED_LISTS)[number];

/** Each named list's entries, one JSON text per entry, as loaded (schema defaults filled in). */
export type NamedListEntries = Record<NamedList, string[]>;

/** An entry as parsed back from its JSON text. */
type Entry = Record<string, unknown>;

/**
 * A text as names are looked for in it: diacritics dropped, lower case, letters and digits only. Every
 * way extraction matches a name (tokens, place keys, abbreviations with or without dots) finds the
 * name's fold inside the text's fold, so a test on folds misses no article (it may take in a few more).
 */
export function foldForMatching(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

/**
 * Fields of an entry that are not its names: its kind, the place it lies in, a party's country. Each acts
 * on the articles through the entry's own names, which are taken anyway (and a place's `in`, through
 * the chain namesAffected follows).
 */
const NOT_NAMES = new Set(["kind", "in", "country"]);

/** Every name an entry is written or matched by: each string of its fields (a leading "The" dropped). */
function namesOf(entry: Entry): string[] {
  const names: string[] = [];
  const add = (value: unknown) => {
    if (typeof value === "string") names.push(value.replace(/^the\s+/i, ""));
    else if (Array.isArray(value)) value.forEach(add);
  };
  for (const [field, value] of Object.entries(entry)) if (!NOT_NAMES.has(field)) add(value);
  return names;
}

/**
 * The entries of a list that an edit added, removed or changed (a changed entry is an old one removed and
 * a new one added); when the entries both lists hold are in another order — where two entries share a
 * name, the first one wins —, every entry.
 */
function entriesChanged(before: string[], after: string[]): string[] {
  const count = (entries: string[]) => {
    const counts = new Map<string, number>();
    for (const entry of entries) counts.set(entry, (counts.get(entry) ?? 0) + 1);
    return counts;
  };
  const [old, now] = [count(before), count(after)];
  const changed = new Set([...old.keys(), ...now.keys()].filter((entry) => old.get(entry) !== now.get(entry)));
  const kept = (entries: string[]) => entries.filter((entry) => !changed.has(entry)).join("\n");
  return kept(before) === kept(after) ? [...changed] : [...new Set([...before, ...after])];
}

/**
 * The places of `entries` whose `in` chain passes through a place named in `names`: their country comes
 * down that chain. The first entry of a name is the one the gazetteer follows.
 */
function placesLyingIn(entries: string[], names: ReadonlySet<string>): Entry[] {
  const parsed = entries.map((entry) => JSON.parse(entry) as Entry);
  const byName = new Map<string, Entry>();
  for (const entry of parsed) if (!byName.has(String(entry.name))) byName.set(String(entry.name), entry);
  const parentOf = (entry: Entry | undefined) => (typeof entry?.in === "string" ? entry.in : undefined);
  return parsed.filter((entry) => {
    let parent = parentOf(entry);
    for (let depth = 0; parent !== undefined && depth < 10; depth++) {
      if (names.has(parent)) return true;
      parent = parentOf(byName.get(parent));
    }
    return false;
  });
}

/**
 * The folded names (foldForMatching) an edit from `before` to `after` can act through: the names of every
 * entry added, removed or changed, and of every place whose `in` chain passes through one of those.
 */
export function namesAffected(before: NamedListEntries, after: NamedListEntries): string[] {
  const names = new Set<string>();
  for (const list of NAMED_LISTS) {
    const [old, now] = [before[list] ?? [], after[list] ?? []];
    const changed = entriesChanged(old, now).map((entry) => JSON.parse(entry) as Entry);
    const changedNames = new Set(changed.map((entry) => String(entry.name)));
    const within =
      list === "places" && changed.length > 0
        ? [old, now].flatMap((entries) => placesLyingIn(entries, changedNames))
        : [];
    for (const entry of [...changed, ...within]) for (const name of namesOf(entry)) names.add(foldForMatching(name));
  }
  return [...names].sort();
}
