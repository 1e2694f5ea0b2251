/**
 * Freezes `value` and everything it holds, for what a long-lived process keeps from one build to the next
 * (src/ingest/kept.ts, src/resolve/infer-years.ts): a build that tried to change a kept object in place would
 * change the next build's input, and throws instead.
 */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return value;
  Object.freeze(value);
  if (Array.isArray(value)) for (const item of value) deepFreeze(item);
  else for (const key in value) deepFreeze((value as Record<string, unknown>)[key]);
  return value;
}
