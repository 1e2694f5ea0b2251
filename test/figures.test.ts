import assert from "node:assert/strict";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";
import { cleanText } from "../src/clean/index.ts";
import { extractFigures } from "../src/extract/figures/index.ts";
import { findNumbers } from "../src/extract/figures/numbers.ts";
import { DEFAULT_KNOWLEDGE_DIR, type Knowledge, loadKnowledge } from "../src/knowledge/index.ts";
import { readSeedFile } from "../src/read/index.ts";
import type { CleanedText, Figure, PlaceMention } from "../src/types.ts";

// Only the figure vocabulary, so these tests do not depend on the other knowledge files.
const figureKnowledgeDir = mkdtempSync(path.join(tmpdir(), "figures-knowledge-"));
after(() => rmSync(figureKnowledgeDir, { recursive: true, force: true }));
copyFileSync(path.join(DEFAULT_KNOWLEDGE_DIR, "figures.yaml"), path.join(figureKnowledgeDir, "figures.yaml"));
const knowledge = loadKnowledge([figureKnowledgeDir]);

function cleaned(...paragraphs: string[]): CleanedText {
  const lines = paragraphs.map((text, index) => ({ line: index + 1, text, role: "paragraph" as const }));
  return { lines, paragraphs: lines, discarded: [] };
}

/** [value, qualifier, what, category, outcome] of each figure of the paragraphs. */
function figures(...paragraphs: string[]) {
  return extractFigures(cleaned(...paragraphs), knowledge).map((f) => [
    f.value,
    f.qualifier,
    f.what,
    f.category,
    f.outcome,
  ]);
}

describe("numbers", () => {
  test("digits, words, scales and dozens", () => {
    const values = (text: string) => findNumbers(text).map((n) => n.value);
    assert.deepEqual(values("1,200 and 1.5 million and 45"), [1200, 1_500_000, 45]);
    assert.deepEqual(values("Thirty, eleven, twenty-five, two hundred and fifty"), [30, 11, 25, 250]);
    assert.deepEqual(values("a dozen, half a dozen, two dozen, dozens, hundreds"), [12, 6, 24]);
    assert.deepEqual(values("five three"), [5, 3]);
  });
});

describe("figures: counts and nouns", () => {
  test("a count in digits or words with its noun and category", () => {
    assert.deepEqual(figures("Thirty gunmen were killed in fierce clashes."), [
      [30, null, "gunmen", "militants", "killed"],
    ]);
    assert.deepEqual(figures("Police arrested 1,200 protesters."), [
      [1200, null, "protesters", "civilians", "arrested"],
    ]);
    assert.deepEqual(figures("A dozen passengers were taken hostage."), [
      [12, null, "passengers", "civilians", "abducted"],
    ]);
  });

  test("modifiers between the number and the noun, and multi-word nouns", () => {
    assert.deepEqual(figures("Gunmen shot dead 11 unarmed Pakistani labourers."), [
      [11, null, "labourers", "civilians", "killed"],
    ]);
    assert.deepEqual(figures("Five armed men were arrested."), [[5, null, "armed men", "militants", "arrested"]]);
    assert.deepEqual(figures("One soldier was martyred."), [[1, null, "soldier", "security personnel", "killed"]]);
  });

  test("a capitalised group name is the noun only when no listed noun follows it", () => {
    assert.deepEqual(figures("Police said 12 Afghans were arrested."), [[12, null, "Afghans", "people", "arrested"]]);
    assert.deepEqual(figures("Militants killed 10 Frontier Corps soldiers."), [
      [10, null, "soldiers", "security personnel", "killed"],
    ]);
  });

  test("quoted nouns keep their quotation marks", () => {
    assert.deepEqual(figures("Officials said 67 “terrorists” were shot dead."), [
      [67, null, "“terrorists”", "militants", "killed"],
    ]);
  });
});

describe("figures: qualifiers", () => {
  for (const [phrase, canonical] of [
    ["at least", "at least"],
    ["more than", "over"],
    ["over", "over"],
    ["nearly", "nearly"],
    ["almost", "nearly"],
    ["around", "about"],
    ["some", "about"],
    ["up to", "up to"],
  ]) {
    test(`"${phrase}" is "${canonical}"`, () => {
      assert.deepEqual(figures(`${phrase} 40 soldiers were wounded.`), [
        [40, canonical, "soldiers", "security personnel", "injured"],
      ]);
    });
  }

  test("more than a dozen attacked locations", () => {
    assert.deepEqual(figures("Militants launched simultaneous attacks at more than a dozen locations."), [
      [12, "over", "locations", "other", "attacked-locations"],
    ]);
  });
});

describe("figures: outcomes in either order", () => {
  const cases: [string, string][] = [
    ["killing 9 civilians", "killed"],
    ["leaving 9 people dead", "killed"],
    ["9 civilians lost their lives", "killed"],
    ["9 civilians were injured", "injured"],
    ["police detained 9 students", "detained"],
    ["9 protesters were detained", "detained"],
    ["9 passengers were stranded", "stranded"],
    ["9 villagers were displaced", "displaced"],
    ["9 families were left homeless", "homeless"],
    ["9 patients are in critical condition", "injured"],
    ["9 inmates fled custody", "escaped"],
    ["the rebels freed 9 hostages", "released"],
    ["9 engineers were kidnapped", "abducted"],
    ["9 fishermen are missing", "missing"],
  ];
  for (const [text, outcome] of cases) {
    test(`"${text}" → ${outcome}`, () => {
      const [figure] = figures(`Officials said ${text} on Monday.`);
      assert.equal(figure?.[0], 9);
      assert.equal(figure?.[4], outcome);
    });
  }

  test("a count with no outcome is not a figure", () => {
    assert.deepEqual(figures("The delegation of 12 students met the governor."), []);
    assert.deepEqual(figures("As many as 5,000 troops were deployed."), []);
  });

  test("running totals take the value after the tally verb", () => {
    assert.deepEqual(figures("The death toll rose to 34 on Sunday."), [[34, null, "people", "people", "killed"]]);
    assert.deepEqual(figures("The total number of gunmen killed in the province has reached 108."), [
      [108, null, "gunmen", "militants", "killed"],
    ]);
  });
});

describe("figures: coordination, breakdowns, elided nouns", () => {
  test("coordinated counts share the verb and the qualifier", () => {
    assert.deepEqual(figures("At least 17 law enforcement personnel and 31 civilians lost their lives."), [
      [17, "at least", "law enforcement personnel", "security personnel", "killed"],
      [31, "at least", "civilians", "civilians", "killed"],
    ]);
  });

  test("an including list breaks its head down, each with the head's outcome", () => {
    assert.deepEqual(
      figures("Gunmen attacked labourers, killing 11 civilians, including five men, three women, and three children."),
      [
        [11, null, "civilians", "civilians", "killed"],
        [5, null, "men", "civilians", "killed"],
        [3, null, "women", "civilians", "killed"],
        [3, null, "children", "civilians", "killed"],
      ],
    );
  });

  test("a breakdown names the count it is part of, so a ledger does not add it up twice", () => {
    const found = extractFigures(
      cleaned("Gunmen attacked labourers, killing 11 civilians, including five men, three women, and three children."),
      knowledge,
    );
    assert.deepEqual(
      found.map((f) => f.partOf ?? null),
      [null, { value: 11, what: "civilians" }, { value: 11, what: "civilians" }, { value: 11, what: "civilians" }],
    );
  });

  test("an elided noun is taken from the figure before it, in the same or the previous sentence", () => {
    assert.deepEqual(figures("Thirty gunmen were killed in Harnai, while 11 were killed in Panjgur."), [
      [30, null, "gunmen", "militants", "killed"],
      [11, null, "gunmen", "militants", "killed"],
    ]);
    assert.deepEqual(figures("Four soldiers were wounded. Two more died in hospital."), [
      [4, null, "soldiers", "security personnel", "injured"],
      [2, null, "soldiers", "security personnel", "killed"],
    ]);
  });

  test("'of them' breaks the count before it down; 'of his' leads to the noun", () => {
    assert.deepEqual(figures("The strike killed at least 23 people, 10 of them children."), [
      [23, "at least", "people", "people", "killed"],
      [10, null, "children", "civilians", "killed"],
    ]);
    assert.deepEqual(figures("He said five of his guards were hurt."), [
      [5, null, "guards", "security personnel", "injured"],
    ]);
  });

  test("an elided count of more than one takes the plural of a singular noun", () => {
    assert.deepEqual(figures("The landslide left one porter dead and two hurt."), [
      [1, null, "porter", "civilians", "killed"],
      [2, null, "porters", "civilians", "injured"],
    ]);
  });

  test("a breakdown lends its noun to no later elided count", () => {
    assert.deepEqual(figures("The blast killed 12, including four women, and wounded 30."), [
      [12, null, "people", "people", "killed"],
      [4, null, "women", "civilians", "killed"],
      [30, null, "people", "people", "injured"],
    ]);
    assert.deepEqual(figures("Raiders killed nine villagers, including two women.", "Three more died in hospital."), [
      [9, null, "villagers", "civilians", "killed"],
      [2, null, "women", "civilians", "killed"],
      [3, null, "villagers", "civilians", "killed"],
    ]);
    assert.deepEqual(figures("Three officers were among the dead."), [
      [3, null, "officers", "security personnel", "killed"],
    ]);
  });

  test("a count without an outcome still names what a later elided count counts", () => {
    assert.deepEqual(figures("Of the 50 attackers, 45 were killed and 5 arrested."), [
      [45, null, "attackers", "militants", "killed"],
      [5, null, "attackers", "militants", "arrested"],
    ]);
  });

  test("an elided count with nothing before it counts people; a paragraph without figures breaks the link", () => {
    assert.deepEqual(figures("The blast killed five and wounded 12."), [
      [5, null, "people", "people", "killed"],
      [12, null, "people", "people", "injured"],
    ]);
    assert.deepEqual(figures("Four soldiers were wounded.", "The army gave no details.", "Two died later."), [
      [4, null, "soldiers", "security personnel", "injured"],
      [2, null, "people", "people", "killed"],
    ]);
  });

  test("a death toll counts people, not the count before it", () => {
    assert.deepEqual(figures("Twelve soldiers were killed. The death toll rose to 34."), [
      [12, null, "soldiers", "security personnel", "killed"],
      [34, null, "people", "people", "killed"],
    ]);
  });
});

describe("figures: counts of one and counts in words", () => {
  test("a count of one written with an article, and ages are not counts", () => {
    assert.deepEqual(figures("A 30-year-old farmer was killed, and a man aged 40 was injured."), [
      [1, null, "farmer", "civilians", "killed"],
      [1, null, "man", "civilians", "injured"],
    ]);
  });

  test("'one … and another' counts one each, with the noun of the first", () => {
    assert.deepEqual(figures("The clash left one guard dead and another injured."), [
      [1, null, "guard", "security personnel", "killed"],
      [1, null, "guard", "security personnel", "injured"],
    ]);
    assert.deepEqual(figures("One worker was killed and another was wounded."), [
      [1, null, "worker", "civilians", "killed"],
      [1, null, "worker", "civilians", "injured"],
    ]);
  });

  test("'a' before a plural, 'another' before a number, and 'the one who' are not counts of one", () => {
    assert.deepEqual(figures("Another 14 pilgrims were injured."), [[14, null, "pilgrims", "civilians", "injured"]]);
    assert.deepEqual(figures("It was the one who escaped that was never found."), []);
    assert.deepEqual(figures("A few soldiers were hurt."), []);
    assert.deepEqual(figures("Six members of a family drowned."), [
      [6, null, "members of a family", "civilians", "killed"],
    ]);
  });

  test("an age stands for a person; 'both' counts two", () => {
    assert.deepEqual(figures("A 17-year-old was stabbed on Monday."), [[1, null, "17-year-old", "people", "injured"]]);
    assert.deepEqual(figures("Both porters were wounded."), [[2, null, "porters", "civilians", "injured"]]);
    assert.deepEqual(figures("Both sides suffered losses."), []);
  });

  test("'that one' before a noun is a count", () => {
    assert.deepEqual(figures("Officials confirmed that one driver was killed."), [
      [1, null, "driver", "civilians", "killed"],
    ]);
  });

  test("a compound's last noun is its head", () => {
    assert.deepEqual(figures("Three women teachers were among those injured."), [
      [3, null, "women teachers", "civilians", "injured"],
    ]);
  });

  test("an outcome written as the noun's adjective", () => {
    assert.deepEqual(figures("The clinic received 23 wounded villagers."), [
      [23, null, "villagers", "civilians", "injured"],
    ]);
    assert.deepEqual(figures("Rescuers searched for six missing fishermen."), [
      [6, null, "fishermen", "civilians", "missing"],
    ]);
  });

  test("the subject of an active verb with an object is not its victim", () => {
    assert.deepEqual(figures("A guard shot two robbers."), [[2, null, "robbers", "people", "injured"]]);
    assert.deepEqual(figures("Two gunmen killed a shopkeeper."), [[1, null, "shopkeeper", "civilians", "killed"]]);
    assert.deepEqual(figures("Two soldiers died the next day."), [
      [2, null, "soldiers", "security personnel", "killed"],
    ]);
    assert.deepEqual(figures("A trader released a statement on Monday."), []);
  });

  test("shots are fired, not people; a plural count does not take a singular verb", () => {
    assert.deepEqual(figures("The guard fired one shot into the air."), []);
    assert.deepEqual(figures("The trader standing between two porters was wounded in the leg."), []);
  });
});

describe("figures: shootings, fatally, conditions", () => {
  test("those shot and not killed are injured; shot dead, to death or fatally are killed", () => {
    assert.deepEqual(figures("Two farmers were shot near the canal."), [[2, null, "farmers", "civilians", "injured"]]);
    assert.deepEqual(figures("Two farmers were shot to death."), [[2, null, "farmers", "civilians", "killed"]]);
    assert.deepEqual(figures("Two farmers were fatally shot."), [[2, null, "farmers", "civilians", "killed"]]);
    assert.deepEqual(figures("Gunmen fatally shot two farmers."), [[2, null, "farmers", "civilians", "killed"]]);
  });

  test("'X were shot, N fatally' is N killed and X − N injured", () => {
    assert.deepEqual(figures("Five traders were shot on Friday, two fatally."), [
      [3, null, "traders", "civilians", "injured"],
      [2, null, "traders", "civilians", "killed"],
    ]);
    assert.deepEqual(figures("Six porters were shot and one of them died."), [
      [5, null, "porters", "civilians", "injured"],
      [1, null, "porters", "civilians", "killed"],
    ]);
  });

  test("when all of those shot died, none is injured", () => {
    assert.deepEqual(figures("Two guards were shot; both died in hospital."), [
      [2, null, "guards", "security personnel", "killed"],
    ]);
  });

  test("the wounded who later died stay counted among the wounded", () => {
    assert.deepEqual(figures("The hospital took in 30 wounded patients, six of whom later died."), [
      [30, null, "patients", "civilians", "injured"],
      [6, null, "patients", "civilians", "killed"],
    ]);
  });

  test("a result after the noun is its own ('shot two guards dead and two others')", () => {
    assert.deepEqual(figures("The attacker shot two guards dead and two others in the yard."), [
      [2, null, "guards", "security personnel", "killed"],
      [2, null, "others", "people", "injured"],
    ]);
  });

  test("people in hospital or in a stated condition are injured", () => {
    assert.deepEqual(figures("A porter is in critical condition after the crash."), [
      [1, null, "porter", "civilians", "injured"],
    ]);
    assert.deepEqual(figures("The fire left four children hospitalised."), [
      [4, null, "children", "civilians", "injured"],
    ]);
    assert.deepEqual(figures("Police found two men with gunshot wounds."), [[2, null, "men", "civilians", "injured"]]);
  });

  test("hospital, condition and wound phrases with words between ('rushed to a nearby hospital')", () => {
    assert.deepEqual(figures("Two porters were rushed to a nearby hospital."), [
      [2, null, "porters", "civilians", "injured"],
    ]);
    assert.deepEqual(figures("One guard is in critical but stable condition."), [
      [1, null, "guard", "security personnel", "injured"],
    ]);
    assert.deepEqual(figures("Three traders were treated for minor burn injuries."), [
      [3, null, "traders", "civilians", "injured"],
    ]);
    assert.deepEqual(figures("A driver was released from the district hospital."), [
      [1, null, "driver", "civilians", "injured"],
    ]);
  });

  test("an apposition, an age or a possessive before the outcome", () => {
    assert.deepEqual(figures("The victim, a 40-year-old farmer, was pronounced dead."), [
      [1, null, "farmer", "civilians", "killed"],
    ]);
    assert.deepEqual(figures("Two guards in their 40s were wounded."), [
      [2, null, "guards", "security personnel", "injured"],
    ]);
    assert.deepEqual(figures("A shopkeeper was killed and his son was wounded."), [
      [1, null, "shopkeeper", "civilians", "killed"],
      [1, null, "son", "civilians", "injured"],
    ]);
    assert.deepEqual(figures("His son said nobody was hurt."), []);
  });

  test("a partitive counts from a whole that is no count of its own; a parent's children are no count", () => {
    assert.deepEqual(figures("Two of the three porters died."), [[2, null, "porters", "civilians", "killed"]]);
    assert.deepEqual(figures("A mother of three was killed in the explosion."), [
      [1, null, "mother", "civilians", "killed"],
    ]);
  });

  test("a body found is a death", () => {
    assert.deepEqual(figures("Rescuers recovered the bodies of two herders who had been shot."), [
      [2, null, "herders", "civilians", "killed"],
    ]);
  });

  test("a place between the noun and its outcome", () => {
    assert.deepEqual(figures("Two people in Green Valley are dead."), [[2, null, "people", "people", "killed"]]);
  });
});

describe("figures: detained, abducted, missing, stranded, displaced, homeless", () => {
  test("detained is kept apart from arrested", () => {
    assert.deepEqual(figures("Police detained 15 protesters and arrested three students."), [
      [15, null, "protesters", "civilians", "detained"],
      [3, null, "students", "civilians", "arrested"],
    ]);
  });

  for (const [text, expected] of [
    ["Seven fishermen were abducted at sea.", [7, null, "fishermen", "civilians", "abducted"]],
    ["Militants took 15 people hostage.", [15, null, "people", "people", "abducted"]],
    ["Fifteen people were killed or injured.", [15, null, "people", "people", "killed or injured"]],
    ["The floods claimed 30 lives.", [30, null, "lives", "people", "killed"]],
    ["Nine miners are feared trapped.", [9, null, "miners", "civilians", "trapped"]],
    ["Two of the wounded died later.", [2, null, "people", "people", "killed"]],
    ["Four children drowned in the canal.", [4, null, "children", "civilians", "killed"]],
    ["Two fishermen remain missing.", [2, null, "fishermen", "civilians", "missing"]],
    ["Nearly 300 passengers were stranded at the border.", [300, "nearly", "passengers", "civilians", "stranded"]],
    ["The floods displaced about 4,000 villagers.", [4000, "about", "villagers", "civilians", "displaced"]],
    ["Some 120 families were left homeless.", [120, "about", "families", "civilians", "homeless"]],
  ] as const) {
    test(text, () => assert.deepEqual(figures(text), [expected]));
  }
});

describe("figures: headlines", () => {
  const withHeadline = (headline: string, ...paragraphs: string[]): CleanedText => {
    const body = paragraphs.map((text, index) => ({ line: index + 3, text, role: "paragraph" as const }));
    return { lines: [{ line: 1, text: headline, role: "header" }, ...body], paragraphs: body, discarded: [] };
  };
  const read = (text: CleanedText) => extractFigures(text, knowledge).map((f) => [f.value, f.what, f.outcome, f.line]);

  test("a headline's count is read when the body does not state it", () => {
    assert.deepEqual(read(withHeadline("Two killed in border clash", "The clash began at noon.")), [
      [2, "people", "killed", 1],
    ]);
  });

  test("a count the body states with the same outcome is the body's", () => {
    assert.deepEqual(
      read(withHeadline("Four hurt as bus overturns", "Four passengers were injured when the bus overturned.")),
      [[4, "passengers", "injured", 3]],
    );
  });
});

describe("figures: periods", () => {
  const periodOf = (...paragraphs: string[]) => extractFigures(cleaned(...paragraphs), knowledge).map((f) => f.period);

  test("spans in the sentence, shared by coordinated figures", () => {
    assert.deepEqual(
      periodOf(
        "Forces killed over 177 terrorists over the past few days, while 17 soldiers and 33 civilians were martyred.",
      ),
      ["past few days", "past few days", "past few days"],
    );
    assert.deepEqual(periodOf("Police arrested 45 suspects in the last 24 hours."), ["last 24 hours"]);
    assert.deepEqual(periodOf("Since January, 300 civilians have died."), ["since January"]);
    assert.deepEqual(periodOf("At least 12 people were killed this year."), ["this year"]);
    assert.deepEqual(periodOf("At least 12 people were killed in a bombing."), [null]);
  });

  test("a following sentence describing the operation lends its span", () => {
    assert.deepEqual(
      periodOf(
        "Troops have killed at least 145 militants. The operations, carried out over nearly 40 hours, ended today.",
      ),
      ["over nearly 40 hours"],
    );
  });
});

describe("figures: places", () => {
  const place = (name: string, variants: string[] = []): PlaceMention => ({
    key: name,
    name,
    kind: "district",
    variants,
    known: false,
    evidence: [],
  });
  const placesOf = (text: string, places: PlaceMention[]) =>
    extractFigures(cleaned(text), knowledge, places).map((f) => [f.value, f.place]);

  test("the article's place after a preposition, nearest in the figure's own clause", () => {
    const places = [place("Harnai"), place("Panjgur")];
    assert.deepEqual(placesOf("Thirty gunmen were killed in Harnai, while 11 were killed in Panjgur.", places), [
      [30, "Harnai"],
      [11, "Panjgur"],
    ]);
    assert.deepEqual(
      placesOf("In Harnai, four soldiers were killed, and in Panjgur, two civilians were hurt.", places),
      [
        [4, "Harnai"],
        [2, "Panjgur"],
      ],
    );
  });

  test("coordinated counts share the place after them; a kind word is kept, a possessive narrows", () => {
    assert.deepEqual(placesOf("Five soldiers and two civilians died in Kech district.", [place("Kech")]), [
      [5, "Kech district"],
      [2, "Kech district"],
    ]);
    assert.deepEqual(
      placesOf("Three guards were injured in Norland's Kech district.", [place("Norland"), place("Kech")]),
      [[3, "Kech district"]],
    );
  });

  test("a place the article did not extract, or without a preposition, is no place", () => {
    assert.deepEqual(placesOf("Two porters were killed in Harnai.", [place("Kech")]), [[2, null]]);
    assert.deepEqual(placesOf("Harnai officials said two porters were killed.", [place("Harnai")]), [[2, null]]);
    assert.deepEqual(placesOf("Two porters were killed in Harnai on Monday.", [place("Harnai")]), [[2, "Harnai"]]);
  });

  test("without the article's places, the knowledge file's", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "figures-places-"));
    try {
      copyFileSync(path.join(DEFAULT_KNOWLEDGE_DIR, "figures.yaml"), path.join(dir, "figures.yaml"));
      writeFileSync(path.join(dir, "places.yaml"), "- {name: Kech, kind: district, variants: [Kej]}\n");
      const withPlaces = loadKnowledge([dir]);
      const found = extractFigures(cleaned("Four labourers were abducted near Kej."), withPlaces);
      assert.deepEqual(
        found.map((f) => [f.value, f.outcome, f.place]),
        [[4, "abducted", "Kej"]],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("figures: what is not a figure", () => {
  for (const text of [
    "Dozens of people were killed and several hundred were wounded.",
    "Scores of civilians and hundreds of soldiers were injured.",
    "Nearly two hours of gunfire followed, and the siege lasted 40 hours.",
    "During the 2013 elections, the party won seats.",
    "The meeting on Feb 12 ended, and 8 February was set.",
    "The government paid Rs5 million and $10,000 to the families of those killed.",
    "It was one of the deadliest attacks, and no one was arrested.",
    "Officials said no-one had been injured.",
    "None of the 12 passengers were hurt.",
    "The second phase began, and 40 percent of the people were displaced.",
    "Militants killed dozens of civilians and destroyed 12 vehicles.",
  ]) {
    test(text, () => assert.deepEqual(figures(text), []));
  }
});

// ───────────────────────────── gold ─────────────────────────────

interface GoldFigure {
  value: number;
  qualifier: string | null;
  category: string;
  outcome: string;
  period: string | null;
}

const gold: Record<string, { figures?: GoldFigure[] }> = JSON.parse(
  readFileSync("test/fixtures/gold-seeds.json", "utf8"),
);

/** The seed's body, from the clean stage. */
async function bodyOf(file: string): Promise<CleanedText> {
  const read = await readSeedFile("seeds", file);
  if (!read.source) throw new Error(`seed ${file} was rejected: ${read.rejected.reason}`);
  return cleanText(read.source, loadKnowledge());
}

const sameClaim = (predicted: Figure, expected: GoldFigure) =>
  predicted.value === expected.value &&
  predicted.outcome === expected.outcome &&
  predicted.category === expected.category.replace(" (unspecified)", "");

test("seed gold: figures F1 ≥ 0.90", async () => {
  let truePositives = 0;
  let predictedCount = 0;
  let goldCount = 0;
  let qualifiersRight = 0;
  let periodsRight = 0;
  for (const [file, annotation] of Object.entries(gold)) {
    if (file.startsWith("_")) continue;
    const expected = annotation.figures ?? [];
    const predicted = extractFigures(await bodyOf(file), knowledge as Knowledge);
    predictedCount += predicted.length;
    goldCount += expected.length;
    const unmatched = [...expected];
    for (const figure of predicted) {
      const index = unmatched.findIndex((candidate) => sameClaim(figure, candidate));
      if (index < 0) continue;
      const [match] = unmatched.splice(index, 1);
      truePositives++;
      if (figure.qualifier === match.qualifier) qualifiersRight++;
      if (figure.period === match.period) periodsRight++;
    }
  }
  const precision = truePositives / predictedCount;
  const recall = truePositives / goldCount;
  const f1 = (2 * precision * recall) / (precision + recall);
  console.log(
    `figures: precision ${precision.toFixed(3)} recall ${recall.toFixed(3)} F1 ${f1.toFixed(3)}; ` +
      `qualifier ${qualifiersRight}/${truePositives}, period ${periodsRight}/${truePositives} on matches`,
  );
  assert.ok(f1 >= 0.9, `figures F1 ${f1.toFixed(3)} is below 0.90`);
});
