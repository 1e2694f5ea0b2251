// Building the page's markup.

type Attributes = Record<string, string | boolean | null | undefined>;

/** An element with `attributes` (true: present and empty; false, null, undefined: absent) and `children`. */
export function el(tag: string, attributes: Attributes = {}, ...children: (Node | string)[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) node.setAttribute(name, "");
    else if (value !== false && value !== null && value !== undefined) node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}
