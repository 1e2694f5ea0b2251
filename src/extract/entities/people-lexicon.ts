/**
 * The name and role vocabulary of knowledge/vocabulary.yaml, compiled once per loaded knowledge
 * object into sets keyed by a normalised word, so each token is classified by a few set lookups.
 */
import { type Knowledge, organizationWordsOf } from "../../knowledge/index.ts";

export interface PeopleLexicon {
  honorifics: Set<string>;
  namePrefixes: Set<string>;
  nameParticles: Set<string>;
  roleWords: Set<string>;
  roleModifiers: Set<string>;
  organizationWords: Set<string>;
  notNames: Set<string>;
  /** Multi-word notNames ("Red Zone") as word keys, indexed by their first word. */
  notNamePhrases: Map<string, string[][]>;
}

/** Lower case, curly apostrophes straightened, full stops dropped: "Dr." and "dr" are one key. */
export function wordKey(word: string): string {
  const lower = word.toLowerCase();
  return lower.includes("’") || lower.includes(".") ? lower.replace(/’/g, "'").replace(/\./g, "") : lower;
}

function keySet(words: readonly string[] | undefined): Set<string> {
  return new Set((words ?? []).filter((word) => !/\s/.test(word.trim())).map((word) => wordKey(word.trim())));
}

const cache = new WeakMap<Knowledge, PeopleLexicon>();

export function peopleLexicon(knowledge: Knowledge): PeopleLexicon {
  const cached = cache.get(knowledge);
  if (cached) return cached;
  const vocabulary = knowledge.vocabulary;
  const notNamePhrases = new Map<string, string[][]>();
  for (const entry of vocabulary.notNames) {
    const words = entry.trim().split(/\s+/).map(wordKey);
    if (words.length < 2) continue;
    const list = notNamePhrases.get(words[0]) ?? [];
    list.push(words);
    notNamePhrases.set(words[0], list);
  }
  const lexicon: PeopleLexicon = {
    honorifics: keySet(vocabulary.honorifics),
    namePrefixes: keySet(vocabulary.namePrefixes),
    nameParticles: keySet(vocabulary.nameParticles),
    roleWords: keySet(vocabulary.roleWords),
    roleModifiers: keySet(vocabulary.roleModifiers),
    organizationWords: keySet(organizationWordsOf(vocabulary)),
    notNames: keySet(vocabulary.notNames),
    notNamePhrases,
  };
  cache.set(knowledge, lexicon);
  return lexicon;
}
