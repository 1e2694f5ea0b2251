/**
 * Corrections a user makes to the archive, as data: `people.yaml` (who is who: aliases that are
 * one person, names that are not people, a person's party and role) and `corrections.yaml` (any
 * entity renamed, merged, rejected or given a kind or a point; any figure rejected or amended).
 * They act on the resolved archive, not on extraction, so editing them re-extracts nothing.
 */
import { z } from "zod";
import { FIGURE_CATEGORIES } from "../types.ts";

const name = z.string().trim().min(1);

export const PersonEntrySchema = z
  .object({
    /** The name the archive gives this person. */
    name,
    /** Every other name the person appears under; all of them are one person. */
    aliases: z.array(name).default([]),
    /** The name is not a person (a place or a title read as a name): drop it. */
    notPerson: z.boolean().default(false),
    /** A party the person belongs to: its name or abbreviation as parties.yaml or the archive has it. */
    party: name.optional(),
    /** A role the person holds ("Chief Minister of Balochistan"). */
    role: name.optional(),
  })
  .strict();

export const ENTITY_KINDS = ["person", "party", "organization", "place"] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

const entityCorrection = z
  .object({
    /** Which kind of entity, and its name or any spelling of it as the archive shows it. */
    entity: z.enum(ENTITY_KINDS),
    name,
    /** A new display name; the old one stays as a spelling. */
    rename: name.optional(),
    /** Merge into the entity of the same kind with this name. */
    merge: name.optional(),
    /** Spellings that belong to another entity: the articles using them move to a new one, named first. */
    split: z.array(name).min(1).optional(),
    /** Not a real entity: drop it from every article. */
    reject: z.literal(true).optional(),
    /** A place's or organization's kind. */
    kind: z.string().min(1).optional(),
    lat: z.number().min(-90).max(90).optional(),
    lon: z.number().min(-180).max(180).optional(),
  })
  .strict()
  .refine((c) => (c.lat === undefined) === (c.lon === undefined), "lat and lon go together");

const figureCorrection = z
  .object({
    /** The figure: its article's slug, the seed line it was read from and its value. */
    figure: z.object({ article: name, line: z.number().int().positive(), value: z.number() }).strict(),
    reject: z.literal(true).optional(),
    value: z.number().optional(),
    outcome: name.optional(),
    category: z.enum(FIGURE_CATEGORIES).optional(),
    /** The place's name as the archive has it, or null for none. */
    place: name.nullable().optional(),
  })
  .strict();

export const CorrectionSchema = z.union([entityCorrection, figureCorrection]);

export type PersonEntry = z.infer<typeof PersonEntrySchema>;
export type EntityCorrection = z.infer<typeof entityCorrection>;
export type FigureCorrection = z.infer<typeof figureCorrection>;
export type Correction = z.infer<typeof CorrectionSchema>;

export const isFigureCorrection = (c: Correction): c is FigureCorrection => "figure" in c;
