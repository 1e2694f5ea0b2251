/**
 * The gazetteer: GeoNames places typed and located by name, knowledge/places.yaml over them.
 */
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { ingest } from "../src/ingest/index.ts";
import { gazetteerOf, lookupPlace, placeKey } from "../src/knowledge/gazetteer.ts";
import { DEFAULT_KNOWLEDGE_DIR, loadKnowledge } from "../src/knowledge/index.ts";
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

describe("place records", () => {
  test("each place in the archive carries its point, parent and country", async () => {
    const dir = tempDir("gazetteer-seeds");
    writeFileSync(
      path.join(dir, "story.txt"),
      [
        "Blast kills two in Quetta",
        "",
        "QUETTA: Two people were killed in a blast in Quetta on Monday, police said.",
        "",
        "The wounded were taken to a hospital in Karachi, officials in Balochistan said.",
      ].join("\n"),
    );
    const { archive } = await ingest(dir, loadKnowledge());
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
});
