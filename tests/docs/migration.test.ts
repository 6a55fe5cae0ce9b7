// README › "Migrating from the official SDKs" cannot rot: every name in its tables must exist.
// Theirs are looked up in the type declarations of the SDKs installed as devDependencies
// (`imagekit` v6, `@imagekit/nodejs` v7, `@imagekit/javascript` v5) with the TypeScript
// checker; ours in the built package (an export of one of the three entries, or an
// `ImageKit` method). Needs dist/ (`npm run build`; `npm test` builds first).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');

function section(heading: string): string {
  const start = readme.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`README has no "## ${heading}" section`);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

/** The rows of the first Markdown table in `text` whose header row includes `headerMark`, as cells. */
function table(text: string, headerMark: string): { header: string[]; rows: string[][] } {
  const lines = text.split('\n');
  const at = lines.findIndex((line) => line.startsWith('|') && line.includes(headerMark));
  if (at < 0) throw new Error(`no table with ${headerMark}`);
  const cells = (line: string) =>
    line
      .slice(1, -1)
      .split('|')
      .map((cell) => cell.trim());
  const rows: string[][] = [];
  for (const line of lines.slice(at + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(cells(line));
  }
  return { header: cells(lines[at]!), rows };
}

const codeSpans = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
const identifierPath = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;

/** The dotted name a table cell's code span stands for (`await url` → `url`, `new ImageKit` → `ImageKit`). */
function nameOf(span: string): string {
  const name = span.replace(/^(?:await|new) /, '');
  if (!identifierPath.test(name)) throw new Error(`\`${span}\` is not a name: the table holds names only`);
  return name;
}

// ---- Theirs: the installed SDKs' type declarations ------------------------------------------

const sdks = {
  v6: 'imagekit',
  v7: '@imagekit/nodejs',
  v5: '@imagekit/javascript',
} as const;
type Sdk = keyof typeof sdks;

function packageDir(name: string): string {
  return join(repoRoot, 'node_modules', ...name.split('/'));
}

function typesEntry(name: string): string {
  const manifest = JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')) as { types?: string; typings?: string };
  return join(packageDir(name), manifest.types ?? manifest.typings ?? 'index.d.ts');
}

interface Typings {
  /** Does `dotted` name an export of the package, or a (nested) member of its client instance? */
  has(dotted: string): boolean;
}

function loadTypings(): Record<Sdk, Typings> {
  const entries = Object.fromEntries(Object.entries(sdks).map(([sdk, name]) => [sdk, typesEntry(name)])) as Record<Sdk, string>;
  const program = ts.createProgram(Object.values(entries), {
    noEmit: true,
    skipLibCheck: true,
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: [],
  });
  const checker = program.getTypeChecker();
  const result = {} as Record<Sdk, Typings>;
  for (const sdk of Object.keys(sdks) as Sdk[]) {
    const source = program.getSourceFile(entries[sdk]);
    const moduleSymbol = source && checker.getSymbolAtLocation(source);
    if (!moduleSymbol) throw new Error(`cannot read the typings of ${sdks[sdk]}`);
    const exports = new Map(checker.getExportsOfModule(moduleSymbol).map((symbol) => [symbol.name, symbol]));
    // v6: `export = ImageKit`; v7: `export { ImageKit }`; v5 has no client class.
    const exportEquals = moduleSymbol.exports?.get(ts.InternalSymbolName.ExportEquals);
    const aliased = (symbol: ts.Symbol) => (symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol);
    const clientClass = exportEquals ? aliased(exportEquals) : exports.get('ImageKit');
    if (clientClass && !exports.has(clientClass.name)) exports.set(clientClass.name, clientClass);
    const instance = clientClass ? checker.getDeclaredTypeOfSymbol(clientClass) : undefined;
    result[sdk] = {
      has(dotted) {
        const [first, ...rest] = dotted.split('.');
        let symbol = exports.get(first!) ?? (instance ? checker.getPropertyOfType(instance, first!) : undefined);
        for (const segment of rest) {
          if (!symbol) return false;
          symbol = checker.getPropertyOfType(checker.getTypeOfSymbol(symbol), segment);
        }
        return symbol !== undefined;
      },
    };
  }
  return result;
}

/** Property names declared (`name:` / `name?:`) anywhere in a package's .d.ts files. */
function declaredProperties(dir: string): Set<string> {
  const names = new Set<string>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== 'src') walk(path);
      else if (/\.d\.(?:c|m)?ts$/.test(entry.name)) {
        for (const match of readFileSync(path, 'utf8').matchAll(/^\s*(?:readonly\s+)?([A-Za-z_$][\w$]*)\??:/gm)) names.add(match[1]!);
      }
    }
  };
  walk(dir);
  return names;
}

// ---- Ours: the built package ------------------------------------------------------------------

interface Ours {
  has(name: string): boolean;
}

async function loadOurs(): Promise<Ours> {
  const entries = ['index.js', 'server.js', 'testing.js'].map((file) => join(repoRoot, 'dist', file));
  for (const entry of entries) if (!existsSync(entry)) throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
  const modules = (await Promise.all(entries.map((entry) => import(entry)))) as Record<string, unknown>[];
  const ImageKit = modules[1]!['ImageKit'] as { prototype: Record<string, unknown> };
  return {
    has: (name) =>
      modules.some((module) => Object.hasOwn(module, name)) ||
      (name !== 'constructor' && name in ImageKit.prototype && typeof ImageKit.prototype[name] === 'function'), // endpoint methods live on a base class
  };
}

// ---- The tables -------------------------------------------------------------------------------

const migrating = section('Migrating from the official SDKs');
const calls = table(migrating, '`imagekit` v6');
const options = table(migrating, '| theirs | ours |');
const column = (title: string) => {
  const index = calls.header.indexOf(title);
  if (index < 0) throw new Error(`the calls table has no "${title}" column`);
  return index;
};
const theirColumns: Record<Sdk, number> = {
  v6: column('`imagekit` v6'),
  v7: column('`@imagekit/nodejs` v7'),
  v5: column('`@imagekit/javascript` v5'),
};
const ourColumn = column('`imagekit-universal`');

let typings: Record<Sdk, Typings>;
let ours: Ours;
beforeAll(async () => {
  typings = loadTypings();
  ours = await loadOurs();
}, 60_000);

describe('README › Migrating: the calls table', () => {
  it('has the rows and names it promises', () => {
    expect(calls.rows.length).toBeGreaterThanOrEqual(20);
    for (const index of [...Object.values(theirColumns), ourColumn]) {
      expect(calls.rows.flatMap((row) => codeSpans(row[index]!)).length).toBeGreaterThanOrEqual(4);
    }
  });

  it('the lookups can fail (a made-up name is not found)', () => {
    expect(typings.v6.has('listFiles')).toBe(true);
    expect(typings.v6.has('listAllFiles')).toBe(false);
    expect(typings.v7.has('files.bulk.addTags')).toBe(true);
    expect(typings.v7.has('files.bulk.addTag')).toBe(false);
    expect(typings.v5.has('buildSrc')).toBe(true);
    expect(typings.v5.has('listFiles')).toBe(false);
    expect(ours.has('listFiles')).toBe(true);
    expect(ours.has('buildSrc')).toBe(false);
    expect(ours.has('constructor')).toBe(false);
  });

  for (const sdk of Object.keys(sdks) as Sdk[]) {
    it(`every ${sdks[sdk]} name exists in its installed typings`, () => {
      const names = calls.rows.flatMap((row) => codeSpans(row[theirColumns[sdk]]!).map(nameOf));
      expect(names.filter((name) => !typings[sdk].has(name))).toEqual([]);
    });
  }

  it('every imagekit-universal name is an export of the built package or an ImageKit method', () => {
    const names = calls.rows.flatMap((row) => codeSpans(row[ourColumn]!).map(nameOf));
    expect(names.filter((name) => !ours.has(name))).toEqual([]);
  });
});

describe('README › Migrating: the renamed options table', () => {
  const identifier = /^[A-Za-z_$][\w$]*$/;

  it('every old name is an option or call of the SDKs the row names, every new one of our built package', () => {
    expect(options.rows.length).toBeGreaterThanOrEqual(4);
    const theirProperties = Object.fromEntries((Object.keys(sdks) as Sdk[]).map((sdk) => [sdk, declaredProperties(packageDir(sdks[sdk]))]));
    const ourProperties = declaredProperties(join(repoRoot, 'dist'));
    const missing: string[] = [];
    for (const [theirs, mine] of options.rows) {
      const named = (Object.keys(sdks) as Sdk[]).filter((sdk) => new RegExp(`\\b${sdk}\\b`).test(theirs!));
      expect(named.length, theirs).toBeGreaterThan(0);
      for (const name of codeSpans(theirs!).filter((span) => identifier.test(span))) {
        for (const sdk of named) if (!theirProperties[sdk]!.has(name) && !typings[sdk].has(name)) missing.push(`${sdk} ${name}`);
      }
      for (const name of codeSpans(mine!).filter((span) => identifier.test(span))) {
        if (!ourProperties.has(name) && !ours.has(name)) missing.push(`ours ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
