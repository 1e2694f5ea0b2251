import type { Metadata } from "../../src/types.ts";

/** An article's metadata with nothing found, but for what `found` gives. */
export function emptyMetadata(found: Partial<Metadata> = {}): Metadata {
  return {
    title: "",
    titleFrom: "lead",
    subtitle: null,
    date: null,
    dateFrom: null,
    dateEvidence: null,
    outlet: null,
    outletFrom: null,
    outletEvidence: null,
    authors: [],
    authorsEvidence: null,
    dateline: null,
    datelineEvidence: null,
    events: [],
    ...found,
  };
}
