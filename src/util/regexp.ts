/** Escapes the characters that have a meaning in a regular expression, so `text` matches itself literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
