// The search's state in the page's address, so a search can be shared, cited, reloaded and gone back to:
// ?q=<query>&<filter>=<value>…&sort=date|date-asc (a filter repeated for each value selected).
import type { Selected } from "./types.ts";

export interface SearchState {
  q: string;
  selected: Selected;
  /** The order select's value: "" (best match), "date:desc" or "date:asc". */
  sort: string;
}

/** The order select's values by their name in the address. */
const SORTS: Record<string, string> = { date: "date:desc", "date-asc": "date:asc" };
const sortName = (value: string) => Object.keys(SORTS).find((name) => SORTS[name] === value) ?? null;

/** The state a query string (location.search) gives, keeping the filters the page has. */
export function readState(search: string, filterNames: readonly string[]): SearchState {
  const params = new URLSearchParams(search);
  const selected: Selected = {};
  for (const name of filterNames) {
    const values = [...new Set(params.getAll(name).filter(Boolean))];
    if (values.length) selected[name] = values;
  }
  return { q: params.get("q") ?? "", selected, sort: SORTS[params.get("sort") ?? ""] ?? "" };
}

/** The query string of `state` ("" when it is empty), filters in the page's order. */
export function stateQuery(state: SearchState, filterNames: readonly string[]): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set("q", state.q);
  for (const name of filterNames) for (const value of state.selected[name] ?? []) params.append(name, value);
  const sort = sortName(state.sort);
  if (sort) params.set("sort", sort);
  const text = params.toString();
  return text ? `?${text}` : "";
}

/**
 * Puts `state` in the address: a new history entry when asked (a filter or order chosen), else replacing
 * the current one (typing). Nothing when the address already says it.
 */
export function writeState(state: SearchState, filterNames: readonly string[], push: boolean): void {
  const query = stateQuery(state, filterNames);
  if (query === location.search) return;
  const url = `${location.pathname}${query}${location.hash}`;
  if (push) history.pushState(null, "", url);
  else history.replaceState(null, "", url);
}
