/**
 * The knowledge a build reads is the last build's object while its folders' files are the same
 * (src/pipeline/knowledge.ts), and loaded again, as `loadKnowledge` loads it, once any of them changed.
 */
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { KnowledgeFileError } from "../src/errors.ts";
import { DEFAULT_KNOWLEDGE_DIR, loadKnowledge } from "../src/knowledge/index.ts";
import { knowledgeOf } from "../src/pipeline/knowledge.ts";

const scratch = mkdtempSync(path.join(os.tmpdir(), "news-archive-knowledge-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

test("the same files give the same frozen knowledge; a changed, added or broken file loads it again", () => {
  const base = path.join(scratch, "knowledge");
  cpSync(DEFAULT_KNOWLEDGE_DIR, base, { recursive: true });
  const extra = path.join(scratch, "extra");
  cpSync(base, extra, { recursive: true, filter: (from) => from === base });
  const dirs = [base, extra];

  const first = knowledgeOf(dirs);
  assert.deepEqual(first, loadKnowledge(dirs));
  assert.equal(knowledgeOf(dirs), first, "nothing changed: the same object");
  assert.ok(Object.isFrozen(first) && Object.isFrozen(first.places) && Object.isFrozen(first.places[0]));
  assert.notEqual(knowledgeOf([base]), first, "other folders, another knowledge");

  const places = path.join(extra, "places.yaml");
  writeFileSync(places, "- name: Nowhere Valley\n  kind: area\n");
  const added = knowledgeOf(dirs);
  assert.notEqual(added, first);
  assert.deepEqual(added, loadKnowledge(dirs));
  assert.ok(added.places.some((place) => place.name === "Nowhere Valley"));
  assert.notEqual(added.version, first.version);

  writeFileSync(places, "- name: [unclosed\n");
  assert.throws(() => knowledgeOf(dirs), KnowledgeFileError);
  writeFileSync(places, "- name: Nowhere Valley\n  kind: area\n");
  assert.deepEqual(knowledgeOf(dirs), added, "mended: the knowledge it was");

  const before = knowledgeOf(dirs);
  writeFileSync(path.join(base, "NOTES.txt"), "why Nowhere Valley is listed");
  const withNotes = knowledgeOf(dirs);
  assert.notEqual(withNotes, before, "any file of the folders changed: loaded again");
  assert.deepEqual(withNotes, before);
});
