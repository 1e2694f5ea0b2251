/**
 * People named in one article. Prose sentences are read first: names of two or more words become
 * people (or join one already seen), then single words join the one person introduced earlier whose
 * surname or given name they are. Title-Case heading lines come last and only name people already
 * known or led by an honorific, so "Expresses Optimism" in a subheading is never taken for a name.
 */
import type { Knowledge } from "../../knowledge/index.ts";
import type { PersonMention } from "../../types.ts";
import { groupBy } from "../../util/group.ts";
import type { Sentence } from "../sentences.ts";
import type { EntitySpan, NamedEntities } from "./named.ts";
import { peopleLexicon, wordKey } from "./people-lexicon.ts";
import { findMentions, type Mention, nameText, nameWords, type SentenceContext } from "./people-mentions.ts";
import { PeopleRegistry } from "./people-registry.ts";
import { canBeNameWord, joined, nameRunEnd, tokenize } from "./people-tokens.ts";

/** Named persons with honorifics, roles and party ties; short later mentions resolved to the full name. */
export function findPeople(sentences: Sentence[], named: NamedEntities, knowledge: Knowledge): PersonMention[] {
  const lexicon = peopleLexicon(knowledge);
  const spansBySentence = groupBy(named.spans, (span: EntitySpan) => span.sentence);
  const lowercaseWords = collectLowercaseWords(sentences);
  const contexts: SentenceContext[] = sentences.map((sentence, index) => ({
    index,
    text: sentence.text,
    tokens: tokenize(sentence.text, spansBySentence.get(index) ?? [], lexicon),
    lowercaseWords,
  }));
  const evidenceOf = (mention: Mention) => ({
    line: sentences[mention.sentence].line,
    text: sentences[mention.sentence].text,
  });

  const registry = new PeopleRegistry(lexicon.namePrefixes);
  const singleWords: Mention[] = [];
  const headings: SentenceContext[] = [];
  for (const context of contexts) {
    if (isHeadingLine(context)) {
      headings.push(context);
      continue;
    }
    for (const mention of findMentions(context)) {
      if (mention.words.length < 2) {
        singleWords.push(mention);
        continue;
      }
      const person = registry.resolve(mention);
      if (person) registry.merge(person, mention, evidenceOf(mention));
      else if (person === undefined) registry.add(mention, evidenceOf(mention));
    }
  }
  for (const mention of singleWords) {
    const person = registry.resolve(mention, { sentence: mention.sentence, position: mention.position });
    if (person) registry.merge(person, mention, evidenceOf(mention));
  }
  for (const context of headings) {
    for (const { mention, known } of headingMentions(context, registry)) {
      const person = known ?? registry.resolve(mention);
      if (person) registry.merge(person, mention, evidenceOf(mention));
      else if (person === undefined && mention.words.length >= 2) registry.add(mention, evidenceOf(mention));
    }
  }
  return registry.toMentions();
}

function collectLowercaseWords(sentences: readonly Sentence[]): Set<string> {
  const words = new Set<string>();
  for (const { text } of sentences) {
    for (const [word] of text.matchAll(/(?<![\p{L}\p{N}'’-])\p{Ll}[\p{L}'’-]*/gu)) words.add(wordKey(word));
  }
  return words;
}

/** A Title-Case line without closing punctuation: "Jan Buledi Expresses Optimism About An Alliance". */
function isHeadingLine({ text, tokens }: SentenceContext): boolean {
  const words = tokens.filter((token) => /^\p{L}/u.test(token.word));
  if (words.length < 3 || /[.!?]["”’']?$/u.test(text.trim())) return false;
  return words.filter((token) => token.capitalised).length >= 0.8 * words.length;
}

/**
 * Names in a heading line: the longest run of name words that fits a known person, or a name led by
 * an honorific ("Dr. Malik Baloch And …"), which stops at a word the article writes in lower case.
 */
function* headingMentions(
  context: SentenceContext,
  registry: PeopleRegistry,
): Generator<{ mention: Mention; known: ReturnType<PeopleRegistry["resolve"]> }> {
  const { text, tokens, lowercaseWords } = context;
  const ordinary = (index: number) => lowercaseWords.has(tokens[index].key);
  const mentionOf = (first: number, last: number, honorific: string | null): Mention => ({
    sentence: context.index,
    position: tokens[first].start,
    name: nameText(text, tokens, first, last),
    words: nameWords(tokens, first, last),
    honorific,
    roles: [],
    parties: [],
  });
  for (let index = 0; index < tokens.length; index++) {
    if (tokens[index].kind === "honorific") {
      let first = index;
      while (tokens[first]?.kind === "honorific") first++;
      if (first >= tokens.length || !canBeNameWord(tokens, first) || ordinary(first)) continue;
      let last = first;
      while (
        last - first < 3 &&
        last + 1 < tokens.length &&
        joined(text, tokens[last], tokens[last + 1]) &&
        canBeNameWord(tokens, last + 1) &&
        !ordinary(last + 1)
      )
        last++;
      const honorific = text.slice(tokens[index].start, tokens[first - 1].rawEnd);
      const mention = mentionOf(first, last, honorific);
      yield { mention, known: registry.resolve(mention) };
      index = last;
      continue;
    }
    if (!canBeNameWord(tokens, index)) continue;
    const runEnd = nameRunEnd(text, tokens, index, 4);
    for (let last = runEnd; last >= index; last--) {
      const mention = mentionOf(index, last, null);
      const known = registry.resolve(mention);
      if (known) {
        yield { mention, known };
        index = last;
        break;
      }
    }
  }
}
