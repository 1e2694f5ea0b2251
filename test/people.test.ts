import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { cleanText } from "../src/clean/index.ts";
import { extractEntities } from "../src/extract/entities/index.ts";
import type { EntitySpan, NamedEntities } from "../src/extract/entities/named.ts";
import { findPeople } from "../src/extract/entities/people.ts";
import { extractMetadata } from "../src/extract/metadata/index.ts";
import { type Sentence, splitSentences } from "../src/extract/sentences.ts";
import { loadKnowledge } from "../src/knowledge/index.ts";
import { readSeedFile } from "../src/read/index.ts";
import type { PersonMention } from "../src/types.ts";

const knowledge = loadKnowledge();

type SpanSpec = [text: string, kind: EntitySpan["kind"], key: string];

/** Sentences of one paragraph per line, with entity spans written by hand (every occurrence of each text). */
function article(lines: string[], spanSpecs: SpanSpec[] = []): { sentences: Sentence[]; named: NamedEntities } {
  const sentences = splitSentences(lines.map((text, index) => ({ line: index + 1, text, role: "paragraph" })));
  const spans: EntitySpan[] = [];
  sentences.forEach((sentence, index) => {
    for (const [text, kind, key] of spanSpecs) {
      for (let at = sentence.text.indexOf(text); at >= 0; at = sentence.text.indexOf(text, at + 1)) {
        spans.push({ sentence: index, start: at, end: at + text.length, kind, key, text });
      }
    }
  });
  return { sentences, named: { parties: [], organizations: [], places: [], spans } };
}

function people(lines: string[], spans: SpanSpec[] = []): PersonMention[] {
  const { sentences, named } = article(lines, spans);
  return findPeople(sentences, named, knowledge);
}

function person(found: PersonMention[], name: string): PersonMention {
  const match = found.find((candidate) => candidate.name === name);
  assert.ok(match, `expected ${name} among ${found.map((p) => p.name).join(", ")}`);
  return match;
}

describe("honorifics and name prefixes", () => {
  test("an honorific is split from the name and kept in the variants", () => {
    const found = people([
      "The bill was opposed by Barrister Farhan Ali Qureshi on Tuesday.",
      "Describing the vote as hasty, Barrister Farhan urged a review.",
    ]);
    assert.deepEqual(
      found.map((p) => p.name),
      ["Farhan Ali Qureshi"],
    );
    const [qureshi] = found;
    assert.equal(qureshi.honorific, "Barrister");
    for (const variant of ["Barrister Farhan Ali Qureshi", "Barrister Farhan", "Farhan"]) {
      assert.ok(qureshi.variants.includes(variant), `missing variant ${variant}`);
    }
  });

  test("abbreviated honorifics keep their full stop and chain", () => {
    const found = people(["The briefing was given by Dr. Sana Mirza and Lt. Gen. Tariq Jadoon."]);
    assert.equal(person(found, "Sana Mirza").honorific, "Dr.");
    assert.equal(person(found, "Tariq Jadoon").honorific, "Lt. Gen.");
  });

  test("prefixes such as Mir, Syed, Raja and Khawaja stay in the name", () => {
    const found = people([
      "Talks included Mir Faisal Jamali, Syed Kamran Shah, Raja Tariq Mehmood and Khawaja Nadeem.",
    ]);
    assert.deepEqual(
      found.map((p) => p.name),
      ["Mir Faisal Jamali", "Syed Kamran Shah", "Raja Tariq Mehmood", "Khawaja Nadeem"],
    );
    assert.ok(found.every((p) => p.honorific === null));
  });
});

describe("roles", () => {
  test("role words before the name are the role, not the name", () => {
    const found = people([
      "Defence Minister Khawaja Nadeem Aslam urged calm.",
      "The motion was moved by Principal Secretary to the Governor Adeel Rana and Special Secretary Finance Omar Baig.",
      "Special Assistant to Prime Minister Rana Hamid spoke next.",
    ]);
    assert.deepEqual(person(found, "Khawaja Nadeem Aslam").roles, ["Defence Minister"]);
    assert.deepEqual(person(found, "Adeel Rana").roles, ["Principal Secretary to the Governor"]);
    assert.deepEqual(person(found, "Omar Baig").roles, ["Special Secretary Finance"]);
    assert.deepEqual(person(found, "Rana Hamid").roles, ["Special Assistant to Prime Minister"]);
  });

  test("a role set off by a comma before or after the name", () => {
    const found = people([
      "Former Chief Minister of Sindh, Qaim Ali Jatoi, confirmed the talks.",
      "The delegation included Mir Faisal Jamali, provincial minister for health and sports; Sadia Noor, provincial education minister; and Provincial Minister Zahid Lango.",
      "Later, Jatoi, the opposition leader, left.",
    ]);
    assert.deepEqual(person(found, "Qaim Ali Jatoi").roles, ["Former Chief Minister of Sindh", "opposition leader"]);
    assert.deepEqual(person(found, "Mir Faisal Jamali").roles, ["provincial minister for health and sports"]);
    assert.deepEqual(person(found, "Sadia Noor").roles, ["provincial education minister"]);
    assert.deepEqual(person(found, "Zahid Lango").roles, ["Provincial Minister"]);
  });

  test("an appositive naming two roles gives both, and a list item is not read as a role", () => {
    const found = people([
      "He met Dr. Karim Lashari, Chief of the council and former governor of the province, on Monday.",
      "Guests included Sara Khattak, Principal Secretary Hamid Lodhi, and others.",
    ]);
    assert.deepEqual(person(found, "Karim Lashari").roles, ["Chief of the council", "former governor of the province"]);
    assert.deepEqual(person(found, "Sara Khattak").roles, []);
    assert.deepEqual(person(found, "Hamid Lodhi").roles, ["Principal Secretary"]);
  });
});

describe("party ties", () => {
  const spans: SpanSpec[] = [
    ["Awami Workers Party", "party", "Awami Workers Party"],
    ["AWP", "party", "Awami Workers Party"],
    ["Green Union", "party", "Green Union"],
    ["Justice Front (JF)", "party", "Justice Front"],
    ["JF", "party", "Justice Front"],
    ["Sindh", "place", "Sindh"],
  ];

  test("each shape of party tie is read", () => {
    const found = people(
      [
        "Awami Workers Party leader Nadia Baig and AWP Provincial President Kamran Lodhi attended.",
        "AWP’s Salim Rind and Green Union’s Mir Ayaz Bugti spoke, as did Tahir Shah of the Green Union.",
        "Justice Front (JF) Chairman Barrister Noman Ali Khan and former speaker Asad Jatoi of the JF also spoke.",
      ],
      spans,
    );
    assert.deepEqual(person(found, "Nadia Baig").roles, ["Awami Workers Party leader"]);
    assert.deepEqual(person(found, "Nadia Baig").parties, ["Awami Workers Party"]);
    assert.deepEqual(person(found, "Kamran Lodhi").roles, ["AWP Provincial President"]);
    assert.deepEqual(person(found, "Kamran Lodhi").parties, ["Awami Workers Party"]);
    assert.deepEqual(person(found, "Salim Rind").parties, ["Awami Workers Party"]);
    assert.deepEqual(person(found, "Salim Rind").roles, ["AWP leader"]);
    assert.deepEqual(person(found, "Mir Ayaz Bugti").parties, ["Green Union"]);
    assert.deepEqual(person(found, "Tahir Shah").parties, ["Green Union"]);
    assert.deepEqual(person(found, "Noman Ali Khan").roles, ["Justice Front (JF) Chairman"]);
    assert.deepEqual(person(found, "Noman Ali Khan").parties, ["Justice Front"]);
    assert.deepEqual(person(found, "Asad Jatoi").roles, ["former speaker"]);
    assert.deepEqual(person(found, "Asad Jatoi").parties, ["Justice Front"]);
  });

  test("a party inside an appositive role ties the person to it", () => {
    const found = people(
      ["He met Dr. Karim Lashari, Chief of JF and former Chief Minister of Sindh, in Karachi."],
      spans,
    );
    assert.deepEqual(person(found, "Karim Lashari").parties, ["Justice Front"]);
    assert.deepEqual(person(found, "Karim Lashari").roles, ["Chief of JF", "former Chief Minister of Sindh"]);
  });

  test("a place before a role is not a party", () => {
    const found = people(["Sindh Chief Minister Qaim Ali Jatoi spoke."], spans);
    assert.deepEqual(person(found, "Qaim Ali Jatoi").roles, ["Sindh Chief Minister"]);
    assert.deepEqual(person(found, "Qaim Ali Jatoi").parties, []);
  });
});

describe("coreference within the article", () => {
  test("later surname-only and given-name mentions join the person introduced earlier", () => {
    const found = people([
      "Interior Minister Tariq Jadoon visited the site.",
      "Jadoon said the attackers were known. Opposition Leader Saima Ali Lodhi disagreed.",
      "Saima said the government had failed.",
    ]);
    assert.deepEqual(
      found.map((p) => p.name),
      ["Tariq Jadoon", "Saima Ali Lodhi"],
    );
    assert.deepEqual(person(found, "Tariq Jadoon").variants, ["Jadoon"]);
    assert.deepEqual(person(found, "Saima Ali Lodhi").variants, ["Saima"]);
  });

  test("a short form before its long form takes the long form as the name", () => {
    const found = people(["Zahid Lango spoke first.", "Later Mir Zahid Lango Baloch left."]);
    assert.deepEqual(
      found.map((p) => [p.name, p.variants]),
      [["Mir Zahid Lango Baloch", ["Zahid Lango"]]],
    );
  });

  test("a surname shared by two people stays unresolved", () => {
    const found = people([
      "Kamran Ali Mengal and Naveed Ali Mengal attended the meeting.",
      "Mengal said the talks would continue.",
    ]);
    assert.deepEqual(
      found.map((p) => p.name),
      ["Kamran Ali Mengal", "Naveed Ali Mengal"],
    );
    assert.ok(found.every((p) => p.variants.length === 0));
  });

  test("context can decide a shared surname", () => {
    const found = people(
      [
        "AWP leader Kamran Ali Mengal and Naveed Ali Mengal attended the meeting.",
        "Later, Mengal, the AWP leader, spoke.",
      ],
      [["AWP", "party", "Awami Workers Party"]],
    );
    assert.deepEqual(person(found, "Kamran Ali Mengal").variants, ["Mengal"]);
    assert.deepEqual(person(found, "Naveed Ali Mengal").variants, []);
  });

  test("two people sharing a given name are different people", () => {
    const found = people(["Participants included Mir Farooq Buzdar and Farooq Shah.", "Farooq Shah spoke last."]);
    assert.deepEqual(
      found.map((p) => p.name),
      ["Mir Farooq Buzdar", "Farooq Shah"],
    );
  });

  test("a single capitalised word with no full name before it is not a person", () => {
    assert.deepEqual(people(["Jadoon said the talks failed.", "Interior Minister Tariq Jadoon left."]).length, 1);
    assert.deepEqual(people(["Jadoon said the talks failed."]), []);
  });
});

describe("not people", () => {
  test("organisations, places, titles alone, sentence openers and quoted names", () => {
    const found = people(
      [
        "Meanwhile, Officials said the Army Public School and the Red Zone were sealed.",
        "State broadcaster Pakistan Television said the Counter Terrorism Department was on alert.",
        "The Chief Minister and the PTI founder met the Hazara Democratic Party.",
        "He cited the 'Sabz Watan Mission' and praised the Frontier Corps.",
        "Security Forces cordoned off Quetta on Feb 12.",
      ],
      [
        ["Pakistan Television", "organization", "Pakistan Television"],
        ["Hazara Democratic Party", "party", "Hazara Democratic Party"],
        ["PTI", "party", "Pakistan Tehreek-e-Insaf"],
        ["Quetta", "place", "Quetta"],
      ],
    );
    assert.deepEqual(found, []);
  });

  test("words qualifying a role are not a name", () => {
    const found = people(["Los Angeles Mayor Karen Bass met Tesla Chief Executive Elon Musk."]);
    assert.deepEqual(
      found.map((p) => p.name),
      ["Karen Bass", "Elon Musk"],
    );
  });
});

describe("Title-Case heading lines", () => {
  test("only names known from prose or led by an honorific are taken from a heading", () => {
    const found = people([
      "Dr. Karim Lashari And Nadir Rind Met",
      "The Central Secretary General of the party, Nadir Khan Rind, expressed optimism.",
      "Nadir Rind Expresses Optimism About Talks",
    ]);
    assert.deepEqual(
      found.map((p) => p.name),
      ["Karim Lashari", "Nadir Khan Rind"],
    );
    assert.deepEqual(person(found, "Nadir Khan Rind").roles, ["Central Secretary General of the party"]);
    assert.deepEqual(person(found, "Nadir Khan Rind").variants, ["Nadir Rind"]);
  });
});

describe("output", () => {
  test("people come in order of first appearance with evidence lines", () => {
    const found = people(["Saima Lodhi arrived.", "Tariq Jadoon and Saima Lodhi spoke."]);
    assert.deepEqual(
      found.map((p) => p.name),
      ["Saima Lodhi", "Tariq Jadoon"],
    );
    assert.deepEqual(
      person(found, "Saima Lodhi").evidence.map((e) => e.line),
      [1, 2],
    );
    assert.deepEqual(people(["Saima Lodhi arrived.", "Tariq Jadoon and Saima Lodhi spoke."]), found);
  });
});

// ─────────────── gold: the five seeds, hand-annotated ───────────────

interface GoldPerson {
  name: string;
  variants: string[];
}

const normalise = (text: string) => text.normalize("NFKC").replace(/’/g, "'").replace(/\s+/g, " ").trim().toLowerCase();

function scorePeople(predicted: PersonMention[], gold: GoldPerson[]): { tp: number; fp: number; fn: number } {
  const used = new Set<number>();
  let tp = 0;
  for (const expected of gold) {
    const goldForms = new Set([expected.name, ...expected.variants].map(normalise));
    const index = predicted.findIndex(
      (candidate, at) =>
        !used.has(at) && [candidate.name, ...candidate.variants].some((form) => goldForms.has(normalise(form))),
    );
    if (index >= 0) {
      used.add(index);
      tp++;
    }
  }
  return { tp, fp: predicted.length - tp, fn: gold.length - tp };
}

test("people of the five seeds: F1 ≥ 0.90 against the hand annotations", async () => {
  const gold = JSON.parse(readFileSync(new URL("./fixtures/gold-seeds.json", import.meta.url), "utf8")) as Record<
    string,
    { people: GoldPerson[] }
  >;
  const seeds = new URL("../seeds", import.meta.url).pathname;
  const total = { tp: 0, fp: 0, fn: 0 };
  for (const file of Object.keys(gold).filter((key) => !key.startsWith("_"))) {
    const read = await readSeedFile(seeds, file);
    assert.ok(read.source, `seed ${file} was rejected`);
    const cleaned = cleanText(read.source, knowledge);
    const metadata = extractMetadata(read.source, cleaned, knowledge);
    const { people: predicted } = extractEntities(cleaned, metadata, knowledge);
    const score = scorePeople(predicted, gold[file].people);
    total.tp += score.tp;
    total.fp += score.fp;
    total.fn += score.fn;
  }
  const precision = total.tp / (total.tp + total.fp);
  const recall = total.tp / (total.tp + total.fn);
  const f1 = (2 * precision * recall) / (precision + recall);
  assert.ok(f1 >= 0.9, `people F1 ${f1.toFixed(3)} (P ${precision.toFixed(3)}, R ${recall.toFixed(3)})`);
});
