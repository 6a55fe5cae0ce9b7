// The Chromium the browser tests drive: `CHROMIUM_PATH` when set, else the Chromium build
// from npm (@sparticuz/chromium in tests/runtimes, unpacked by tests/runtimes/chromium.mjs
// on first use; `npm run setup` does that once). No root and no system package needed.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';

const locator = fileURLToPath(new URL('../runtimes/chromium.mjs', import.meta.url));

/**
 * Launch flags: headless, no background services and no network besides loopback (this
 * machine has none), and no sandbox, which needs privileges a container or root lacks.
 * Deliberately NOT @sparticuz/chromium's own `args`: they are made for AWS Lambda and turn
 * off the same-origin policy (`--disable-web-security`) and site isolation, which would
 * hide CORS mistakes from the browser tests; `--single-process` is a Lambda workaround.
 */
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

let path: Promise<string> | undefined;

/** The Chromium binary; fails (never skips) with the locator's message when there is none. */
export function chromiumPath(): Promise<string> {
  path ??= promisify(execFile)(process.execPath, [locator]).then(
    ({ stdout }) => stdout.trim(),
    (error: { stderr?: string; message: string }) => {
      throw new Error(`no Chromium for the browser tests: ${error.stderr?.trim() || error.message}`);
    },
  );
  return path;
}

/** Options for playwright-core's `chromium.launch()` / `launchPersistentContext()`. */
export async function chromiumLaunchOptions(): Promise<{ executablePath: string; headless: true; args: string[] }> {
  return { executablePath: await chromiumPath(), headless: true, args: [...chromiumFlags] };
}

/** Starts headless Chromium for a test with {@link chromiumLaunchOptions}; fails (never skips) when there is none. */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch(await chromiumLaunchOptions());
}
