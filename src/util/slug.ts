/**
 * URL slugs: ASCII, lowercase, hyphenated. Diacritics are folded (Über → uber) so
 * slugs stay readable; text with no Latin letters at all falls back to the caller's
 * fallback (a content hash), so a non-Latin title still gets a stable address.
 */
export function slugify(text: string, maxWords = 10): string {
  const words = text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/['’`]/g, "")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return words.slice(0, maxWords).join("-");
}
