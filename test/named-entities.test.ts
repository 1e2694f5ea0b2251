import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { cleanText } from "../src/clean/index.ts";
import { foldText } from "../src/extract/entities/fold.ts";
import { findNamedEntities, type NamedEntities } from "../src/extract/entities/named.ts";
import { looksLikeAbbreviation } from "../src/extract/entities/named-known.ts";
import { type Sentence, splitSentences } from "../src/extract/sentences.ts";
import { loadKnowledge } from "../src/knowledge/index.ts";
import { readSeedFile } from "../src/read/index.ts";
import type { Metadata } from "../src/types.ts";
import { emptyMetadata } from "./helpers/metadata.ts";

const knowledge = loadKnowledge();
const root = path.resolve(import.meta.dirname, "..");

function metadata(dateline: string | null = null, datelineEvidence: string | null = null): Metadata {
  return emptyMetadata({ dateline, datelineEvidence });
}

function find(...texts: string[]): NamedEntities {
  const sentences: Sentence[] = texts.map((text, i) => ({ text, line: i + 1 }));
  return findNamedEntities(sentences, metadata(), knowledge);
}

function keys(found: NamedEntities, kind: "parties" | "organizations" | "places"): string[] {
  return found[kind].map((mention) => mention.key);
}

describe("folding", () => {
  test("dashes, spaces and apostrophes fold alike and offsets point into the original", () => {
    const text = "PTI’s  Tehreek–e-Insaf";
    const folded = foldText(text);
    assert.equal(folded.lower, "pti's tehreek e insaf");
    const at = folded.lower.indexOf("tehreek");
    assert.equal(text.slice(folded.offsets[at]!), "Tehreek–e-Insaf");
  });

  test("abbreviations are told from names by their capitals", () => {
    assert.ok(looksLikeAbbreviation("PkNAP"));
    assert.ok(looksLikeAbbreviation("PML(N)"));
    assert.ok(!looksLikeAbbreviation("Nadra"));
    assert.ok(!looksLikeAbbreviation("Lib Dems"));
  });
});

describe("known names", () => {
  test("the longest match wins over the place inside it", () => {
    const found = find(
      "The Balochistan Liberation Army claimed the attack, Pakistan Television said.",
      "The Balochistan Assembly met.",
    );
    assert.deepEqual(keys(found, "organizations"), [
      "Balochistan Liberation Army",
      "Pakistan Television",
      "Balochistan Assembly",
    ]);
    assert.deepEqual(keys(found, "places"), []);
  });

  test("spans carry exact offsets, possessives and adjectival place uses included", () => {
    const text = "PTI’s Salam Agha said Pakistan's security forces and the Balochistan government agreed.";
    const found = find(text);
    for (const span of found.spans) assert.equal(text.slice(span.start, span.end), span.text);
    assert.deepEqual(
      found.spans.map((span) => [span.kind, span.text]),
      [
        ["party", "PTI"],
        ["place", "Pakistan"],
        ["place", "Balochistan"],
      ],
    );
  });

  test("spelling variants resolve to one canonical key", () => {
    const found = find(
      "Leaders of the Pakistan Tehreek-i-Insaf visited Noshki.",
      "Pakistan Tehrik-e-Insaf workers gathered in Nushki and Baluchistan.",
    );
    assert.deepEqual(keys(found, "parties"), ["Pakistan Tehreek-e-Insaf"]);
    assert.deepEqual(found.parties[0]!.variants, ["Pakistan Tehreek-i-Insaf", "Pakistan Tehrik-e-Insaf"]);
    assert.deepEqual(keys(found, "places"), ["Nushki", "Balochistan"]);
    assert.deepEqual(found.places[0]!.variants, ["Noshki", "Nushki"]);
  });

  test("abbreviations match only with their own capitals; names only where capitalised", () => {
    const found = find("The pti said the national assembly would meet.", "Ppp workers protested.");
    assert.deepEqual(found.spans, []);
  });

  test("an all-caps dateline-style name still matches", () => {
    assert.deepEqual(keys(find("QUETTA: Protests ended."), "places"), ["Quetta"]);
  });

  test("abbreviation spellings of one party resolve to it", () => {
    const found = find("The PML N and PML(N) and PML-N leaders met.");
    assert.deepEqual(keys(found, "parties"), ["Pakistan Muslim League (N)"]);
    assert.equal(found.spans.length, 3);
  });
});

describe("weak abbreviations", () => {
  test("NA and NP count only when the article names them in full", () => {
    assert.deepEqual(find("NA passed the bill, NP leaders said.").spans, []);
    const found = find("The National Assembly and the National Party met.", "NA members and NP leaders agreed.");
    assert.deepEqual(
      found.spans.filter((span) => span.sentence === 1).map((span) => [span.text, span.key]),
      [
        ["NA", "National Assembly"],
        ["NP", "National Party"],
      ],
    );
  });
});

describe("abbreviations defined in the article", () => {
  test("a parenthesised acronym defines an unknown party, and later bare uses match it", () => {
    const found = find(
      "The Sindh Progressive Front (SPF) announced a boycott.",
      "SPF workers blocked the highway in Hyderabad.",
    );
    assert.equal(found.parties.length, 1);
    const party = found.parties[0]!;
    assert.equal(party.key, "Sindh Progressive Front");
    assert.equal(party.known, false);
    assert.equal(party.abbr, "SPF");
    assert.deepEqual(
      found.spans.filter((span) => span.kind === "party").map((span) => span.sentence),
      [0, 0, 1],
    );
  });

  test("an acronym spelling the initials of a name makes it a party when a word of the name says party", () => {
    const found = find("The Jeay Sindh Qaumi Mahaz (JSQM) protested.", "JSQM leaders spoke.");
    assert.deepEqual(keys(found, "parties"), ["Jeay Sindh Qaumi Mahaz"]);
  });

  test("an acronym-defined name with no party word is an organization, not a party", () => {
    const found = find(
      "The Pakistan Institute for Conflict and Security Studies (PICSS) and Médecins Sans Frontières (MSF) reported.",
    );
    assert.deepEqual(found.parties, []);
    assert.ok(keys(found, "organizations").includes("Pakistan Institute for Conflict and Security Studies"));
  });

  test("a role with an acronym is not a party", () => {
    assert.deepEqual(find("Prime Minister (PM) Ahmed spoke.").parties, []);
  });
});

describe("unknown names by pattern", () => {
  test("Title-case names ending in a party word are parties", () => {
    const found = find("Leaders of the Makran Awami Movement and the Tharparkar Peoples League joined.");
    assert.deepEqual(keys(found, "parties"), ["Makran Awami Movement", "Tharparkar Peoples League"]);
    assert.ok(found.parties.every((party) => !party.known));
  });

  test("head words give the kind of unknown organizations", () => {
    const found = find(
      "The Sindhudesh Liberation Front and the Zhob Development Authority were named by the Balochistan Home Department.",
    );
    assert.deepEqual(
      found.organizations.map((o) => [o.key, o.kind]),
      [
        ["Sindhudesh Liberation Front", "militant group"],
        ["Zhob Development Authority", "government body"],
        ["Balochistan Home Department", "government body"],
      ],
    );
  });

  test("a quoted izafat compound is an initiative, a person's izafat name is not", () => {
    const found = find("He recalled the 'Tameer-e-Balochistan' package of General Zia-ul-Haq.");
    assert.deepEqual(keys(found, "organizations"), ["Tameer-e-Balochistan"]);
  });

  test("capitalised headings do not produce pattern names", () => {
    const found = find("Jan Buledi Expresses Optimism About An Alliance", "Security Forces Kill Ten Militants");
    assert.deepEqual(found.parties, []);
    assert.deepEqual(found.organizations, []);
  });

  test("generic references are not organizations", () => {
    const found = find("Police and security forces said the army and the government had sealed the area.");
    assert.deepEqual(found.organizations, []);
    assert.deepEqual(found.spans, []);
  });
});

describe("places", () => {
  test("an unknown place is recognised by a place word after it", () => {
    const found = find("Gunmen attacked a checkpost in Kili Shabo area and then fled to Garrang town.");
    assert.deepEqual(
      found.places.map((place) => [place.key, place.kind, place.known]),
      [
        ["Kili Shabo", "area", false],
        ["Garrang", "city", false],
      ],
    );
  });

  test("'the Red Zone' is an area", () => {
    const found = find("Employees were arrested while trying to enter the “Red Zone”.");
    assert.deepEqual(
      found.places.map((place) => [place.key, place.kind]),
      [["Red Zone", "area"]],
    );
  });

  test("ambiguous place names count only in place-like context", () => {
    assert.deepEqual(find("Hub of the matter, Tank said, is trust.").places, []);
    assert.deepEqual(keys(find("Rallies were held in Hub."), "places"), ["Hub"]);
    assert.deepEqual(keys(find("The Tank district police responded."), "places"), ["Tank"]);
    assert.deepEqual(keys(find("Talks covered Awaran, Lasbela, Hub, and other parts."), "places"), [
      "Awaran",
      "Lasbela",
      "Hub",
    ]);
  });

  test("demonyms are not places", () => {
    assert.deepEqual(find("Indian-backed groups and Pakistani officials met.").places, []);
  });

  test("the dateline is a place of the article, as written in its evidence", () => {
    const sentences = [{ text: "QUETTA: Talks ended on Monday.", line: 3 }];
    const found = findNamedEntities(sentences, metadata("Quetta", "QUETTA:"), knowledge);
    assert.equal(found.places.length, 1);
    assert.deepEqual(found.places[0]!.variants, ["QUETTA"]);
    assert.equal(found.places[0]!.evidence[0]!.line, 3);
    const unknown = findNamedEntities([], metadata("Garrang", "GARRANG:"), knowledge);
    assert.deepEqual(
      unknown.places.map((place) => [place.key, place.known, place.evidence[0]!.line]),
      [["Garrang", false, 0]],
    );
  });
});

// ───────────────────────── against the hand-annotated seeds ─────────────────────────

interface GoldEntity {
  name: string;
  variants: string[];
}

type Kind = "parties" | "organizations" | "places";

const gold = JSON.parse(readFileSync(path.join(root, "test/fixtures/gold-seeds.json"), "utf8")) as Record<
  string,
  Record<Kind, GoldEntity[]> & { dateline: string | null }
>;

async function seedSentences(file: string): Promise<{ sentences: Sentence[]; text: string }> {
  const read = await readSeedFile(path.join(root, "seeds"), file);
  assert.ok(read.source, `seed ${file} reads`);
  const { paragraphs } = cleanText(read.source, knowledge);
  return { sentences: splitSentences(paragraphs), text: read.source.text };
}

interface Score {
  predicted: number;
  correct: number;
  expected: number;
  found: number;
}

function scoreKind(found: NamedEntities[Kind], expected: GoldEntity[]): Score {
  const forms = (names: string[]) => names.map((name) => name.toLowerCase());
  const matches = (mention: { name: string; variants: string[] }, entity: GoldEntity) => {
    const goldForms = forms([entity.name, ...entity.variants]);
    return forms([mention.name, ...mention.variants]).some((form) => goldForms.includes(form));
  };
  return {
    predicted: found.length,
    correct: found.filter((mention) => expected.some((entity) => matches(mention, entity))).length,
    expected: expected.length,
    found: expected.filter((entity) => found.some((mention) => matches(mention, entity))).length,
  };
}

function f1({ predicted, correct, expected, found }: Score): { precision: number; recall: number; f1: number } {
  const precision = predicted ? correct / predicted : 1;
  const recall = expected ? found / expected : 1;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

describe("gold seeds", () => {
  test("parties, organizations and places reach the gold's F1", async () => {
    const totals: Record<Kind, Score> = {
      parties: { predicted: 0, correct: 0, expected: 0, found: 0 },
      organizations: { predicted: 0, correct: 0, expected: 0, found: 0 },
      places: { predicted: 0, correct: 0, expected: 0, found: 0 },
    };
    for (const [file, annotation] of Object.entries(gold)) {
      if (file.startsWith("_")) continue;
      const { sentences, text } = await seedSentences(file);
      const dateline = annotation.dateline;
      // The dateline as the seed writes it ("QUETTA"), standing in for the metadata stage's evidence.
      const at = dateline ? text.toLowerCase().indexOf(dateline.toLowerCase()) : -1;
      const evidence = dateline && at >= 0 ? text.slice(at, at + dateline.length) : dateline;
      const found = findNamedEntities(sentences, metadata(dateline, evidence), knowledge);
      for (const kind of ["parties", "organizations", "places"] as const) {
        const score = scoreKind(found[kind], annotation[kind]);
        const { precision, recall } = f1(score);
        console.log(`${file} ${kind}: precision ${precision.toFixed(2)} recall ${recall.toFixed(2)}`);
        for (const field of ["predicted", "correct", "expected", "found"] as const) totals[kind][field] += score[field];
      }
    }
    const result = Object.fromEntries(Object.entries(totals).map(([kind, score]) => [kind, f1(score)])) as Record<
      Kind,
      ReturnType<typeof f1>
    >;
    console.log("overall", JSON.stringify(result));
    assert.ok(result.parties.f1 >= 0.9, `parties F1 ${result.parties.f1}`);
    assert.ok(result.places.f1 >= 0.9, `places F1 ${result.places.f1}`);
    assert.ok(result.organizations.f1 >= 0.8, `organizations F1 ${result.organizations.f1}`);
  });
});

describe("knowledge data", () => {
  test("no abbreviation names two different parties or organizations", () => {
    const owners = new Map<string, Set<string>>();
    const note = (abbr: string | null, owner: string) => {
      if (!abbr) return;
      owners.set(abbr, new Set([...(owners.get(abbr) ?? []), owner]));
    };
    for (const party of knowledge.parties)
      for (const abbr of [party.abbr, ...party.abbrVariants]) note(abbr, party.name);
    for (const organization of knowledge.organizations) note(organization.abbr, organization.name);
    const clashes = [...owners].filter(([, names]) => names.size > 1).map(([abbr, names]) => `${abbr}: ${[...names]}`);
    assert.deepEqual(clashes, []);
  });
});
