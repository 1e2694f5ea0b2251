/**
 * Knowledge is data: parties, organizations, places, outlets, page-furniture phrases
 * and name/role vocabulary live in YAML files under `knowledge/` that users extend.
 * This module loads them and checks each against its schema, so a typo in a data
 * file is reported with the file and the path of the bad entry, not as a crash later.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import yaml from "js-yaml";
import { z } from "zod";
import { KnowledgeFileError } from "../errors.ts";
import { FIGURE_CATEGORIES, ORGANIZATION_KINDS } from "../types.ts";
import { type Correction, CorrectionSchema, type PersonEntry, PersonEntrySchema } from "./corrections.ts";
import { gazetteerDataVersion } from "./gazetteer.ts";
import { NAMED_LISTS, type NamedListEntries } from "./named-lists.ts";

export { foldForMatching, type NamedListEntries, namesAffected } from "./named-lists.ts";

const names = z.array(z.string().min(1)).default([]);

const PartySchema = z.object({
  name: z.string().min(1),
  abbr: z.string().min(1).nullable().default(null),
  variants: names,
  /** Abbreviation spellings (PML N, PMLN). */
  abbrVariants: names,
  country: z.string().optional(),
});

const OrganizationSchema = z.object({
  name: z.string().min(1),
  abbr: z.string().min(1).nullable().default(null),
  kind: z.enum(["militant group", "government body", "security force", "media", "other"]),
  variants: names,
  /** Abbreviations that are only safe to match when this organization is already named in the article (NA, CTD). */
  weakAbbrs: names,
});

const PlaceSchema = z.object({
  name: z.string().min(1),
  kind: z.enum(["country", "province", "district", "city", "area"]),
  variants: names,
  /** The larger place it lies in (a province's country, a district's province). */
  in: z.string().optional(),
  /** Names that are also common words or surnames (Hub, Kalat): matched only in place-like context. */
  ambiguous: z.boolean().default(false),
  /** Its point (WGS84 degrees), for the map; without them the gazetteer lends GeoNames' point of the same place. */
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
});

const OutletSchema = z.object({
  name: z.string().min(1),
  variants: names,
  /** Phrases of page furniture only this outlet's pages carry (a masthead, a comment policy). */
  signatures: names,
  /** Web domains of the outlet (dawn.com), so a URL in front matter or text identifies it. */
  domains: names,
});

const OutletCuesSchema = z.object({
  /** Patterns that name the outlet ("Copyright © 2024 {outlet}"); knowledge/outlet-cues.yaml says how they are read. */
  cues: z
    .array(
      z.object({
        pattern: z
          .string()
          .min(1)
          .refine((p) => p.includes("{outlet}"), "a cue's pattern must contain {outlet}")
          .refine((p) => {
            try {
              new RegExp(p.replaceAll("{outlet}", "(?<outlet>x)"), "iu");
              return true;
            } catch {
              return false;
            }
          }, "not a valid regular expression"),
        kind: z.enum(["credit", "self-mention"]),
        /** Accept a name-shaped outlet that outlets.yaml does not list. */
        unknown: z.boolean().default(false),
        where: z.enum(["page", "lead", "end"]).default("page"),
      }),
    )
    .default([]),
  /** Words that end a company's name and not the outlet's ("Limited", "Inc."). */
  corporateSuffixes: names,
  /** Name-shaped text that never names an outlet ("Us" in "Follow Us on X"). */
  notOutlets: names,
});

/**
 * A furniture line may open a block of furniture (a comment section, an author blurb, a related-links list):
 * `end` — every later line is furniture too; `prose` — the lines up to the next prose paragraph are.
 */
const FurnitureBlock = {
  block: z.enum(["end", "prose"]).optional(),
  /** Reason given to the lines of the block (default: the opening line's reason). */
  blockReason: z.string().min(1).optional(),
};

const FurnitureSchema = z.object({
  /** Whole-line phrases (case-insensitive, trimmed) that are page furniture, with the reason shown in `discarded`. */
  lines: z.array(z.object({ text: z.string().min(1), reason: z.string().min(1), ...FurnitureBlock })).default([]),
  /** Regular expressions (JavaScript syntax, case-insensitive) a furniture line matches. */
  patterns: z.array(z.object({ regex: z.string().min(1), reason: z.string().min(1), ...FurnitureBlock })).default([]),
  /** Words of lorem-ipsum style filler; a line dense in them is filler. */
  fillerWords: names,
  /** Common English function words; prose is dense in them, filler and page furniture are not. */
  stopWords: names,
});

/** What a head word makes of a name: a party, an organization of a kind, or a place of kind area. */
export const HEAD_WORD_KINDS = ["party", ...ORGANIZATION_KINDS, "area"] as const;
export type HeadWordKind = (typeof HEAD_WORD_KINDS)[number];

const VocabularySchema = z.object({
  /** Titles written before a name and not part of it (Dr., Barrister, Mr.). */
  honorifics: names,
  /** Words that look like titles but are usually part of a name (Mir, Syed, Jam, Raja, Khawaja). */
  namePrefixes: names,
  /** Head words of roles (minister, president, chairman, secretary, leader). */
  roleWords: names,
  /** Capitalised words that never start or form a person's name (days, months, institutions). */
  notNames: names,
  /** Lower-case particles that may stand inside a name (ul, bin, de, van). */
  nameParticles: z.array(z.string().min(1)).optional(),
  /** Words that qualify a role next to a role word but are not one alone (former, Provincial, Finance). */
  roleModifiers: z.array(z.string().min(1)).optional(),
  /** Verbs that attribute a quote to its speaker ("said", "told", "added"), every form written out. */
  speechVerbs: z.array(z.string().min(1)).optional(),
  /** Head nouns of organisation/place names: capitalised words right before one are not a person (School, Zone). */
  organizationWords: z.array(z.string().min(1)).optional(),
  /** Head words of names, by what they make of a name ("Party" → party, "Commission" → government body, "Zone" → area). */
  headWords: z.partialRecord(z.enum(HEAD_WORD_KINDS), z.array(z.string().min(1))).optional(),
});

const FigureVocabularySchema = z.object({
  /** Figure category → nouns that name who was counted ("militants": [terrorists, gunmen]); only known categories. */
  categories: z
    .record(z.string(), names)
    .superRefine((categories, ctx) => {
      // A misspelt category would otherwise be ignored without a word.
      for (const key of Object.keys(categories)) {
        if (!(FIGURE_CATEGORIES as readonly string[]).includes(key)) {
          ctx.addIssue({
            code: "custom",
            path: [key],
            message: `unknown figure category "${key}" (known: ${FIGURE_CATEGORIES.join(", ")})`,
          });
        }
      }
    })
    .default({}),
  /** Outcome → words and phrases that say what happened ("killed": [martyred, shot dead]). */
  outcomes: z.record(z.string(), names).default({}),
  /** Outcome → words that turn an injury into it ("killed": [fatally, to death]: "fatally shot", "shot, one fatally"). */
  manner: z.record(z.string(), names).optional(),
  /** Canonical qualifier → phrases ("over": [more than, over, above]). */
  qualifiers: z.record(z.string(), names).default({}),
  /** Words for vague amounts that are not figures (dozens, several). */
  vague: names,
  /** Words allowed between a number and the counted noun ("11 unarmed civilians"). */
  modifiers: z.array(z.string().min(1)).optional(),
  /** Running totals: verbs before the number ("rose to") and the subjects they total ("death toll"). */
  tallies: z.object({ verbs: names, subjects: names }).optional(),
});

const files = {
  parties: { file: "parties.yaml", schema: z.array(PartySchema) },
  organizations: { file: "organizations.yaml", schema: z.array(OrganizationSchema) },
  places: { file: "places.yaml", schema: z.array(PlaceSchema) },
  outlets: { file: "outlets.yaml", schema: z.array(OutletSchema) },
  outletCues: { file: "outlet-cues.yaml", schema: OutletCuesSchema },
  furniture: { file: "furniture.yaml", schema: FurnitureSchema },
  vocabulary: { file: "vocabulary.yaml", schema: VocabularySchema },
  figures: { file: "figures.yaml", schema: FigureVocabularySchema },
  people: { file: "people.yaml", schema: z.array(PersonEntrySchema) },
  corrections: { file: "corrections.yaml", schema: z.array(CorrectionSchema) },
} as const;

/** Files that act on the resolved archive only: editing them must not invalidate cached extraction. */
const RESOLVE_ONLY = new Set<string>(["people", "corrections"]);

export type PartyEntry = z.infer<typeof PartySchema>;
export type OrganizationEntry = z.infer<typeof OrganizationSchema>;
export type PlaceEntry = z.infer<typeof PlaceSchema>;
export type OutletEntry = z.infer<typeof OutletSchema>;
export type OutletCues = z.infer<typeof OutletCuesSchema>;
export type Furniture = z.infer<typeof FurnitureSchema>;
export type Vocabulary = z.infer<typeof VocabularySchema>;
export type FigureVocabulary = z.infer<typeof FigureVocabularySchema>;

export interface Knowledge {
  parties: PartyEntry[];
  organizations: OrganizationEntry[];
  places: PlaceEntry[];
  outlets: OutletEntry[];
  outletCues: OutletCues;
  furniture: Furniture;
  vocabulary: Vocabulary;
  figures: FigureVocabulary;
  /** Who is who, as the user states it (knowledge/people.yaml). */
  people: PersonEntry[];
  /** The user's corrections to entities and figures (knowledge/corrections.yaml). */
  corrections: Correction[];
  /**
   * Hash of the bytes of every file extraction reads (not people.yaml or corrections.yaml, which act on
   * the resolved archive): part of the cache key, so editing data invalidates cached records.
   */
  version: string;
  /**
   * The named lists (src/knowledge/named-lists.ts) as the cache compares them: `base`, the version
   * without them, and their entries. Two loads with the same base differ only in named things, and
   * a cached record stays good for an article that names none of those (src/cache).
   */
  named: { base: string; entries: NamedListEntries };
}

/**
 * Head nouns of names of things, which no person's name ends in: organizationWords and every head
 * word ("Party", "Commission", "Zone"). Each word is written once, in one list or the other.
 */
export function organizationWordsOf(vocabulary: Vocabulary): string[] {
  return [...(vocabulary.organizationWords ?? []), ...Object.values(vocabulary.headWords ?? {}).flat()];
}

/** The project's own knowledge folder. */
export const DEFAULT_KNOWLEDGE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../knowledge");

/** Reads and checks one file; its bytes come back too, so the version hash needs no second read. */
function parseFile<S extends z.ZodType>(file: string, schema: S): { data: z.infer<S>; bytes: Buffer } | undefined {
  if (!existsSync(file)) return undefined;
  let bytes: Buffer;
  let data: unknown;
  try {
    bytes = readFileSync(file);
    data = yaml.load(bytes.toString("utf8"), { filename: file });
  } catch (error) {
    const reason = error instanceof yaml.YAMLException ? error.message.split("\n")[0] : String(error);
    throw new KnowledgeFileError(file, `not valid YAML: ${reason}`);
  }
  const parsed = schema.safeParse(data ?? undefined);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join(".")}` : "";
    throw new KnowledgeFileError(file, `does not match its schema${where}: ${issue?.message ?? "invalid"}`);
  }
  return { data: parsed.data, bytes };
}

/** Appends lists and merges maps of lists, so a second folder extends the first rather than replacing it. */
function mergeInto(target: Record<string, unknown>, data: Record<string, unknown>): void {
  for (const [field, value] of Object.entries(data)) {
    const existing = target[field];
    if (Array.isArray(existing) && Array.isArray(value)) existing.push(...value);
    else if (existing && typeof existing === "object" && value && typeof value === "object")
      mergeInto(existing as Record<string, unknown>, value as Record<string, unknown>);
    else target[field] = value;
  }
}

/**
 * Loads the knowledge files of each folder in order; lists are concatenated, so a
 * user's extra folder (`--knowledge DIR`) adds entries to the project's.
 */
export function loadKnowledge(dirs: string[] = [DEFAULT_KNOWLEDGE_DIR]): Knowledge {
  const hash = createHash("sha256");
  const base = createHash("sha256");
  const knowledge: Omit<Knowledge, "version" | "named"> = {
    parties: [],
    organizations: [],
    places: [],
    outlets: [],
    outletCues: { cues: [], corporateSuffixes: [], notOutlets: [] },
    furniture: { lines: [], patterns: [], fillerWords: [], stopWords: [] },
    vocabulary: { honorifics: [], namePrefixes: [], roleWords: [], notNames: [] },
    figures: { categories: {}, outcomes: {}, qualifiers: {}, vague: [] },
    people: [],
    corrections: [],
  };
  for (const dir of dirs) {
    for (const [key, { file, schema }] of Object.entries(files)) {
      const full = path.join(dir, file);
      const read = parseFile(full, schema);
      if (read === undefined) continue;
      const { data, bytes } = read;
      if (!RESOLVE_ONLY.has(key)) hash.update(file).update(bytes);
      if (!RESOLVE_ONLY.has(key) && !(NAMED_LISTS as readonly string[]).includes(key)) base.update(file).update(bytes);
      const target: unknown = knowledge[key as keyof typeof files];
      if (Array.isArray(target)) target.push(...(data as unknown[]));
      else mergeInto(target as Record<string, unknown>, data as Record<string, unknown>);
    }
  }
  // The gazetteer's data packages type and locate places too: a new version of them is new data.
  hash.update(gazetteerDataVersion());
  base.update(gazetteerDataVersion());
  const entries = Object.fromEntries(
    NAMED_LISTS.map((list) => [list, knowledge[list].map((entry) => JSON.stringify(entry))]),
  ) as NamedListEntries;
  return {
    ...knowledge,
    version: hash.digest("hex").slice(0, 16),
    named: { base: base.digest("hex").slice(0, 16), entries },
  };
}
