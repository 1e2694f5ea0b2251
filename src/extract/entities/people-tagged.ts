/**
 * What the statistical tagger (./ner) changes in the people the rules found: it adds a person
 * that the rules missed ("Prime Minister John Major", where "Major" reads as a rank),
 * and drops a "person" every form of which it reads as a nationality, event or work ("Iraqi Kurds",
 * "Cultural Revolution"). A single word it calls a person is added only when it is sure ("Suharto").
 */
import type { Knowledge } from "../../knowledge/index.ts";
import type { PersonMention } from "../../types.ts";
import type { Sentence } from "../sentences.ts";
import type { EntitySpan } from "./named.ts";
import { isTitleCase } from "./named-tagged.ts";
import type { NerSpan } from "./ner/index.ts";
import { peopleLexicon, wordKey } from "./people-lexicon.ts";

/**
 * A single word the tagger calls a person is added only this sure (weight units over any other
 * reading): below it, capitalised nouns ("Road", "Bread") outnumber names on the CoNLL dev articles.
 */
const SINGLE_WORD_CONFIDENCE = 30;

const NAME_WORD = /^(?:\p{Lu}[\p{L}'’-]*|\p{Lu}\.)$/u;

function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean).map(wordKey);
}

/** `short` appears in `long` in order. */
function isSubsequence(short: readonly string[], long: readonly string[]): boolean {
  let at = 0;
  for (const word of long) if (word === short[at]) at++;
  return at === short.length;
}

export function withTaggedPeople(
  people: PersonMention[],
  sentences: readonly Sentence[],
  tagged: readonly (readonly NerSpan[])[],
  named: readonly EntitySpan[],
  knowledge: Knowledge,
): PersonMention[] {
  const lexicon = peopleLexicon(knowledge);
  const personTexts = new Set<string>();
  const miscTexts = new Set<string>();
  for (const span of tagged.flat()) {
    if (span.type === "PER") personTexts.add(words(span.text).join(" "));
    if (span.type === "MISC") miscTexts.add(words(span.text).join(" "));
  }
  const kept = people.filter((person) => {
    const forms = [person.name, ...person.variants].map((form) => words(form).join(" "));
    // A role, an honorific or a party tie says person whatever the tagger thought.
    if (person.roles.length || person.honorific || person.parties.length) return true;
    return !(forms.every((form) => miscTexts.has(form)) && !forms.some((form) => personTexts.has(form)));
  });
  const known = kept.map((person) => [person.name, ...person.variants].map(words));
  const fits = (name: string[]) =>
    known.some((forms) => forms.some((form) => isSubsequence(name, form) || isSubsequence(form, name)));
  const added: PersonMention[] = [];
  const candidates = tagged.flatMap((spans, index) =>
    spans.filter((span) => span.type === "PER").map((span) => ({ span, index })),
  );
  // Longer names first, so a shorter form of one is not added as a person of its own.
  candidates.sort((a, b) => words(b.span.text).length - words(a.span.text).length || a.index - b.index);
  for (const { span, index } of candidates) {
    if (named.some((other) => other.sentence === index && other.start < span.end && span.start < other.end)) continue;
    const raw = span.text.replace(/['’]s$/u, "").split(/\s+/);
    while (raw.length && (lexicon.honorifics.has(wordKey(raw[0]!)) || lexicon.roleWords.has(wordKey(raw[0]!))))
      raw.shift();
    if (!raw.length || !raw.every((word) => NAME_WORD.test(word)) || raw.join(" ") === raw.join(" ").toUpperCase())
      continue;
    const name = raw.join(" ");
    const key = words(name);
    const sentence = sentences[index]!;
    if (
      fits(key) ||
      key.some((word) => lexicon.notNames.has(word) || lexicon.roleWords.has(word)) ||
      (key.length === 1 && span.confidence < SINGLE_WORD_CONFIDENCE) ||
      isTitleCase(sentence.text)
    )
      continue;
    added.push({
      name,
      honorific: null,
      variants: [],
      roles: [],
      parties: [],
      evidence: [{ line: sentence.line, text: sentence.text }],
    });
    known.push([key]);
  }
  return [...kept, ...added];
}
