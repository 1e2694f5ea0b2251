/**
 * The render stage checks the archive against its schema (src/render/archive-schema.ts). A rebuild leaves
 * out the records the previous build checked, known by their digests in the page manifest: a record that
 * changed, or is new, is checked as a cold build checks it.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { recordDigests } from "../src/archive/index.ts";
import { checkArchive } from "../src/render/archive-schema.ts";
import { renderPages } from "../src/render/index.ts";
import { PAGE_MANIFEST } from "../src/render/page-reuse.ts";
import type { Archive } from "../src/types.ts";
import { fixtureArchive } from "./helpers/fixture-archive.ts";

const scratch = mkdtempSync(path.join(os.tmpdir(), "news-archive-check-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

test("a record whose digest passed is not checked again; any other record is, and a failure names its place", () => {
  const archive = fixtureArchive();
  archive.articles[1].slug = "."; // a slug is a folder name: never "."
  const digests = recordDigests(archive);
  const digestOf = (record: object) => digests.get(record);
  const badDigest = digests.get(archive.articles[1]);
  assert.ok(badDigest);

  assert.throws(() => checkArchive(archive), /at articles\[1\]\.slug/);
  assert.throws(() => checkArchive(archive, "archive", { digestOf, passed: new Set() }), /at articles\[1\]\.slug/);
  // A list missing from the archive is refused too (each record is checked on its own, the lists by name).
  const { stories: _stories, ...withoutStories } = fixtureArchive();
  assert.throws(() => checkArchive(withoutStories as Archive), /stories/);
  // Known by its digest, the record is left out.
  assert.equal(checkArchive(archive, "archive", { digestOf, passed: new Set([badDigest]) }), archive);

  // Any other record is still checked, and the message gives its true position.
  const person = archive.people[2] as unknown as { name: unknown };
  person.name = 42;
  assert.throws(
    () => checkArchive(archive, "archive", { digestOf, passed: new Set([badDigest]) }),
    /at people\[2\]\.name/,
  );
});

test("the page manifest lists the digest of every record the render stage checked", async () => {
  const archive: Archive = fixtureArchive();
  const digests = recordDigests(archive);
  const out = path.join(scratch, "site");
  await renderPages(archive, out, { recordDigests: digests });
  const manifest = JSON.parse(readFileSync(path.join(out, PAGE_MANIFEST), "utf8"));
  const expected = Object.values(archive)
    .flatMap((value) => (Array.isArray(value) ? value : []))
    .filter((record) => typeof record === "object" && record !== null)
    .map((record) => digests.get(record));
  assert.ok(expected.length > archive.articles.length);
  assert.deepEqual(manifest.checked.digests, [...new Set(expected)].sort());
  assert.equal(typeof manifest.checked.version, "string");

  // Over that site, an unchanged record is known, but one made bad since is checked and refused.
  const changed = fixtureArchive();
  changed.places[0].slug = "..";
  await assert.rejects(
    renderPages(changed, path.join(scratch, "again"), { previousDir: out, recordDigests: recordDigests(changed) }),
    /at places\[0\]\.slug/,
  );

  // Rendered without digests (nothing to compare by), the manifest claims no checked record.
  const bare = path.join(scratch, "bare");
  await renderPages(fixtureArchive(), bare);
  assert.equal(JSON.parse(readFileSync(path.join(bare, PAGE_MANIFEST), "utf8")).checked, undefined);
});
