/**
 * The gazetteer: GeoNames places typed and located by name, knowledge/places.yaml over them.
 */
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { PlaceLookupsFile } from "../src/cache/index.ts";
import { ingest, ingestSeeds, resolveRecords } from "../src/ingest/index.ts";
import { gazetteerOf, lookupPlace, placeKey } from "../src/knowledge/gazetteer.ts";
import { DEFAULT_KNOWLEDGE_DIR, loadKnowledge } from "../src/knowledge/index.ts";
import type { LocatedPlace } from "../src/resolve/index.ts";
import { tempDir } from "./helpers/temp-dir.ts";

const none = { places: [] };

/** Within a degree of the expected point. */
function near(actual: number | null, expected: number): void {
  assert.ok(actual !== null && Math.abs(actual - expected) < 1, `${actual} is not near ${expected}`);
}

describe("gazetteer (GeoNames)", () => {
  test("towns on every continent resolve with their country, province and point", () => {
    const cases: [string, string, string, number, number][] = [
      ["Nairobi", "KE", "Nairobi County", -1.28, 36.82],
      ["São Paulo", "BR", "São Paulo", -23.55, -46.64],
      ["Kharkiv", "UA", "Kharkiv", 49.98, 36.25],
      ["Osaka", "JP", "Osaka", 34.69, 135.5],
      ["Chicago", "US", "Illinois", 41.85, -87.65],
      ["Melbourne", "AU", "Victoria", -37.81, 144.96],
    ];
    for (const [name, country, within, lat, lon] of cases) {
      const place = lookupPlace(none, name);
      assert.ok(place, name);
      assert.equal(place.kind, "city", name);
      assert.equal(place.country, country, name);
      assert.equal(place.in, within, name);
      assert.equal(place.source, "geonames");
      near(place.lat, lat);
      near(place.lon, lon);
      assert.ok((place.population ?? 0) > 1_000_000, name);
    }
  });

  test("countries and provinces are typed, with a point inside them and their parent", () => {
    const kenya = lookupPlace(none, "Kenya");
    assert.equal(kenya?.kind, "country");
    assert.equal(kenya?.country, "KE");
    assert.equal(kenya?.in, null);
    near(kenya!.lat, 0);
    const texas = lookupPlace(none, "Texas");
    assert.deepEqual([texas?.kind, texas?.country, texas?.in], ["province", "US", "United States"]);
    near(texas!.lat, 31);
    // A division written without its type word ("Rivers State").
    assert.equal(lookupPlace(none, "Rivers")?.name, "Rivers State");
    // Country names in other forms, and abbreviations only in capitals.
    assert.equal(lookupPlace(none, "Russian Federation")?.name, "Russia");
    assert.equal(lookupPlace(none, "Moldova")?.country, "MD");
    assert.equal(lookupPlace(none, "USA")?.country, "US");
    assert.notEqual(lookupPlace(none, "usa")?.kind, "country");
  });

  test("ambiguous names: country over province over town, the most populous town, a town that governs its province", () => {
    assert.equal(lookupPlace(none, "Georgia")?.kind, "country");
    const london = lookupPlace(none, "London");
    assert.equal(london?.country, "GB");
    const hyderabad = lookupPlace(none, "Hyderabad");
    assert.equal(hyderabad?.country, "IN");
    // A hint of the country the text is about wins over population.
    assert.equal(lookupPlace(none, "Hyderabad", { country: "PK" })?.in, "Sindh");
    // "Berlin" and "Lima" name the capital, not the province around it.
    assert.equal(lookupPlace(none, "Berlin")?.kind, "city");
    assert.equal(lookupPlace(none, "Lima")?.kind, "city");
    assert.ok(
      gazetteerOf(none)
        .candidates("Berlin")
        .some((place) => place.kind === "province"),
    );
  });

  test("case, accents, hyphens and a leading 'The' do not matter", () => {
    assert.equal(placeKey("São Paulo"), "sao paulo");
    assert.equal(placeKey("Khyber-Pakhtunkhwa"), placeKey("Khyber Pakhtunkhwa"));
    assert.equal(lookupPlace(none, "SAO PAULO")?.name, "São Paulo");
    assert.equal(lookupPlace(none, "The Hague")?.country, "NL");
  });

  test("an unknown name is null", () => {
    assert.equal(lookupPlace(none, "Qwertyuiopville"), null);
    assert.equal(lookupPlace(none, ""), null);
    assert.deepEqual(gazetteerOf(none).candidates("Qwertyuiopville"), []);
  });
});

describe("gazetteer with knowledge/places.yaml", () => {
  const knowledge = loadKnowledge();

  test("a places.yaml entry wins and borrows the GeoNames point of the same place in its country", () => {
    const quetta = lookupPlace(knowledge, "Quetta");
    assert.equal(quetta?.source, "knowledge");
    assert.deepEqual([quetta?.kind, quetta?.in, quetta?.country], ["city", "Balochistan", "PK"]);
    near(quetta!.lat, 30.18);
    near(quetta!.lon, 67.0);
    // Punjab is Pakistan's province here, whichever Punjab GeoNames ranks first.
    assert.equal(lookupPlace(knowledge, "Punjab")?.country, "PK");
    // A variant finds the entry too.
    assert.equal(lookupPlace(knowledge, "KPK")?.name, "Khyber Pakhtunkhwa");
  });

  test("an entry of a user's folder overrides GeoNames with its own kind, parent and point", () => {
    const dir = tempDir("gazetteer");
    writeFileSync(
      path.join(dir, "places.yaml"),
      "- {name: Springfield, kind: district, in: Utopia, variants: [Springfield District], lat: 10.5, lon: -20.25}\n",
    );
    const own = loadKnowledge([DEFAULT_KNOWLEDGE_DIR, dir]);
    const springfield = lookupPlace(own, "springfield district");
    assert.deepEqual(springfield, {
      name: "Springfield",
      kind: "district",
      lat: 10.5,
      lon: -20.25,
      country: null,
      in: "Utopia",
      population: null,
      source: "knowledge",
    });
    // Without the entry, GeoNames' most populous Springfield.
    assert.equal(lookupPlace(knowledge, "Springfield")?.source, "geonames");
  });

  test("a bad point in places.yaml is a one-line error naming the file", () => {
    const dir = tempDir("gazetteer");
    writeFileSync(path.join(dir, "places.yaml"), "- {name: Nowhere, kind: city, lat: 123}\n");
    assert.throws(
      () => loadKnowledge([dir]),
      (error: Error) =>
        error.message.includes("places.yaml") && error.message.includes("lat") && !error.message.includes("\n"),
    );
  });
});

/** The story of a blast in Quetta, whose places places.yaml lists. */
const QUETTA_STORY = [
  "Blast kills two in Quetta",
  "",
  "QUETTA: Two people were killed in a blast in Quetta on Monday, police said.",
  "",
  "The wounded were taken to a hospital in Karachi, officials in Balochistan said.",
];

/** A folder of seeds: each file's lines as given. */
function seedsFolder(name: string, files: Record<string, string[]>): string {
  const dir = tempDir(name);
  for (const [file, lines] of Object.entries(files)) writeFileSync(path.join(dir, file), lines.join("\n"));
  return dir;
}

describe("place records", () => {
  test("each place in the archive carries its point, parent and country", async () => {
    const { archive } = await ingest(seedsFolder("gazetteer-seeds", { "story.txt": QUETTA_STORY }), loadKnowledge());
    const quetta = archive.places.find((p) => p.name === "Quetta");
    assert.ok(quetta, JSON.stringify(archive.places.map((p) => p.name)));
    assert.deepEqual([quetta.kind, quetta.in, quetta.country], ["city", "Balochistan", "PK"]);
    near(quetta.lat, 30.18);
    near(quetta.lon, 67.0);
    for (const place of archive.places) {
      assert.ok(place.lat === null || (place.lat >= -90 && place.lat <= 90), place.name);
      assert.equal(place.lat === null, place.lon === null, place.name);
    }
  });

  test("a town a wire dateline writes in capitals is the town the text names: one place, named as the text writes it", async () => {
    const dir = seedsFolder("capitals-seeds", {
      "a.txt": [
        "Storm hits Springfield",
        "",
        "SPRINGFIELD: A storm hit Springfield and Decatur on Tuesday, officials in the United States said.",
      ],
      "b.txt": ["Roads reopen", "", "Roads into Springfield reopened on Friday, officials in the United States said."],
    });
    const { archive } = await ingest(dir, loadKnowledge());
    const springfields = archive.places.filter((p) => p.name.toLowerCase() === "springfield");
    assert.equal(springfields.length, 1, JSON.stringify(archive.places.map((p) => p.name)));
    assert.equal(springfields[0]!.name, "Springfield");
    assert.equal(springfields[0]!.articles.length, 2);
    for (const article of archive.articles) assert.ok(article.places.includes(springfields[0]!.slug), article.slug);
  });
});

describe("the gazetteer's answers kept between builds", () => {
  const seeds = seedsFolder("place-lookups-seeds", {
    "a.txt": QUETTA_STORY,
    "b.txt": [
      "Floods reach Hyderabad",
      "",
      "HYDERABAD: Floods reached Hyderabad and Sukkur on Tuesday, officials in Sindh said.",
    ],
    // Places.yaml lists none of these: each is looked up in the country the article's known places lie in.
    "c.txt": [
      "Storm hits Decatur",
      "",
      "A storm hit Decatur on Tuesday, officials in the United States said. Roads to Peoria were cut.",
    ],
  });
  const knowledge = loadKnowledge();
  /** The archive's places, resolved with `file`; and how many answers the gazetteer had to give. */
  const resolveWith = async (file: PlaceLookupsFile) => {
    let asked = 0;
    const counted = {
      get: (key: string) => file.get(key),
      set: (key: string, place: LocatedPlace | null) => {
        asked++;
        file.set(key, place);
      },
    };
    const { extracted, rejected } = await ingestSeeds(seeds, knowledge, { onProgress: () => {} });
    const archive = resolveRecords(extracted, rejected, knowledge, { placeLookups: counted });
    file.save();
    return { places: archive.places, asked };
  };

  test("a rebuild takes every answer from the file, and its places are a cold build's", async () => {
    const cacheDir = tempDir("place-lookups");
    const { extracted, rejected } = await ingestSeeds(seeds, knowledge, { onProgress: () => {} });
    const cold = resolveRecords(extracted, rejected, knowledge).places;
    assert.ok(cold.some((p) => p.name === "Quetta" && p.lat !== null));

    const first = await resolveWith(new PlaceLookupsFile(cacheDir, "v1"));
    assert.ok(first.asked > 0);
    assert.deepEqual(first.places, cold);
    const second = await resolveWith(new PlaceLookupsFile(cacheDir, "v1"));
    assert.equal(second.asked, 0);
    assert.deepEqual(second.places, cold);
    // Another version of the knowledge or the gazetteer's code: every answer is worked out again.
    assert.equal((await resolveWith(new PlaceLookupsFile(cacheDir, "v2"))).asked, first.asked);
    // A file whose entries are not answers is read as empty.
    const file = path.join(cacheDir, "place-lookups.json");
    const saved = JSON.parse(readFileSync(file, "utf8"));
    for (const key of Object.keys(saved.entries)) saved.entries[key] = { kind: "planet" };
    writeFileSync(file, JSON.stringify(saved));
    const again = await resolveWith(new PlaceLookupsFile(cacheDir, "v2"));
    assert.equal(again.asked, first.asked);
    assert.deepEqual(again.places, cold);
  });

  test("an answer kept in the file is the one used, so the file is what a rebuild reads", async () => {
    const cacheDir = tempDir("place-lookups-moved");
    await resolveWith(new PlaceLookupsFile(cacheDir, "v1"));
    const file = path.join(cacheDir, "place-lookups.json");
    const saved = JSON.parse(readFileSync(file, "utf8"));
    assert.ok(saved.entries.Quetta, JSON.stringify(Object.keys(saved.entries)));
    assert.equal(saved.entries["Peoria\u0000US"]?.country, "US");
    saved.entries.Quetta = { ...saved.entries.Quetta, lat: 1.5, lon: 2.5 };
    writeFileSync(file, JSON.stringify(saved));
    const { places, asked } = await resolveWith(new PlaceLookupsFile(cacheDir, "v1"));
    assert.equal(asked, 0);
    const quetta = places.find((p) => p.name === "Quetta");
    assert.deepEqual([quetta?.lat, quetta?.lon], [1.5, 2.5]);
  });
});
