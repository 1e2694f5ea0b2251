/** Command-line number parsing shared by the bench scripts: a typo fails loudly, not as NaN. */
export function parsePositiveInt(flag: string, value: string, min = 1): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`${flag} must be an integer ≥ ${min}, got "${value}"`);
  return n;
}
