/**
 * The record shape is written once, in src/types.ts; the archive schema (src/render/archive-schema.ts) must
 * satisfy it (checked by the type checker), and the README's picture of archive.json and the kinds the
 * knowledge files may use are checked against them here.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import type { z } from "zod";
import type { OrganizationEntry, PlaceEntry } from "../src/knowledge/index.ts";
import { archiveSchema } from "../src/render/archive-schema.ts";
import { ORGANIZATION_KINDS, type OrganizationKind, PLACE_KINDS, type PlaceKind } from "../src/types.ts";

/** Field name (with "?" when optional) → its fields when it is a record or a list of records. */
type Fields = Map<string, Fields | null>;

/** The fields of a zod schema: an object's keys, through arrays, nullables, optionals and defaults. */
function schemaFields(schema: z.ZodType): Fields | null {
  const def = schema._zod.def as {
    type: string;
    shape?: Record<string, z.ZodType>;
    element?: z.ZodType;
    innerType?: z.ZodType;
  };
  if (def.type === "array") return schemaFields(def.element!);
  if (def.innerType) return schemaFields(def.innerType);
  if (def.type !== "object") return null;
  const fields: Fields = new Map();
  for (const [name, field] of Object.entries(def.shape!)) {
    fields.set(field._zod.optin === "optional" ? `${name}?` : name, schemaFields(field));
  }
  return fields;
}

/** The fields of the README's archive.json sketch: `{ "a", "b": { "c" }, "d": [ { "e" } ], "f"? }`. */
function sketchFields(sketch: string): Fields {
  const tokens = sketch.match(/"[^"]*"\??|[{}[\]]/g) ?? [];
  let at = 0;
  const record = (): Fields => {
    const fields: Fields = new Map();
    assert.equal(tokens[at++], "{");
    while (tokens[at] !== "}") {
      const name = tokens[at++].replace(/"/g, "");
      let nested: Fields | null = null;
      if (tokens[at] === "[") {
        at++;
        if (tokens[at] === "{") nested = record();
        assert.equal(tokens[at++], "]");
      } else if (tokens[at] === "{") nested = record();
      fields.set(name, nested);
    }
    at++;
    return fields;
  };
  return record();
}

const asObject = (fields: Fields | null): unknown =>
  fields && Object.fromEntries([...fields].map(([name, nested]) => [name, asObject(nested)]));

test("the README's archive.json lists the archive schema's fields", () => {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const sketch = /### archive\.json\n[^#]*?```\n([\s\S]*?)```/.exec(readme)?.[1];
  assert.ok(sketch, "README.md has an archive.json section with a code block");
  assert.deepEqual(asObject(sketchFields(sketch)), asObject(schemaFields(archiveSchema)));
});

test("the README's and the knowledge files' kinds of place and organization are the record's", () => {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const placeKinds = /kind: city\s+# (.*)/.exec(readme)?.[1].split(" | ");
  assert.deepEqual(placeKinds, [...PLACE_KINDS]);
  // The knowledge schemas' kinds, checked by the type checker: each line fails to compile if they differ.
  const sameOrganizationKinds: Same<OrganizationEntry["kind"], OrganizationKind> = true;
  const samePlaceKinds: Same<PlaceEntry["kind"], PlaceKind> = true;
  assert.ok(sameOrganizationKinds && samePlaceKinds && ORGANIZATION_KINDS.length > 0);
});

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
