/**
 * Editing a named knowledge list (parties, organizations, places, outlets) extracts again only the articles
 * that write a name the edit changed (src/knowledge/named-lists.ts); any other knowledge edit extracts
 * every article again. Either way the rebuilt archive is the one a build with an empty cache makes.
 */
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import {
  DEFAULT_KNOWLEDGE_DIR,
  foldForMatching,
  loadKnowledge,
  type NamedListEntries,
  namesAffected,
} from "../src/knowledge/index.ts";
import { build } from "../src/pipeline/index.ts";
import { READ } from "../src/settings.ts";

const scratch = mkdtempSync(path.join(os.tmpdir(), "news-archive-knowledge-cache-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

const seeds = path.join(scratch, "seeds");
const knowledge = path.join(scratch, "knowledge");
const cacheDir = path.join(scratch, "cache");

const buildWith = (label: string, cache = cacheDir) =>
  build({
    seedsDir: seeds,
    outDir: path.join(scratch, label),
    cacheDir: cache,
    knowledgeDirs: [knowledge],
    onProgress: () => {},
  });

const edit = (file: string, from: string, to: string) => {
  const text = readFileSync(path.join(knowledge, file), "utf8");
  assert.ok(text.includes(from), `${file} has ${from}`);
  writeFileSync(path.join(knowledge, file), text.replace(from, to));
};

test("a place's kind corrected in places.yaml extracts again only the articles naming it; a vocabulary edit, all of them", async () => {
  cpSync("seeds", seeds, { recursive: true });
  cpSync(DEFAULT_KNOWLEDGE_DIR, knowledge, { recursive: true });
  // Seeds written READ.settleMs before the first build are known by their stat on the next builds
  // (src/read/known-seeds.ts): the edits below go through seeds that are not read unless needed.
  await new Promise((resolve) => setTimeout(resolve, READ.settleMs + 100));
  const files = readdirSync(seeds).sort();
  const first = await buildWith("site");
  assert.equal(first.parsed.length, files.length);

  const place = loadKnowledge([knowledge]).places.find((entry) => entry.name === "Nushki");
  assert.ok(place && place.kind === "city");
  const names = [place.name, ...place.variants].map(foldForMatching);
  const naming = files.filter((file) => {
    const text = foldForMatching(readFileSync(path.join(seeds, file), "utf8"));
    return names.some((name) => text.includes(name));
  });
  assert.ok(naming.length > 0 && naming.length < files.length, "some seeds name the place, not all");
  edit("places.yaml", "{name: Nushki, kind: city", "{name: Nushki, kind: district");
  const corrected = await buildWith("site");
  assert.deepEqual(corrected.parsed, naming);
  assert.equal(corrected.archive.places.find((p) => p.name === "Nushki")?.kind, "district");
  const cold = await buildWith("cold", path.join(scratch, "cold-cache"));
  assert.equal(JSON.stringify(corrected.archive), JSON.stringify(cold.archive));

  edit("vocabulary.yaml", "roleWords:\n  [\n", "roleWords:\n  [\n    superintendent,\n");
  const reworded = await buildWith("site");
  assert.equal(reworded.parsed.length, files.length, "a vocabulary edit acts on every article");
  const coldAgain = await buildWith("cold-again", path.join(scratch, "cold-cache-again"));
  assert.equal(JSON.stringify(reworded.archive), JSON.stringify(coldAgain.archive));
});

test("an outlet added to outlets.yaml extracts again an article whose front matter alone names it", async () => {
  const dir = path.join(scratch, "front-matter");
  const frontSeeds = path.join(dir, "seeds");
  const frontKnowledge = path.join(dir, "knowledge");
  cpSync("seeds", frontSeeds, { recursive: true });
  cpSync(DEFAULT_KNOWLEDGE_DIR, frontKnowledge, { recursive: true });
  const [file] = readdirSync(frontSeeds).sort();
  const body = readFileSync(path.join(frontSeeds, file), "utf8");
  assert.ok(!foldForMatching(body).includes(foldForMatching("Quarry Gazette")));
  writeFileSync(path.join(frontSeeds, "front.md"), `---\noutlet: Quarry Gazette\n---\n${body}`);
  const buildIt = (label: string, cache: string) =>
    build({
      seedsDir: frontSeeds,
      outDir: path.join(dir, label),
      cacheDir: path.join(dir, cache),
      knowledgeDirs: [frontKnowledge],
      onProgress: () => {},
    });
  await buildIt("site", "cache");
  const outlets = path.join(frontKnowledge, "outlets.yaml");
  writeFileSync(
    outlets,
    `${readFileSync(outlets, "utf8")}\n- name: Quarry Gazette\n  domains: [quarrygazette.example]\n`,
  );
  const rebuilt = await buildIt("site", "cache");
  assert.deepEqual(rebuilt.parsed, ["front.md"]);
  const cold = await buildIt("cold", "cold-cache");
  assert.equal(JSON.stringify(rebuilt.archive), JSON.stringify(cold.archive));
});

const lists = (places: object[], organizations: object[] = []): NamedListEntries => ({
  parties: [],
  organizations: organizations.map((entry) => JSON.stringify(entry)),
  places: places.map((entry) => JSON.stringify(entry)),
  outlets: [],
});
const province = { name: "Balochistan", kind: "province", in: "Pakistan", variants: ["Baluchistan"] };
const city = { name: "Quetta", kind: "city", in: "Balochistan", variants: [] };
const town = { name: "Sariab", kind: "area", in: "Quetta", variants: [] };

test("an edit acts through the names of the entries it changed and of the places lying in them", () => {
  const before = lists([province, city, town]);
  assert.deepEqual(namesAffected(before, before), []);
  // A new entry's names (its `in` and kind are not names of its own).
  assert.deepEqual(namesAffected(before, lists([province, city, town, { ...city, name: "Zhob" }])), ["zhob"]);
  // A province moved to another country: every place down its chain takes a new country.
  assert.deepEqual(namesAffected(before, lists([{ ...province, in: "Iran" }, city, town])), [
    "balochistan",
    "baluchistan",
    "quetta",
    "sariab",
  ]);
  // An organization's new variant, folded as text is ("Baloch Liberation-Army" → "balochliberationarmy").
  const bla = { name: "Balochistan Liberation Army", kind: "militant group", variants: [] };
  assert.deepEqual(namesAffected(lists([], [bla]), lists([], [{ ...bla, variants: ["Baloch Liberation-Army"] }])), [
    "balochistanliberationarmy",
    "balochliberationarmy",
  ]);
  // The same entries in another order: the first of two entries sharing a name wins, so all of them count.
  assert.deepEqual(namesAffected(before, lists([city, province, town])), [
    "balochistan",
    "baluchistan",
    "quetta",
    "sariab",
  ]);
  // A second copy of an entry is an edit too.
  assert.deepEqual(namesAffected(before, lists([province, city, town, town])), ["sariab"]);
});
