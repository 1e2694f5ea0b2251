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

/** Hands out unique slugs in call order: the second claimant of "x" gets "x-2", and so on. */
export class SlugRegistry {
  private readonly taken = new Set<string>();

  claim(base: string): string {
    let slug = base;
    for (let n = 2; this.taken.has(slug); n++) slug = `${base}-${n}`;
    this.taken.add(slug);
    return slug;
  }
}
