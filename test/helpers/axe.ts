/**
 * axe-core's accessibility violations on a page, one line each ("rule: help (targets)").
 *
 * axe is injected as a script, which the pages' CSP rightly forbids: the page's context must be opened
 * with `bypassCSP: true`. It is injected once per document, so a page checked again (another colour
 * scheme, another width) does not parse axe's 500 KB again.
 */
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";

// From this file, not the working folder: a test run from elsewhere finds it too.
const axePath = fileURLToPath(new URL("../../node_modules/axe-core/axe.min.js", import.meta.url));

export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: { run(): Promise<{ violations: { id: string; help: string; nodes: { target: unknown }[] }[] }> };
    };
    const result = await axe.run();
    return result.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")})`,
    );
  });
}

/** Sets the page's width, keeping its height, and gives how far its content runs past the viewport (0 if not). */
export async function overflowAt(page: Page, width: number): Promise<number> {
  const size = page.viewportSize();
  if (size?.width !== width) await page.setViewportSize({ width, height: size?.height ?? 900 });
  return page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth));
}
