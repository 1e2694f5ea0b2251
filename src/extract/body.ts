import type { TextLine } from "../types.ts";

// Characters that markdown-it would read as markup inside a line of scraped prose.
const INLINE_MARKUP = /[\\`*_[\]~<>&]/g;
// Line starts that would turn prose into a heading, quote, list or table.
const BLOCK_START = /^(\s*)([#>+=|-])/;
// An ordered-list marker is escaped at its punctuation: "1\. text".
const ORDERED_LIST = /^(\s*\d+)([.)])/;

/** Escapes scraped prose so markdown-it renders it as the same text, never as markup. */
export function escapeMarkdown(text: string): string {
  return text.replace(INLINE_MARKUP, "\\$&").replace(BLOCK_START, "$1\\$2").replace(ORDERED_LIST, "$1\\$2");
}

/** The article body as markdown: one paragraph per line, subheadings as level-2 headings. */
export function bodyMarkdown(paragraphs: TextLine[]): string {
  return paragraphs
    .map((p) => (p.role === "subheading" ? `## ${escapeMarkdown(p.text)}` : escapeMarkdown(p.text)))
    .join("\n\n");
}
