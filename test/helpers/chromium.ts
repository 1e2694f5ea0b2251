/**
 * Launches Debian's Chromium (apt-get install chromium) headless for the browser tests.
 *
 * When /usr/bin/chromium is missing: in CI the tests fail; elsewhere they fail too, loudly, unless
 * SKIP_BROWSER=1 says to skip them — so a missing browser is never mistaken for a passing run.
 */
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

const chromiumPath = "/usr/bin/chromium";

export type BrowserAvailability = { available: true } | { available: false; skipReason: string };

export function checkBrowser(): BrowserAvailability {
  if (existsSync(chromiumPath)) return { available: true };
  const message = `Chromium not found at ${chromiumPath}: install it with "apt-get update && apt-get install -y chromium".`;
  if (process.env.CI) throw new Error(`${message} The browser tests must run in CI.`);
  if (process.env.SKIP_BROWSER === "1") {
    console.warn(`# SKIPPING browser tests (SKIP_BROWSER=1). ${message}`);
    return { available: false, skipReason: `SKIP_BROWSER=1 and ${message}` };
  }
  console.error(`\n!!!!!!!!\n!!! ${message}\n!!! Set SKIP_BROWSER=1 to skip the browser tests on purpose.\n!!!!!!!!\n`);
  throw new Error(`${message} (set SKIP_BROWSER=1 to skip)`);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
      "--disable-quic",
    ],
  });
}
