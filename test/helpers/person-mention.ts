import type { PersonMention } from "../../src/types.ts";

/** A person as one article names them, with nothing but the name and its other spellings. */
export const personMention = (name: string, variants: string[] = []): PersonMention => ({
  name,
  honorific: null,
  variants,
  roles: [],
  parties: [],
  evidence: [],
});
