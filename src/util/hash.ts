/** Fast non-cryptographic hashing, for decisions a collision only makes slower, never wrong. */

/** FNV-1a's start, and its prime: `hash = Math.imul(hash ^ unit, FNV_PRIME)` for each unit hashed. */
export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

/**
 * A 32-bit FNV-1a hash of a string's UTF-16 code units. Strings that differ in their last characters only
 * ("article-17", "article-18") get hashes alike in most bits: to choose one in N by the hash, `mixed` it.
 */
export function fnv1a(text: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash;
}

/** `hash` with its bits spread over all 32 (MurmurHash3's finaliser), as an unsigned number. */
export function mixed(hash: number): number {
  let h = hash;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
