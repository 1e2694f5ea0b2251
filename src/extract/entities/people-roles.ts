/**
 * Roles and party ties written next to a name: before it ("Defence Minister Khawaja Asif",
 * "PTI's Salam Agha", "Principal Secretary to the Chief Minister Imran Zarkoon"), as an appositive
 * ("Mir Shoaib Nosherwani, provincial minister for finance and minerals;", "The Central Secretary
 * General of NP, Jan Muhammad Buledi,") or after it ("Asad Qaiser of the PTI").
 */
import type { EntitySpan } from "./named.ts";
import { canBeNameWord, nameRunEnd, type Token } from "./people-tokens.ts";

export interface RoleTies {
  roles: string[];
  parties: string[];
}

/** Small words that join the parts of one role ("Secretary to the Chief Minister", "Chief of NP"). */
const CONNECTORS = new Set(["of", "to", "the", "for", "on"]);
const DETERMINERS = new Set(["the", "a", "an"]);
const WHITESPACE = /^\s+$/;
// Parentheses may stand between a party name and its abbreviation: "Pakistan Tehreek-e-Insaf (PTI) Chairman".
const AROUND_SPAN = /^[\s()]+$/;
const APPOSITIVE_END = /[,;:.()"“”!?—–]/;

function isRoleish(token: Token): boolean {
  return token.kind === "role" || token.kind === "modifier" || token.kind === "honorific";
}

function partiesIn(spans: Iterable<EntitySpan>): string[] {
  return [...new Set([...spans].filter((span) => span.kind === "party").map((span) => span.key))];
}

/** Index of the first token of the span `tokens[index]` belongs to. */
function spanStartIndex(tokens: readonly Token[], index: number): number {
  const span = tokens[index].span;
  let first = index;
  while (first > 0 && tokens[first - 1].span === span) first--;
  return first;
}

function phraseText(text: string, tokens: readonly Token[], first: number, last: number): string {
  const start = tokens[first].span?.start ?? tokens[first].start;
  // A closing bracket of a party's abbreviation stays with it: "Pakistan Muslim League (N)".
  const end = Math.max(tokens[last].end, tokens[last].span?.end ?? 0);
  return text.slice(start, end).replace(/\s+/g, " ");
}

/**
 * The role written right before a name (before its honorific): role words, their modifiers,
 * party/place/organization names, Title-Case words of the title, and connectors between them.
 * `acrossComma` reads "The Central Secretary General of NP, Jan Muhammad Buledi": the role
 * must then open the sentence.
 */
export function roleBefore(
  text: string,
  tokens: readonly Token[],
  boundary: number,
  isOrdinary: (token: Token) => boolean,
  acrossComma = false,
): RoleTies {
  const none: RoleTies = { roles: [], parties: [] };
  let index = boundary - 1;
  if (index < 0) return none;
  const gapToName = text.slice(tokens[index].rawEnd, tokens[boundary]?.start ?? text.length);
  if (!(acrossComma ? /^\s*,\s*$/ : WHITESPACE).test(gapToName)) return none;

  // "PTI's Salam Agha": a party in the possessive right before the name ties the person to it.
  const adjacent = tokens[index];
  if (adjacent.possessive) {
    if (acrossComma || adjacent.span?.kind !== "party") return none;
    return { roles: [`${adjacent.span.text} leader`], parties: [adjacent.span.key] };
  }

  let first = boundary;
  while (index >= 0) {
    const token = tokens[index];
    if (index < boundary - 1) {
      const right = tokens[index + 1];
      const gap = text.slice(token.rawEnd, right.start);
      if (!(WHITESPACE.test(gap) || ((token.span || right.span) && AROUND_SPAN.test(gap)))) break;
    }
    if (token.possessive) {
      // A possessive opens the noun phrase: "Pakistan's defence minister", "employees' representative".
      first = token.span ? spanStartIndex(tokens, index) : index;
      break;
    }
    if (token.span) {
      first = spanStartIndex(tokens, index);
      index = first - 1;
      continue;
    }
    const sawHead = tokens.slice(first, boundary).some((kept) => kept.kind === "role");
    const joins =
      isRoleish(token) ||
      // Title-Case words of a title: "Senate Opposition Leader", "Hazara Democratic Party leader".
      // A nationality opens one too ("Indian Prime Minister"); a sentence-opening "Meanwhile" does not.
      (token.capitalised && sawHead && (token.kind !== "not" || !isOrdinary(token))) ||
      // A role that opens the sentence may end in a name: "Former Chief Minister of Sindh, Qaim Ali Jatoi".
      (acrossComma && token.capitalised && token.kind !== "not") ||
      // joins two parts of a role; dropped below when nothing role-like stands before it
      (!token.capitalised && CONNECTORS.has(token.key) && first < boundary);
    if (!joins) break;
    first = index;
    index--;
  }

  const opener = (index: number) => tokens[index].kind === "not" && (isOrdinary(tokens[index]) || index === 0);
  while (first < boundary && (CONNECTORS.has(tokens[first].key) || opener(first))) first++;
  if (first >= boundary || !tokens.slice(first, boundary).some((token) => token.kind === "role")) return none;
  // Only determiners may stand between the sentence start and a role set off by a comma.
  if (acrossComma && !tokens.slice(0, first).every((token) => DETERMINERS.has(token.key))) return none;
  const spans = tokens.slice(first, boundary).flatMap((token) => (token.span ? [token.span] : []));
  return { roles: [phraseText(text, tokens, first, boundary - 1)], parties: partiesIn(spans) };
}

/**
 * Roles and parties written after a name: "X, provincial minister for finance and minerals;",
 * "X, Chief of NP and former Chief Minister of Balochistan,", "X of the Pakistan Peoples Party (PPP)".
 */
export function roleAfter(text: string, tokens: readonly Token[], last: number): RoleTies {
  const none: RoleTies = { roles: [], parties: [] };
  const nameEnd = tokens[last];
  if (nameEnd.possessive || last + 1 >= tokens.length) return none;
  const next = tokens[last + 1];
  const gap = text.slice(nameEnd.rawEnd, next.start);

  if (/^\s*\(\s*$/.test(gap) || /^\s+$/.test(gap)) {
    // "Inayat Shah of the National Democratic Movement", "Asad Qaiser (PTI)"
    let index = last + 1;
    if (/^\s+$/.test(gap)) {
      if (tokens[index].key !== "of") return none;
      index++;
      if (tokens[index]?.key === "the") index++;
    }
    const span = tokens[index]?.span;
    return span?.kind === "party" ? { roles: [], parties: [span.key] } : none;
  }
  if (!/^\s*,\s*$/.test(gap)) return none;
  return appositive(text, tokens, last + 1);
}

function appositive(text: string, tokens: readonly Token[], from: number): RoleTies {
  const none: RoleTies = { roles: [], parties: [] };
  let index = from;
  while (index < tokens.length && DETERMINERS.has(tokens[index].key) && !tokens[index].capitalised) index++;
  const start = index;
  let sawHead = false;
  let sawConnectorAfterHead = false;
  let closed = false;
  for (; index < tokens.length && index - start < 10; index++) {
    const token = tokens[index];
    const roleish = token.span !== null || isRoleish(token) || token.possessive;
    if (!sawHead && !roleish && !(token.capitalised && token.kind !== "not")) return none;
    if (token.kind === "role") sawHead = true;
    else if (sawHead && !token.capitalised && !roleish) {
      if (CONNECTORS.has(token.key) || token.key === "and") sawConnectorAfterHead = true;
      else if (!sawConnectorAfterHead) return none;
    }
    // Inside a sentence a full stop ends an abbreviation, not the appositive: only the gap decides.
    const after = index + 1 < tokens.length ? text.slice(token.rawEnd, tokens[index + 1].start) : "";
    if (index + 1 >= tokens.length || APPOSITIVE_END.test(after)) {
      closed = true;
      break;
    }
  }
  if (!closed || !sawHead || namesAnotherPerson(text, tokens, start, index)) return none;
  const roles = splitConjoinedRoles(tokens, start, index).map(([first, last]) => phraseText(text, tokens, first, last));
  const spans = tokens.slice(start, index + 1).flatMap((token) => (token.span ? [token.span] : []));
  return { roles, parties: partiesIn(spans) };
}

/**
 * Splits a role phrase at "and" when both sides hold a role word: "Chief of NP and former Chief
 * Minister of Balochistan" → two roles; "minister for finance and minerals" stays one.
 * Returns [first, last] token indexes of each role.
 */
function splitConjoinedRoles(tokens: readonly Token[], from: number, to: number): [number, number][] {
  const parts: [number, number][] = [];
  let partStart = from;
  const hasHead = (a: number, b: number) => tokens.slice(a, b + 1).some((token) => token.kind === "role");
  for (let index = from; index <= to; index++) {
    const token = tokens[index];
    if (token.key !== "and" || token.capitalised) continue;
    if (index > partStart && index < to && hasHead(partStart, index - 1) && hasHead(index + 1, to)) {
      parts.push([partStart, index - 1]);
      partStart = index + 1;
    }
  }
  parts.push([partStart, to]);
  return parts;
}

/**
 * In a list ("X, provincial minister; Y, ..., and Special Secretary Finance Z") the words after a
 * comma may be the next person's role and name, not an appositive: a run of name words that is
 * not part of an organisation's name, or an honorific, gives it away.
 */
function namesAnotherPerson(text: string, tokens: readonly Token[], from: number, to: number): boolean {
  for (let index = from; index <= to; index++) {
    if (tokens[index].kind === "honorific") return true;
    if (!canBeNameWord(tokens, index)) continue;
    const last = nameRunEnd(text, tokens, index);
    const next = tokens[last + 1];
    if (!next || (next.kind !== "organization" && next.span === null)) return true;
    index = last;
  }
  return false;
}
