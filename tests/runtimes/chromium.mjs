// Prints the path of the Chromium that the browser tests drive, unpacking it first if needed.
//   node tests/runtimes/chromium.mjs        (`npm run setup` runs it once; the tests run it
//                                             again, which is instant once unpacked)
// `CHROMIUM_PATH` wins when set (macOS, other Linux, a system Chromium). Otherwise the
// Chromium comes from npm: @sparticuz/chromium (Linux x64), a devDependency of this folder,
// unpacked into node_modules/.cache/chromium-<version>/, so no root, no apt-get and no
// download beyond `npm ci`, and a new version (or `npm ci`) starts from a clean folder.
// The package unpacks into os.tmpdir(); pointing TMPDIR at a fresh staging folder and
// renaming that folder into place makes the result all-or-nothing, so a run that is cut
// short, or two test files unpacking at once, never leave a half-written browser behind.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

if (process.env.CHROMIUM_PATH) {
  if (!existsSync(process.env.CHROMIUM_PATH)) {
    console.error(`chromium: CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist`);
    process.exit(1);
  }
  console.log(process.env.CHROMIUM_PATH);
  process.exit(0);
}

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, 'package.json'));
let entry;
try {
  entry = require.resolve('@sparticuz/chromium');
} catch {
  console.error('chromium: @sparticuz/chromium is not installed: run `npm run setup` (or set CHROMIUM_PATH)');
  process.exit(1);
}
const packageDir = join(dirname(entry), '..');
const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
const cache = join(here, 'node_modules', '.cache');
const target = join(cache, `chromium-${version}`);
const binary = join(target, 'chromium');

if (!existsSync(binary)) {
  mkdirSync(cache, { recursive: true });
  const staging = mkdtempSync(join(cache, 'chromium-staging-'));
  try {
    process.env.TMPDIR = staging;
    const { default: Chromium } = await import(pathToFileURL(entry).href);
    const unpacked = await Chromium.executablePath();
    if (unpacked !== join(staging, 'chromium')) throw new Error(`unpacked to ${unpacked}, expected ${staging}`);
    try {
      renameSync(staging, target);
    } catch (error) {
      // Another process finished first: keep its copy.
      if (!existsSync(binary)) throw error;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
console.log(binary);
