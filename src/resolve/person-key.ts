/**
 * Matching keys for person names across articles. Transliterated names vary in their
 * vowels (Sarfraz / Sarfaraz, Mehmood / Mahmood) far more than in their consonants,
 * so two names match when each token has the same consonant skeleton.
 */

/** Lowercase ASCII tokens of a name, diacritics folded. */
export function nameTokens(name: string): string[] {
  return name
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
}

/** The token without vowels after its first letter, and with doubled letters single: "sarfaraz" → "srfrz". */
export function consonantSkeleton(token: string): string {
  const first = token[0] ?? "";
  const rest = token
    .slice(1)
    .replace(/[aeiouy]/g, "")
    .replace(/(.)\1+/g, "$1");
  return first + rest;
}

/** Key of a full name: the skeletons of its tokens, in order. */
export function personKey(name: string): string {
  return nameTokens(name).map(consonantSkeleton).join(" ");
}
