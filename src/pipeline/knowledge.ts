/**
 * The knowledge a build reads, loaded again only when its files changed. `npm start` builds after every save,
 * and each build loaded the knowledge files afresh: parsing and checking them took about 50 ms, and every
 * cache that extraction keeps per knowledge object (the figure vocabulary's patterns, the gazetteer, the word
 * sets, the outlets' names) was made again for the one article a save extracts: its extraction took 0.15 s with
 * a new knowledge object against 0.05 s with the last one. A build whose knowledge folders hold the same bytes as
 * the last build's gets the same object, frozen, so that no stage can change what the next build reads.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gazetteerDataVersion } from "../knowledge/gazetteer.ts";
import { DEFAULT_KNOWLEDGE_DIR, type Knowledge, loadKnowledge } from "../knowledge/index.ts";
import { deepFreeze } from "../util/freeze.ts";
import { compareStrings } from "../util/group.ts";

let last: { fingerprint: string; knowledge: Knowledge } | undefined;

/** The knowledge of `dirs` (loadKnowledge's), the last build's object while every file in them is the same. */
export function knowledgeOf(dirs: string[] = [DEFAULT_KNOWLEDGE_DIR]): Knowledge {
  const fingerprint = folderBytes(dirs);
  if (last?.fingerprint === fingerprint) return last.knowledge;
  const knowledge = deepFreeze(loadKnowledge(dirs));
  last = { fingerprint, knowledge };
  return knowledge;
}

/**
 * A digest of every file in the folders, by name and bytes, in order, and of the gazetteer's data packages
 * (part of the knowledge's version). More than the knowledge files (a folder may hold notes): a change to any
 * file loads the knowledge again, which is only slower.
 */
function folderBytes(dirs: string[]): string {
  const hash = createHash("sha256").update(gazetteerDataVersion());
  for (const dir of dirs) {
    hash.update(`\0folder\0${path.resolve(dir)}\0`);
    let names: string[];
    try {
      names = readdirSync(dir).sort(compareStrings);
    } catch {
      hash.update("missing");
      continue;
    }
    for (const name of names) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(path.join(dir, name));
      } catch {
        hash.update(`\0${name}\0unreadable`); // a folder, or a file that cannot be read (loadKnowledge says why)
        continue;
      }
      hash.update(`\0${name}\0${bytes.length}\0`).update(bytes);
    }
  }
  return hash.digest("hex");
}
