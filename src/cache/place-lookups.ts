/**
 * The gazetteer's answers (src/resolve/places.ts), kept between builds in `<cacheDir>/place-lookups.json` with
 * the extractor's version, which covers the gazetteer's code, places.yaml and the GeoNames packages: a rebuild
 * reads GeoNames only for a name no earlier build asked.
 */
import type { LocatedPlace, PlaceLookupsCache } from "../resolve/index.ts";
import { PLACE_KINDS } from "../types.ts";
import { KeptEntriesFile } from "./kept-entries.ts";

const isNumberOrNull = (value: unknown) => value === null || typeof value === "number";
const isStringOrNull = (value: unknown) => value === null || typeof value === "string";

const isLocated = (value: unknown): value is LocatedPlace | null => {
  if (value === null) return true;
  const { kind, lat, lon, in: within, country } = (value ?? {}) as Record<string, unknown>;
  return (
    (PLACE_KINDS as readonly unknown[]).includes(kind) &&
    isNumberOrNull(lat) &&
    isNumberOrNull(lon) &&
    isStringOrNull(within) &&
    isStringOrNull(country)
  );
};

export class PlaceLookupsFile extends KeptEntriesFile<LocatedPlace | null> implements PlaceLookupsCache {
  constructor(cacheDir: string, version: string) {
    super(cacheDir, "place-lookups", version, isLocated);
  }
}
