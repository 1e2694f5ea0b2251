/**
 * Quotes: words in quotation marks and the person who said them, kept only where the text
 * attributes them without doubt — a speech verb right beside the quote naming a person the
 * article names ("…," Bugti said; "…," said Bugti; Bugti told reporters: "…"; according to
 * Bugti, "…"). A quote given to "he", to an unnamed official or to no one is left out, and so
 * are scare quotes of a few words.
 */
import type { PersonMention, QuoteMention, TextLine } from "../../types.ts";
import { escapeRegExp } from "../../util/regexp.ts";

/** Fewer words than this in quotation marks is a term being quoted, not a statement. */
const MIN_QUOTE_WORDS = 4;
/** An appositive between a name and its verb ("Bugti, the chief minister, said") is at most this long. */
const MAX_APPOSITIVE = 80;

/** Paired quotation marks: curly, or straight ones paired left to right. */
const QUOTED = /“([^“”]+)”|"([^"]+)"/g;

interface Speakers {
  /** Every form an article uses for a person (full name and short forms), longest first. */
  forms: string[];
  nameOf: Map<string, string>;
}

function speakersOf(people: PersonMention[]): Speakers {
  const nameOf = new Map<string, string>();
  for (const p of people) for (const form of [p.name, ...p.variants]) if (!nameOf.has(form)) nameOf.set(form, p.name);
  // A short form two people share ("Khan") names neither with confidence.
  const shared = new Set<string>();
  for (const p of people) {
    for (const q of people) {
      if (p === q) continue;
      for (const form of [p.name, ...p.variants]) if (form !== p.name && q.variants.includes(form)) shared.add(form);
    }
  }
  const forms = [...nameOf.keys()].filter((f) => !shared.has(f)).sort((a, b) => b.length - a.length);
  return { forms, nameOf };
}

interface Patterns {
  /** After the quote: `, Bugti said` / `, said Bugti` / `, according to Bugti`. */
  after: RegExp[];
  /** Before the quote: `Bugti said:` / `Bugti told reporters,` / `According to Bugti,`. */
  before: RegExp[];
}

function patternsFor(forms: string[], verbs: string[]): Patterns {
  const name = `(?<name>${forms.map(escapeRegExp).join("|")})`;
  const verb = `(?:${verbs.map(escapeRegExp).join("|")})`;
  const appositive = `(?:,[^,“”"]{1,${MAX_APPOSITIVE}},)?`;
  // "told reporters", "told The Hindu": a verb may take a short object before the quote.
  const object = `(?:\\s+[\\p{L}.'’-]+){0,3}?`;
  const lead = "^[,.!?]?\\s*";
  const tail = "(?:\\s+that)?\\s*[,:]?\\s*$";
  return {
    after: [
      new RegExp(`${lead}${name}${appositive}\\s+${verb}\\b`, "u"),
      new RegExp(`${lead}${verb}\\s+${name}\\b`, "u"),
      new RegExp(`${lead}according\\s+to\\s+${name}\\b`, "u"),
    ],
    before: [
      new RegExp(`\\b${name}${appositive}\\s+${verb}${object}${tail}`, "u"),
      new RegExp(`\\b[Aa]ccording\\s+to\\s+${name}${tail}`, "u"),
    ],
  };
}

const speakerIn = (patterns: RegExp[], text: string) => {
  for (const pattern of patterns) {
    const name = pattern.exec(text)?.groups?.name;
    if (name) return name;
  }
  return undefined;
};

/** Quotes in the article's paragraphs whose speaker is one of `people`. */
export function findQuotes(paragraphs: TextLine[], people: PersonMention[], speechVerbs: string[]): QuoteMention[] {
  if (!paragraphs.some((p) => /[“"]/.test(p.text))) return [];
  const speakers = speakersOf(people);
  if (speakers.forms.length === 0 || speechVerbs.length === 0) return [];
  const patterns = patternsFor(speakers.forms, speechVerbs);
  const quotes: QuoteMention[] = [];
  for (const { text, line } of paragraphs) {
    for (const match of text.matchAll(QUOTED)) {
      const words = (match[1] ?? match[2]).trim();
      if (words.split(/\s+/).length < MIN_QUOTE_WORDS) continue;
      const start = match.index as number;
      const speaker =
        speakerIn(patterns.after, text.slice(start + match[0].length)) ??
        speakerIn(patterns.before, text.slice(0, start));
      if (!speaker) continue;
      quotes.push({
        person: speakers.nameOf.get(speaker) as string,
        text: words.replace(/[,\s]+$/, ""),
        line,
      });
    }
  }
  return quotes;
}
