/**
 * One synthetic scraped article: seed sentences re-cast with generated people, places and
 * numbers, wrapped in one of five page layouts copied from the seeds (their headers, date
 * forms and furniture), so the benchmark exercises the same cleaning and extraction paths.
 */
import {
  DATELINE_CITIES,
  FEMALE_FIRST_NAMES,
  FEMALE_HONORIFICS,
  FIRST_YEAR,
  HEADLINE_TEMPLATES,
  LAST_YEAR,
  MALE_FIRST_NAMES,
  MALE_HONORIFICS,
  MONTHS,
  OUTLETS,
  PARTIES,
  PLACES,
  ROLES,
  SENTENCE_TEMPLATES,
  SURNAMES,
  WEEKDAYS,
} from "./pools.ts";
import { articleRandom, chance, hex32, pick, type Random, randomInt } from "./prng.ts";
import type { SeedMaterial, SentenceTemplate } from "./seed-text.ts";

interface Person {
  full: string;
  surname: string;
}

interface PublicationDate {
  year: number;
  month: number; // 0-based
  day: number;
}

const SUBHEADINGS = ["Senate resolution", "Opposition demands", "Official response", "Background", "Reaction"] as const;
const LAYOUTS = ["dawn", "tribune", "wire", "voice", "cart"] as const;

function makePerson(random: Random, withHonorific = true): Person {
  const surname = pick(random, SURNAMES);
  const female = chance(random, 0.3);
  const honorific = withHonorific ? pick(random, female ? FEMALE_HONORIFICS : MALE_HONORIFICS) : "";
  const first = pick(random, female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
  return { full: `${honorific}${first} ${surname}`, surname };
}

function ordinal(day: number): string {
  if (day % 100 >= 11 && day % 100 <= 13) return `${day}th`;
  return `${day}${["th", "st", "nd", "rd"][day % 10] ?? "th"}`;
}

const twoDigits = (n: number) => String(n).padStart(2, "0");
const monthName = (date: PublicationDate) => MONTHS[date.month]!;
const monthShort = (date: PublicationDate) => monthName(date).slice(0, 3);

/** Fills the slots of one article consistently: a seed person is one cast member throughout. */
class Casting {
  private readonly people = new Map<number, { person: Person; introduced: boolean }>();
  private readonly places = new Map<number, string>();
  constructor(private readonly random: Random) {}

  seedSentence(template: SentenceTemplate): string {
    let text = template.parts[0]!;
    template.slots.forEach((slot, i) => {
      if (slot.kind === "person") {
        let cast = this.people.get(slot.ref);
        if (!cast) {
          cast = { person: makePerson(this.random), introduced: false };
          this.people.set(slot.ref, cast);
        }
        // A later mention uses the surname, but only once the full name has appeared.
        text += slot.form === "short" && cast.introduced ? cast.person.surname : cast.person.full;
        cast.introduced = true;
      } else if (slot.kind === "place") {
        let place = this.places.get(slot.ref);
        if (!place) {
          place = pick(this.random, PLACES);
          this.places.set(slot.ref, place);
        }
        text += place;
      } else {
        text += String(randomInt(this.random, Math.max(1, Math.round(slot.value / 2)), Math.max(2, slot.value * 2)));
      }
      text += template.parts[i + 1]!;
    });
    return text;
  }

  fill(template: string): string {
    return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
      switch (slot) {
        case "person":
          return makePerson(this.random).full;
        case "surname":
          return makePerson(this.random).surname;
        case "place":
          return pick(this.random, PLACES);
        case "party":
          return pick(this.random, PARTIES);
        case "role":
          return pick(this.random, ROLES);
        case "weekday":
          return pick(this.random, WEEKDAYS);
        case "n":
          return String(randomInt(this.random, 2, 90));
        default:
          return slot;
      }
    });
  }
}

function bodyParagraphs(random: Random, casting: Casting, material: SeedMaterial): string[] {
  const target = randomInt(random, 2900, 4000);
  const paragraphs: string[] = [];
  let length = 0;
  while (length < target) {
    if (paragraphs.length > 2 && chance(random, 0.08)) {
      paragraphs.push(pick(random, SUBHEADINGS));
      continue;
    }
    const sentences: string[] = [];
    for (let i = randomInt(random, 1, 3); i > 0; i--) {
      sentences.push(
        chance(random, 0.3)
          ? casting.fill(pick(random, SENTENCE_TEMPLATES))
          : casting.seedSentence(pick(random, material.sentences)),
      );
    }
    const paragraph = sentences.join(" ");
    paragraphs.push(paragraph);
    length += paragraph.length + 1;
  }
  return paragraphs;
}

function layOut(
  layout: (typeof LAYOUTS)[number],
  random: Random,
  casting: Casting,
  material: SeedMaterial,
  body: string[],
): string {
  const date: PublicationDate = {
    year: randomInt(random, FIRST_YEAR, LAST_YEAR),
    month: randomInt(random, 0, 11),
    day: randomInt(random, 1, 28),
  };
  const outlet = pick(random, OUTLETS);
  const city = pick(random, DATELINE_CITIES);
  const headline = casting.fill(pick(random, HEADLINE_TEMPLATES));
  const longDate = `${monthName(date)} ${twoDigits(date.day)}, ${date.year}`;
  switch (layout) {
    case "dawn":
      return [
        chance(random, 0.5) ? `${headline}\n` : "\n",
        `\n${city.toUpperCase()}: ${body.join("\n")}\n`,
        `Published in ${outlet}, ${monthName(date)} ${ordinal(date.day)}, ${date.year}\n\n\n\n`,
      ].join("");
    case "tribune": {
      const authors = `${makePerson(random, false).full}/${makePerson(random, false).full}`;
      return [
        `${chance(random, 0.5) ? "TODAY’S" : "TODAY'S"} PAPER | ${longDate} | EPAPER\n\n${headline}\n\n`,
        `${casting.fill(pick(random, HEADLINE_TEMPLATES))}\n\n\n`,
        `${authors} ${longDate} ${randomInt(random, 2, 7)} min read\n\n${city.toUpperCase()}:\n\n`,
        `${body.join("\n\n")}\n\nCOMMENTS\n\nReplying to X\n\n`,
        "Comments are moderated and generally will be posted if they are on-topic and not abusive.\n\n",
        "For more information, please see our Comments FAQ",
      ].join("");
    }
    case "wire":
      return `\n${city}, ${monthShort(date)} ${date.day}: ${body.join("\n")}\n\n\n\n\nComments:\nLeave a Reply`;
    case "voice":
      return [
        `${outlet} Special Report :\n\n${body.join("\n\n")}\n\nLeave a Reply\n\n`,
        "Your email address will not be published. Required fields are marked *\n\nAbout the Author\n\n",
        `${outlet} is an English Daily covering all unfolding political, economic and social issues relating to ${city}.`,
      ].join("");
    case "cart": {
      const lorem = Array.from({ length: randomInt(random, 2, 6) }, () => pick(random, material.loremLines));
      return [
        `Shopping cart\nYour cart empty!\n${lorem.join("\n")}\nDo you agree to our terms? Sign up\n`,
        `${body.join("\n")}\n${randomInt(random, 1, 40)}\n`,
        `Published: ${monthShort(date)} ${twoDigits(date.day)}, ${date.year}`,
      ].join("");
    }
  }
}

export interface SyntheticArticle {
  fileName: string;
  text: string;
}

export function makeArticle(material: SeedMaterial, corpusSeed: number, index: number): SyntheticArticle {
  const random = articleRandom(corpusSeed, index);
  const casting = new Casting(random);
  const fileName = `${String(index).padStart(6, "0")}_${hex32(random)}${hex32(random)}.txt`;
  const layout = pick(random, LAYOUTS);
  const body = bodyParagraphs(random, casting, material);
  return { fileName, text: layOut(layout, random, casting, material, body) };
}
