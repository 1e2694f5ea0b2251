/**
 * Article bodies: markdown → HTML with markdown-it (raw HTML off, so text such as "<script>" stays text),
 * and the FIRST mention of each entity linked to its page.
 *
 * Linking works on markdown-it's text tokens, never on the HTML string, so escaping is markdown-it's
 * and a surface form can never match inside a tag or attribute.
 */
import markdownIt, { type Env, type MarkdownIt, type StateCore, type Token } from "markdown-it";
import type { MentionLink } from "../types.ts";
import { type EntityKind, entityUrl, relativeHref } from "../urls.ts";

interface LinkTarget {
  key: string;
  href: string;
  kind: EntityKind;
}

interface FormMatch {
  start: number;
  end: number;
  target: LinkTarget;
}

interface LinkingEnv extends Env {
  mentions: LinkedMention[];
  pageUrl: string;
}

const wordChar = /[\p{L}\p{N}]/u;

/** Every whole-word occurrence of every form in `text`. */
function findForms(text: string, forms: { form: string; target: LinkTarget }[]): FormMatch[] {
  const found: FormMatch[] = [];
  for (const { form, target } of forms) {
    // Left to right, never overlapping itself: what matchAll of the escaped form would find, without a
    // RegExp per form and text.
    for (let start = text.indexOf(form); start >= 0; start = text.indexOf(form, start + form.length)) {
      const end = start + form.length;
      const before = text[start - 1];
      const after = text[end];
      if ((before && wordChar.test(before)) || (after && wordChar.test(after))) continue;
      found.push({ start, end, target });
    }
  }
  // Earliest first; at one position the longest form wins ("Asghar Khan Achakzai" over "Achakzai").
  return found.sort((a, b) => a.start - b.start || b.end - a.end);
}

function linkTokens(state: StateCore, target: LinkTarget, text: string): Token[] {
  const open = new state.Token("link_open", "a", 1);
  open.attrSet("href", target.href);
  open.attrSet("class", `entity-link entity-${target.kind}`);
  const label = new state.Token("text", "", 0);
  label.content = text;
  const close = new state.Token("link_close", "a", -1);
  return [open, label, close];
}

function textToken(state: StateCore, text: string): Token {
  const token = new state.Token("text", "", 0);
  token.content = text;
  return token;
}

/**
 * Pick, left to right, the matches of one text token that become links. Matches of entities linked
 * earlier still consume their text, so a shorter form of another entity is never linked inside a later
 * mention of the first ("Achakzai" inside a second "Asghar Khan Achakzai").
 */
function chooseLinks(text: string, forms: { form: string; target: LinkTarget }[], linked: Set<string>): FormMatch[] {
  const chosen: FormMatch[] = [];
  let cursor = 0;
  for (const match of findForms(text, forms)) {
    if (match.start < cursor) continue;
    cursor = match.end;
    if (linked.has(match.target.key)) continue;
    linked.add(match.target.key);
    chosen.push(match);
  }
  return chosen;
}

/** Core rule: split text tokens around first mentions and wrap those in links. */
function linkFirstMentions(state: StateCore): void {
  const env = state.env as Partial<LinkingEnv>;
  if (!env.mentions?.length || env.pageUrl === undefined) return;
  const pageUrl = env.pageUrl;
  const forms = env.mentions.flatMap((mention) => {
    const target: LinkTarget = {
      key: `${mention.kind}:${mention.slug}`,
      href: relativeHref(entityUrl(mention.kind, mention.slug), pageUrl),
      kind: mention.kind,
    };
    return mention.forms.filter((form) => form.trim().length > 0).map((form) => ({ form, target }));
  });
  const linked = new Set<string>();

  for (const block of state.tokens) {
    if (block.type !== "inline" || !block.children) continue;
    const output: Token[] = [];
    let linkDepth = 0;
    for (const token of block.children) {
      if (token.type === "link_open") linkDepth++;
      if (token.type === "link_close") linkDepth--;
      const links = token.type === "text" && linkDepth === 0 ? chooseLinks(token.content, forms, linked) : [];
      if (links.length === 0) {
        output.push(token);
        continue;
      }
      let cursor = 0;
      for (const link of links) {
        if (link.start > cursor) output.push(textToken(state, token.content.slice(cursor, link.start)));
        output.push(...linkTokens(state, link.target, token.content.slice(link.start, link.end)));
        cursor = link.end;
      }
      if (cursor < token.content.length) output.push(textToken(state, token.content.slice(cursor)));
    }
    block.children = output;
  }
}

function createRenderer(): MarkdownIt {
  // html: false — article text is untrusted; "<script>" in a seed must render as text.
  const md = markdownIt({ html: false, linkify: false, typographer: false });
  // Images would make the browser fetch whatever URL a seed names; the archive makes no external request.
  md.disable("image");
  md.core.ruler.push("link_first_mentions", linkFirstMentions);
  return md;
}

const renderer = createRenderer();

/** What linking reads of a mention: which entity, and its forms as written. */
export type LinkedMention = Pick<MentionLink, "kind" | "slug" | "forms">;

/** HTML of an article body for the page at `pageUrl`, first mention of each entity linked relatively. */
export function renderArticleBody(body: string, mentions: LinkedMention[], pageUrl: string): string {
  const env: LinkingEnv = { mentions, pageUrl };
  return renderer.render(body, env);
}

const plainParser = markdownIt({ html: false, linkify: false, typographer: false });

/** The text of a markdown article body, without markup: one line per block, for the search fallback. */
export function articlePlainText(body: string): string {
  const blocks: string[] = [];
  for (const token of plainParser.parse(body, {})) {
    if (token.type === "inline") {
      const text = (token.children ?? [])
        .map((child) =>
          child.type === "text" || child.type === "code_inline"
            ? child.content
            : child.type === "softbreak" || child.type === "hardbreak"
              ? " "
              : child.type === "image"
                ? child.content
                : "",
        )
        .join("");
      if (text.trim()) blocks.push(text.trim());
    } else if ((token.type === "fence" || token.type === "code_block") && token.content.trim()) {
      blocks.push(token.content.trim());
    }
  }
  return blocks.join("\n");
}
