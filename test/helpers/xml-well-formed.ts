/**
 * A small XML well-formedness check (no XML parser is installed): one root element, tags nested and
 * closed in order, attributes quoted and unique, only predefined or numeric entity references, no raw
 * "<" or "&" in text. Returns the problems found (empty when well-formed).
 */
const namePattern = "[A-Za-z_:][\\w:.-]*";
const tagPattern = new RegExp(`^<(/?)(${namePattern})((?:\\s+${namePattern}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>`);
const attributePattern = new RegExp(`(${namePattern})\\s*=`, "g");
const entityPattern = /&(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/y;

export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  const text = xml.replace(/^\uFEFF/, "");
  if (text.startsWith("<?xml")) i = text.indexOf("?>") + 2;
  while (i < text.length && problems.length < 10) {
    const char = text[i];
    if (char === "<") {
      if (text.startsWith("<!--", i)) {
        const end = text.indexOf("-->", i);
        if (end < 0) problems.push(`unclosed comment at ${i}`);
        i = end < 0 ? text.length : end + 3;
        continue;
      }
      if (text.startsWith("<![CDATA[", i)) {
        const end = text.indexOf("]]>", i);
        if (end < 0) problems.push(`unclosed CDATA at ${i}`);
        i = end < 0 ? text.length : end + 3;
        continue;
      }
      const match = tagPattern.exec(text.slice(i));
      if (!match) {
        problems.push(`malformed tag at ${i}: ${text.slice(i, i + 40)}`);
        break;
      }
      const [whole, closing, name, attributes, selfClosing] = match;
      const names = [...attributes.matchAll(attributePattern)].map((m) => m[1]);
      if (new Set(names).size !== names.length) problems.push(`duplicate attribute in <${name}>`);
      if (closing) {
        const open = stack.pop();
        if (open !== name) problems.push(`</${name}> closes <${open ?? "nothing"}>`);
      } else if (!selfClosing) {
        if (stack.length === 0) roots++;
        stack.push(name);
      } else if (stack.length === 0) {
        roots++;
      }
      i += whole.length;
      continue;
    }
    if (char === "&") {
      entityPattern.lastIndex = i;
      if (!entityPattern.test(text)) problems.push(`bad entity reference at ${i}: ${text.slice(i, i + 12)}`);
      i++;
      continue;
    }
    if (stack.length === 0 && !/\s/.test(char)) problems.push(`text outside the root element at ${i}`);
    i++;
  }
  if (stack.length) problems.push(`unclosed elements: ${stack.join(", ")}`);
  if (roots !== 1) problems.push(`expected one root element, found ${roots}`);
  return problems;
}
