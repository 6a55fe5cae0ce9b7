// Debian's Chromium as the tests drive it: the flags keep it off this machine's closed
// network (no background services) and away from a sandbox that root cannot use.
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

/** Where `npm run setup` (apt-get install chromium) puts the browser. */
export const chromiumPath = '/usr/bin/chromium';

/** Launch flags for headless runs with no network besides loopback. */
export const chromiumFlags: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** Fails (never skips) when Chromium is missing, saying how to install it. */
export function requireChromium(): void {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Debian chromium is missing (${chromiumPath}): run \`npm run setup\` (bash .ci/install.sh) first`);
  }
}

/**
 * Starts headless Chromium for a test: `CHROMIUM_PATH` when set, else Debian's
 * (`chromiumPath`), with `chromiumFlags`. Fails (never skips) when neither exists.
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH || chromiumPath;
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium is missing (${executablePath}): run \`npm run setup\` (bash .ci/install.sh), or set CHROMIUM_PATH to a Chromium or Chrome binary`,
    );
  }
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath, headless: true, args: [...chromiumFlags] });
}
