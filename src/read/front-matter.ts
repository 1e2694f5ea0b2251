/**
 * YAML front matter of a seed ("---" … "---" at the top of the file): the fields a user
 * sets by hand, which win over extraction. Parsed with gray-matter and checked with zod,
 * so a bad value is reported with the field name instead of flowing on as a wrong type.
 */
import matter from "gray-matter";
import yaml from "js-yaml";
import { z } from "zod";
import { SeedRejectedError } from "../errors.ts";
import type { FrontMatter } from "../types.ts";

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A YYYY-MM-DD string naming a real calendar day (2026-02-30 is refused). */
function isCalendarDay(value: string): boolean {
  const match = ISO_DAY.exec(value);
  if (!match) return false;
  const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return day.toISOString().slice(0, 10) === value;
}

const text = z.union([z.string(), z.number()]).transform(String);
const list = z.union([z.string(), z.array(z.string())]).transform((value) => (Array.isArray(value) ? value : [value]));
// YAML turns an unquoted 2026-02-05 into a Date at midnight UTC; read it back in UTC.
const day = z.union([
  z
    .date()
    .refine((value) => !Number.isNaN(value.getTime()))
    .transform((value) => value.toISOString().slice(0, 10)),
  z.string().refine(isCalendarDay),
]);

const FrontMatterSchema = z.object({
  title: text.optional(),
  subtitle: text.optional(),
  outlet: text.optional(),
  dateline: text.optional(),
  url: text.optional(),
  date: day.optional(),
  authors: list.optional(),
  tags: list.optional(),
  story: text.optional(),
});

/** What each field must hold, worded for the rejection reason. */
const EXPECTED: Record<string, string> = {
  date: "a date like 2026-02-05",
  authors: "a name or a list of names",
  tags: "a tag or a list of tags",
};

function describe(value: unknown): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "an invalid date" : value.toISOString();
  return JSON.stringify(value) ?? String(value);
}

export interface SplitSeed {
  frontMatter: FrontMatter;
  body: string;
  /** 1-based line of the original file where `body` starts. */
  firstLine: number;
}

/** Lines of `text` before `suffix`, when `suffix` is the end of `text`. */
function linesBefore(text: string, suffix: string): number {
  const head = text.slice(0, text.length - suffix.length);
  return head.split("\n").length - 1;
}

/** Separates front matter from the body; a seed without front matter is all body. Throws SeedRejectedError. */
export function splitFrontMatter(decoded: string): SplitSeed {
  if (!/^---[ \t]*(\n|$)/.test(decoded)) return { frontMatter: {}, body: decoded, firstLine: 1 };
  if (!/\n---[ \t]*(\n|$)/.test(decoded))
    throw new SeedRejectedError("", "front matter opened with --- on line 1 is never closed", 1);

  let parsed: matter.GrayMatterFile<string>;
  try {
    // Passing options also turns off gray-matter's cache keyed by content, so each call parses afresh.
    parsed = matter(decoded, { engines: { yaml: (source: string) => (yaml.load(source) ?? {}) as object } });
  } catch (error) {
    if (error instanceof yaml.YAMLException) {
      // gray-matter hands the engine the block starting with the rest of the "---" line, so mark line 0 is file line 1.
      const line = error.mark ? error.mark.line + 1 : undefined;
      const message = error.reason || error.message.split("\n")[0];
      throw new SeedRejectedError(
        "",
        `front matter is not valid YAML: ${message}${line ? ` (line ${line})` : ""}`,
        line,
      );
    }
    throw error;
  }

  const data: unknown = parsed.data;
  if (data === null || typeof data !== "object" || Array.isArray(data))
    throw new SeedRejectedError("", "front matter must be `key: value` fields", 1);
  // An empty value (`subtitle:`) means "not set", not "set to nothing".
  const fields = Object.fromEntries(Object.entries(data).filter(([, value]) => value !== null && value !== undefined));
  const checked = FrontMatterSchema.safeParse(fields);
  if (!checked.success) {
    const field = String(checked.error.issues[0]?.path[0] ?? "");
    const expected = EXPECTED[field] ?? "text";
    throw new SeedRejectedError("", `front matter: \`${field}\` must be ${expected}, got ${describe(fields[field])}`);
  }

  const frontMatter: FrontMatter = Object.fromEntries(
    Object.entries(checked.data).filter(([, value]) => value !== undefined),
  );
  const body = parsed.content;
  const firstLine = decoded.endsWith(body) ? linesBefore(decoded, body) + 1 : 1;
  return { frontMatter, body, firstLine };
}
