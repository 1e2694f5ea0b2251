/**
 * The archive as it enters the site: checked by a schema so a stale or hand-edited archive fails
 * with a readable message naming the field, instead of a template rendering "undefined".
 */
import { z } from "zod";
import { type Archive, FIGURE_CATEGORIES, ORGANIZATION_KINDS, PLACE_KINDS } from "../types.ts";

/** Slugs become folder names in the output: one path segment, never "." or "..". */
const slug = z
  .string()
  .min(1)
  .regex(/^[^/\\]+$/, "a slug is one path segment")
  .refine((value) => value !== "." && value !== "..", "a slug cannot be . or ..");

const evidence = z.object({ line: z.number(), text: z.string() });
const discarded = z.object({ line: z.number(), text: z.string(), reason: z.string() });
const figureCategory = z.enum(FIGURE_CATEGORIES);

const figure = z.object({
  value: z.number(),
  qualifier: z.string().nullable(),
  what: z.string(),
  category: figureCategory,
  outcome: z.string(),
  period: z.string().nullable(),
  place: z.string().nullable(),
  text: z.string(),
  line: z.number(),
  partOf: z.object({ value: z.number(), what: z.string() }).optional(),
});

const eventDate = z.object({
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
  what: z.string(),
  text: z.string(),
  inferred: z.string().optional(),
});

const mentionLink = z.object({
  kind: z.enum(["person", "party", "organization", "place"]),
  slug,
  forms: z.array(z.string()),
  evidence: z.array(evidence),
});

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");

const article = z.object({
  slug,
  url: z.string(),
  source: z.object({ file: z.string().min(1), sha256: z.string(), duplicates: z.array(z.string()) }),
  title: z.string(),
  titleFrom: z.enum(["headline", "front-matter", "lead"]),
  subtitle: z.string().nullable(),
  date: isoDay.nullable(),
  dateFrom: z.enum(["text", "front-matter", "inferred"]).nullable(),
  dateEvidence: z.string().nullable(),
  outlet: z.string().nullable(),
  outletSlug: z.string().nullable(),
  outletFrom: z.enum(["text", "credit", "self-mention", "signature", "front-matter"]).nullable(),
  outletEvidence: z.string().nullable(),
  authors: z.array(z.string()),
  authorsEvidence: z.string().nullable(),
  dateline: z.string().nullable(),
  datelineEvidence: z.string().nullable(),
  body: z.string(),
  discarded: z.array(discarded),
  people: z.array(z.string()),
  peopleDetail: z.array(
    z.object({ slug: z.string(), name: z.string(), roles: z.array(z.string()), parties: z.array(z.string()) }),
  ),
  parties: z.array(z.string()),
  organizations: z.array(z.string()),
  places: z.array(z.string()),
  mentions: z.array(mentionLink),
  figures: z.array(figure),
  events: z.array(eventDate),
  flags: z.array(z.string()),
  url_original: z.string().nullable(),
  tags: z.array(z.string()),
  quotes: z.array(z.object({ person: slug, text: z.string(), line: z.number() })),
  story: slug,
  copyOf: slug.nullable(),
});

const named = { slug, name: z.string(), articles: z.array(z.string()) };

export const archiveSchema = z.object({
  articles: z.array(article),
  people: z.array(
    z.object({
      ...named,
      variants: z.array(z.string()),
      roles: z.array(z.string()),
      parties: z.array(z.string()),
      mentions: z.array(
        z.object({ article: slug, sentence: z.string(), line: z.number(), role: z.string().nullable() }),
      ),
    }),
  ),
  parties: z.array(
    z.object({ ...named, abbr: z.string().nullable(), variants: z.array(z.string()), members: z.array(z.string()) }),
  ),
  organizations: z.array(
    z.object({
      ...named,
      kind: z.enum(ORGANIZATION_KINDS),
      variants: z.array(z.string()),
    }),
  ),
  places: z.array(
    z.object({
      ...named,
      kind: z.enum(PLACE_KINDS),
      in: z.string().nullable(),
      country: z.string().nullable(),
      lat: z.number().min(-90).max(90).nullable(),
      lon: z.number().min(-180).max(180).nullable(),
      variants: z.array(z.string()),
    }),
  ),
  outlets: z.array(z.object(named)),
  stories: z.array(
    z.object({
      slug,
      title: z.string(),
      articles: z.array(slug),
      start: z.string().nullable(),
      end: z.string().nullable(),
      outlets: z.array(slug),
      people: z.array(slug),
      organizations: z.array(slug),
      places: z.array(slug),
      figures: z.array(
        z.object({
          category: figureCategory,
          outcome: z.string(),
          claims: z.array(
            z.object({
              article: slug,
              figure: z.number().int().nonnegative(),
              value: z.number(),
              qualifier: z.string().nullable(),
              category: figureCategory,
              outcome: z.string(),
              outlet: slug.nullable(),
              date: z.string().nullable(),
              period: z.string().nullable(),
              place: slug.nullable(),
              role: z.enum(["total", "part"]),
              copy: z.boolean(),
            }),
          ),
          low: z.number(),
          high: z.number(),
          best: z.number(),
          conservative: z.number(),
          sources: z.number().int().nonnegative(),
          grading: z.enum(["single source", "corroborated"]),
        }),
      ),
    }),
  ),
  rejected: z.array(z.object({ file: z.string(), reason: z.string(), line: z.number().optional() })),
  unmatchedCorrections: z.array(z.string()),
}) satisfies z.ZodType<Archive>;

/** Check an archive; throws an error listing each bad field by path. */
export function parseArchive(data: unknown, origin = "archive"): Archive {
  const result = archiveSchema.safeParse(data);
  if (!result.success)
    throw new Error(`${origin} does not match the archive schema:\n${z.prettifyError(result.error)}`);
  return result.data;
}

/** Records already checked: a record whose digest (src/archive) is `passed` needs no check. */
export interface CheckedRecords {
  digestOf(record: object): string | undefined;
  passed: ReadonlySet<string>;
}

/**
 * Checks an archive already in memory and returns that same object. Each record is checked on its own, so
 * the copy zod makes of it is dropped at once: a copy of the whole archive lived beside the original (+123
 * MiB at 10,000 articles) and, made over seconds, was copied into the old generation on the way.
 *
 * With `checked`, a record whose digest passed before is left out: equal digests are equal JSON, so it
 * passes again (0.8 s of a 10,000-article rebuild). The one difference from a full check is a value JSON
 * cannot hold (NaN written as null), which the full check would refuse and the archive's files hold as valid.
 */
export function checkArchive(archive: Archive, origin = "archive", checked?: CheckedRecords): Archive {
  const passedBefore = (record: unknown): boolean => {
    if (!checked || typeof record !== "object" || record === null) return false;
    const digest = checked.digestOf(record);
    return digest !== undefined && checked.passed.has(digest);
  };
  const fields = archiveSchema.shape;
  // Every field of the archive is a list of records.
  const valid =
    typeof archive === "object" &&
    archive !== null &&
    (Object.keys(fields) as (keyof typeof fields)[]).every((field) => {
      const list: unknown = archive[field];
      const element = fields[field].element;
      return Array.isArray(list) && list.every((record) => passedBefore(record) || element.safeParse(record).success);
    });
  // A failure is reported from the whole archive, so its paths give each bad record's true position.
  if (!valid) parseArchive(archive, origin);
  return archive;
}
