/**
 * The people of one article and in-article coreference: a later short form ("Achakzai", "Jam Kamal",
 * "Barrister Gohar") joins the one person whose full name it fits; a form that fits two people
 * stays unresolved, because merging two people is worse than missing a variant.
 */
import type { Evidence, PersonMention } from "../../types.ts";
import { wordKey } from "./people-lexicon.ts";
import type { Mention } from "./people-mentions.ts";

const MAX_EVIDENCE = 3;

interface Person {
  name: string;
  words: string[];
  honorific: string | null;
  /** Surface forms in order of appearance, the canonical name among them. */
  forms: string[];
  /** Word keys of the name and every form, for exact lookups. */
  formKeys: Set<string>;
  roles: string[];
  parties: string[];
  evidence: Evidence[];
  /** Sentence index and offset of the first mention, for ordering. */
  firstSentence: number;
  firstPosition: number;
}

/** `short` appears in `long` in order (not necessarily contiguously): "Jan Buledi" in "Jan Muhammad Buledi". */
function isSubsequence(short: readonly string[], long: readonly string[]): boolean {
  let at = 0;
  for (const word of long) if (word === short[at]) at++;
  return at === short.length;
}

function pushUnique(list: string[], values: Iterable<string>): void {
  for (const value of values) {
    const key = value.toLowerCase();
    if (!list.some((existing) => existing.toLowerCase() === key)) list.push(value);
  }
}

export class PeopleRegistry {
  private readonly people: Person[] = [];

  /** @param namePrefixes words that open names (Mir, Syed) and so are never a short form alone. */
  constructor(private readonly namePrefixes: ReadonlySet<string>) {}

  /**
   * The person a mention refers to: `undefined` when it fits nobody, `null` when it fits several.
   * Single words resolve only to people already introduced (`before`), by surname or given name.
   */
  resolve(mention: Pick<Mention, "words" | "roles" | "parties">, before?: { sentence: number; position: number }) {
    const { words } = mention;
    const key = words.join(" ");
    const exact = this.people.find((person) => person.formKeys.has(key));
    if (exact) return exact;
    let candidates: Person[];
    if (words.length >= 2) {
      candidates = this.people.filter(
        (person) => isSubsequence(words, person.words) || isSubsequence(person.words, words),
      );
    } else {
      const [word] = words;
      if (this.namePrefixes.has(word)) return undefined;
      candidates = this.people.filter(
        (person) =>
          (!before ||
            person.firstSentence < before.sentence ||
            (person.firstSentence === before.sentence && person.firstPosition < before.position)) &&
          (person.words[person.words.length - 1] === word || this.givenName(person) === word),
      );
    }
    if (candidates.length <= 1) return candidates[0];
    // Shared surname: only a stated party or role can decide ("Achakzai, the ANP leader").
    const decided = candidates.filter(
      (person) =>
        mention.parties.some((party) => person.parties.includes(party)) ||
        mention.roles.some((role) => person.roles.some((known) => known.toLowerCase() === role.toLowerCase())),
    );
    return decided.length === 1 ? decided[0] : null;
  }

  /** First word of the name that is not a prefix such as Mir or Syed, unless it is the surname. */
  private givenName(person: Person): string | undefined {
    const given = person.words.find((word) => !this.namePrefixes.has(word));
    return given === person.words[person.words.length - 1] ? undefined : given;
  }

  /** Adds a mention as a new person. */
  add(mention: Mention, evidence: Evidence): void {
    const person: Person = {
      name: mention.name,
      words: mention.words,
      honorific: null,
      forms: [],
      formKeys: new Set(),
      roles: [],
      parties: [],
      evidence: [],
      firstSentence: mention.sentence,
      firstPosition: mention.position,
    };
    this.people.push(person);
    this.merge(person, mention, evidence);
  }

  /** Adds a mention to the person it refers to; a longer form becomes the canonical name. */
  merge(person: Person, mention: Mention, evidence: Evidence): void {
    if (mention.words.length > person.words.length && isSubsequence(person.words, mention.words)) {
      person.name = mention.name;
      person.words = mention.words;
    }
    const forms = [mention.name];
    if (mention.honorific) {
      forms.unshift(`${mention.honorific} ${mention.name}`);
      person.honorific ??= mention.honorific;
    }
    pushUnique(person.forms, forms);
    person.formKeys.add(person.words.join(" "));
    for (const form of forms) person.formKeys.add(formKey(form));
    pushUnique(person.roles, mention.roles);
    pushUnique(person.parties, mention.parties);
    if (
      person.evidence.length < MAX_EVIDENCE &&
      !person.evidence.some((known) => known.line === evidence.line && known.text === evidence.text)
    ) {
      person.evidence.push(evidence);
    }
    if (
      mention.sentence < person.firstSentence ||
      (mention.sentence === person.firstSentence && mention.position < person.firstPosition)
    ) {
      person.firstSentence = mention.sentence;
      person.firstPosition = mention.position;
    }
  }

  /** The people in order of first appearance. */
  toMentions(): PersonMention[] {
    return [...this.people]
      .sort((a, b) => a.firstSentence - b.firstSentence || a.firstPosition - b.firstPosition)
      .map((person) => ({
        name: person.name,
        honorific: person.honorific,
        variants: person.forms.filter((form) => form.toLowerCase() !== person.name.toLowerCase()),
        roles: withoutShorterRoles(person.roles),
        parties: person.parties,
        evidence: person.evidence,
      }));
  }
}

function formKey(form: string): string {
  return form.split(/\s+/).map(wordKey).join(" ");
}

/** "opposition leader" adds nothing beside "National Assembly Opposition leader". */
function withoutShorterRoles(roles: readonly string[]): string[] {
  const lower = roles.map((role) => role.toLowerCase());
  return roles.filter((_, index) => !lower.some((other, at) => at !== index && other.endsWith(` ${lower[index]}`)));
}
