/**
 * Where each resolved place lies: its point, what it lies in and its country, from the
 * gazetteer (knowledge/places.yaml over GeoNames). A place knowledge/places.yaml lists keeps
 * the kind it gives; a place the text alone found takes the gazetteer's kind when the
 * gazetteer knows the name. A name several places share means the one in the country the
 * articles' known places lie in most often ("Hyderabad" in a story about Sindh), else the
 * gazetteer's first choice.
 *
 * Its answers are kept between builds (`PlaceLookupsCache`): GeoNames is about 0.4 s of CPU and 37 MB of
 * heap to read, most of a rebuild's place step, and a rebuild rarely asks for a name no earlier build has.
 * The gazetteer is read only when a name is asked that the kept answers lack.
 */
import { type Gazetteer, type GazetteerPlace, gazetteerOf } from "../knowledge/gazetteer.ts";
import type { Knowledge } from "../knowledge/index.ts";
import type { PlaceKind, PlaceMention } from "../types.ts";
import { compareStrings } from "../util/group.ts";

/** The fields a place record takes from the gazetteer. */
export interface PlaceFacts {
  kind: PlaceKind;
  lat: number | null;
  lon: number | null;
  in: string | null;
  country: string | null;
}

/** What the place records take of a gazetteer place. */
export type LocatedPlace = Pick<GazetteerPlace, "kind" | "lat" | "lon" | "in" | "country">;

/**
 * The gazetteer's answers from earlier builds, by the name asked (and the country preferred, after a NUL),
 * null where it knew no such place. They hold under the knowledge's version, which covers places.yaml and the
 * GeoNames packages (src/cache: `PlaceLookupsFile`).
 */
export interface PlaceLookupsCache {
  get(key: string): LocatedPlace | null | undefined;
  set(key: string, place: LocatedPlace | null): void;
}

/** The country most of these articles' known places lie in, or undefined; ties go to the first code in order. */
function usualCountry(articles: Iterable<number>, countriesOf: (article: number) => string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const article of articles)
    for (const country of countriesOf(article)) counts.set(country, (counts.get(country) ?? 0) + 1);
  let best: string | undefined;
  for (const [country, count] of [...counts].sort(([a], [b]) => compareStrings(a, b)))
    if (best === undefined || count > counts.get(best)!) best = country;
  return best;
}

/**
 * A function giving each place group its facts, for one archive. `placesOf(article)` lists an
 * article's place mentions; countries of its known places are worked out once per article.
 */
export function placeLocator(
  knowledge: Knowledge,
  placesOf: (article: number) => PlaceMention[],
  kept?: PlaceLookupsCache,
  readGazetteer: (knowledge: Knowledge) => Gazetteer = gazetteerOf,
): (mentions: { article: number; mention: PlaceMention }[]) => PlaceFacts {
  let gazetteer: Gazetteer | undefined;
  const lookup = (name: string, country?: string): LocatedPlace | null => {
    const key = country === undefined ? name : `${name}\u0000${country}`;
    const known = kept?.get(key);
    if (known !== undefined) return known;
    gazetteer ??= readGazetteer(knowledge);
    const place = gazetteer.lookup(name, country === undefined ? undefined : { country });
    const located = place && { kind: place.kind, lat: place.lat, lon: place.lon, in: place.in, country: place.country };
    kept?.set(key, located);
    return located;
  };
  const countries = new Map<number, string[]>();
  const countriesOf = (article: number): string[] => {
    let list = countries.get(article);
    if (!list) {
      list = [
        ...new Set(
          placesOf(article)
            .filter((m) => m.known)
            .flatMap((m) => lookup(m.name)?.country ?? []),
        ),
      ];
      countries.set(article, list);
    }
    return list;
  };

  return (mentions) => {
    const first = mentions[0]!.mention;
    const known = mentions.find((m) => m.mention.known)?.mention;
    let place: LocatedPlace | null;
    if (known) place = lookup(known.name);
    else {
      const country = usualCountry(new Set(mentions.map((m) => m.article)), countriesOf);
      place = lookup(first.name, country || undefined);
    }
    return {
      kind: known ? known.kind : (place?.kind ?? first.kind),
      lat: place?.lat ?? null,
      lon: place?.lon ?? null,
      in: place?.in ?? null,
      country: place?.country ?? null,
    };
  };
}
