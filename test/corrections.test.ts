/**
 * Corrections as data: knowledge/people.yaml and knowledge/corrections.yaml in a user's extra
 * knowledge folder change the archive built from the seeds, and a line that matches nothing is
 * reported.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { ingest, ingestSeeds, resolveRecords } from "../src/ingest/index.ts";
import { DEFAULT_KNOWLEDGE_DIR, loadKnowledge } from "../src/knowledge/index.ts";
import type { RewrittenArticles } from "../src/resolve/index.ts";
import type { Archive } from "../src/types.ts";

const scratch = mkdtempSync(path.join(tmpdir(), "news-archive-corrections-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** The seeds built with the project's knowledge plus a folder holding the given files. */
async function buildWith(name: string, files: Record<string, string>): Promise<Archive> {
  const dir = path.join(scratch, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(dir, file), text);
  return (await ingest("seeds", loadKnowledge([DEFAULT_KNOWLEDGE_DIR, dir]))).archive;
}

const personNamed = (archive: Archive, name: string) => archive.people.find((p) => p.name === name);

test("people.yaml: aliases make one person with every name; a party and a role are added", async () => {
  const plain = (await ingest("seeds", loadKnowledge())).archive;
  const asghar = personNamed(plain, "Asghar Khan Achakzai");
  const arif = personNamed(plain, "Arif Khan Achakzai");
  assert.ok(asghar && arif, "the seeds name both");

  const archive = await buildWith("people", {
    "people.yaml": `- name: Asghar Khan Achakzai
  aliases: [Arif Khan Achakzai]
  role: Test Role Holder
  party: PPP
`,
  });
  const merged = personNamed(archive, "Asghar Khan Achakzai");
  assert.ok(merged);
  assert.equal(personNamed(archive, "Arif Khan Achakzai"), undefined, "one person page, not two");
  assert.ok(merged.variants.includes("Arif Khan Achakzai"));
  assert.deepEqual([...merged.articles].sort(), [...new Set([...asghar.articles, ...arif.articles])].sort());
  assert.equal(merged.mentions.length, asghar.mentions.length + arif.mentions.length, "each mention in context kept");
  assert.ok(
    arif.mentions.every((m) => m.sentence.includes("Arif")),
    "a mention is the sentence naming the person",
  );
  assert.equal(merged.roles[0], "Test Role Holder");
  assert.ok(merged.parties.includes("pakistan-peoples-party"));
  assert.ok(archive.parties.find((p) => p.slug === "pakistan-peoples-party")?.members.includes(merged.slug));
  for (const a of archive.articles) {
    assert.ok(!a.people.includes(arif.slug), `${a.slug} still names the merged person`);
    assert.ok(!a.mentions.some((m) => m.kind === "person" && m.slug === arif.slug));
  }
});

test("people.yaml: a name that is not a person is dropped from every article", async () => {
  const archive = await buildWith("not-person", { "people.yaml": "- name: Salam Agha\n  notPerson: true\n" });
  assert.equal(personNamed(archive, "Salam Agha"), undefined);
  assert.ok(!archive.articles.some((a) => a.people.includes("salam-agha")));
  assert.deepEqual(archive.unmatchedCorrections, []);
});

test("corrections.yaml: rename, merge, reject, kind and point of entities; a figure rejected or amended", async () => {
  const plain = (await ingest("seeds", loadKnowledge())).archive;
  const withFigure = plain.articles.find((a) => a.figures.length > 1);
  assert.ok(withFigure);
  const [first, second] = withFigure.figures;
  const archive = await buildWith("corrections", {
    "corrections.yaml": `- entity: place
  name: Quetta
  rename: Shaal
- entity: place
  name: Gwadar
  kind: district
  lat: 25.5
  lon: 62.5
- entity: organization
  name: Army Public School
  reject: true
- entity: organization
  name: Counter Terrorism Department
  merge: Frontier Corps
- figure: { article: ${withFigure.slug}, line: ${first.line}, value: ${first.value} }
  reject: true
- figure: { article: ${withFigure.slug}, line: ${second.line}, value: ${second.value} }
  value: ${second.value + 1000}
- entity: place
  name: Atlantis
  reject: true
`,
  });
  const quetta = archive.places.find((p) => p.slug === "quetta");
  assert.equal(quetta?.name, "Shaal");
  assert.ok(quetta?.variants.includes("Quetta"));
  const gwadar = archive.places.find((p) => p.slug === "gwadar");
  assert.deepEqual([gwadar?.kind, gwadar?.lat, gwadar?.lon], ["district", 25.5, 62.5]);
  assert.equal(
    archive.organizations.find((o) => o.name === "Army Public School"),
    undefined,
  );
  assert.ok(!archive.articles.some((a) => a.organizations.includes("army-public-school")));
  const fc = archive.organizations.find((o) => o.name === "Frontier Corps");
  assert.ok(fc?.variants.includes("Counter Terrorism Department"));
  assert.equal(
    archive.organizations.find((o) => o.name === "Counter Terrorism Department"),
    undefined,
  );
  const figures = archive.articles.find((a) => a.slug === withFigure.slug)?.figures ?? [];
  assert.equal(figures.length, withFigure.figures.length - 1);
  assert.ok(figures.some((f) => f.value === second.value + 1000));
  assert.deepEqual(archive.unmatchedCorrections, ['corrections.yaml: no place named "Atlantis"']);
});

test("a correction file that breaks its schema is refused with its name", () => {
  const dir = path.join(scratch, "broken");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "corrections.yaml"), "- entity: planet\n  name: Mars\n  reject: true\n");
  assert.throws(() => loadKnowledge([DEFAULT_KNOWLEDGE_DIR, dir]), /corrections\.yaml/);
});

test("the articles a merge rewrites are reported, so the archive stage serialises them afresh", async () => {
  const dir = path.join(scratch, "rewritten");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "people.yaml"), "- name: Asghar Khan Achakzai\n  aliases: [Arif Khan Achakzai]\n");
  const knowledge = loadKnowledge([DEFAULT_KNOWLEDGE_DIR, dir]);
  const { extracted, rejected } = await ingestSeeds("seeds", knowledge);
  const rewritten: RewrittenArticles = new Set();
  const archive = resolveRecords(extracted, rejected, knowledge, { rewritten });
  const arif = personNamed((await ingest("seeds", loadKnowledge())).archive, "Arif Khan Achakzai");
  assert.ok(arif && arif.articles.length > 0);
  // Each article that named the alias had its mention moved (and its evidence merged): those, and no other.
  assert.deepEqual([...rewritten].map((a) => a.slug).sort(), [...arif.articles].sort());
  assert.ok([...rewritten].every((a) => archive.articles.includes(a)));
});
