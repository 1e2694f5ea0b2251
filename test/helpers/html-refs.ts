/**
 * The href/src references of an HTML page, with the tag that holds them. A plain scan is enough here:
 * the site's own templates always quote attributes with double quotes. The content of a <script> is
 * text, not markup (the search page's Pagefind result template is such a data block), so it is skipped.
 */
export interface Reference {
  tag: string;
  attribute: "href" | "src";
  value: string;
}

const tagPattern = /<([a-zA-Z][\w-]*)\b([^>]*)>/g;
const attributePattern = /\s(href|src)="([^"]*)"/g;

/** The page with the text inside each <script> element left out. */
function withoutScriptText(html: string): string {
  return html.replace(/(<script\b[^>]*>)[\s\S]*?(<\/script>)/gi, "$1$2");
}

function decodeEntities(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

export function referencesOf(html: string): Reference[] {
  const refs: Reference[] = [];
  for (const [, tag, attributes] of withoutScriptText(html).matchAll(tagPattern)) {
    for (const [, attribute, value] of attributes.matchAll(attributePattern)) {
      refs.push({
        tag: tag.toLowerCase(),
        attribute: attribute as Reference["attribute"],
        value: decodeEntities(value),
      });
    }
  }
  return refs;
}

/** A link a person follows (<a>, <link rel=alternate>) may point elsewhere; anything else is fetched by the browser. */
export function isNavigation(ref: Reference): boolean {
  return ref.tag === "a";
}

/** The attributes of every element whose tag is `tag`, as raw strings. */
export function tagsNamed(html: string, tag: string): string[] {
  return [...withoutScriptText(html).matchAll(tagPattern)]
    .filter(([, name]) => name.toLowerCase() === tag)
    .map(([whole]) => whole);
}

/** Every opening tag in the page (for looking for event-handler attributes). */
export function openingTags(html: string): string[] {
  return [...withoutScriptText(html).matchAll(tagPattern)].map(([whole]) => whole);
}
