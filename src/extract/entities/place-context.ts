/**
 * Whether a name that is also a common word or surname (Hub, Kalat, Jordan) is used as a
 * place: after a locative preposition, before a place noun, or in a list with other places.
 */

/** Words that put the next name in a place: "in Hub", "from Kalat", "near Tank". */
const LOCATIVE_BEFORE = new Set([
  "in",
  "at",
  "from",
  "to",
  "near",
  "into",
  "across",
  "outside",
  "around",
  "via",
  "towards",
  "toward",
  "between",
  "inside",
  "throughout",
]);

/** Nouns that make the name before them a place: "Hub district", "Kalat city", "Tank police". */
const PLACE_NOUNS_AFTER = new Set([
  "district",
  "districts",
  "city",
  "town",
  "tehsil",
  "division",
  "area",
  "areas",
  "region",
  "province",
  "village",
  "valley",
  "port",
  "airport",
  "jail",
  "prison",
  "border",
  "road",
  "highway",
  "bazaar",
  "market",
  "cantonment",
  "administration",
  "chowk",
]);

/** What separates items of a list of places: "Awaran, Lasbela, Hub, and …". */
const LIST_GAP = /^\s*(?:,|,?\s*and|,?\s*or|&)\s*$/;

interface Extent {
  start: number;
  end: number;
}

export function inPlaceContext(text: string, span: Extent, places: Extent[]): boolean {
  const before = text
    .slice(0, span.start)
    .match(/([\p{L}]+)[\s"'“‘]*$/u)?.[1]
    ?.toLowerCase();
  if (before && LOCATIVE_BEFORE.has(before)) return true;
  const after = text
    .slice(span.end)
    .match(/^(?:['’]s)?\s+([\p{L}]+)/u)?.[1]
    ?.toLowerCase();
  if (after && PLACE_NOUNS_AFTER.has(after)) return true;
  return places.some(
    (place) =>
      place !== span &&
      ((place.end <= span.start && LIST_GAP.test(text.slice(place.end, span.start))) ||
        (span.end <= place.start && LIST_GAP.test(text.slice(span.end, place.start)))),
  );
}
