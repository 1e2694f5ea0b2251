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

/** Loads a classic script (which pages opened from disk can load, unlike modules); resolves when it has run. */
export function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`search: cannot load ${src}`));
    document.head.append(script);
  });
}
