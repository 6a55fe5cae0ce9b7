// Every ```ts block of README.md compiles as a module under `strict` and
// `exactOptionalPropertyTypes`, against the package's types (the package names map to
// src/ entries, so no build is needed). A failure names the README line. Names a snippet
// uses without defining (the reader's own `imagekit` client, an `<input>`, …) are declared
// in `context` below, with the types a reader would have; a block that starts with
// `// Continues the Quick start` is compiled after the Quick start's client block.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const readme = readFileSync(`${root}README.md`, 'utf8');

interface Snippet {
  /** README line of the first line of code (after the fence). */
  line: number;
  code: string;
  /** The block this one continues, compiled before it. */
  before?: Snippet;
}

/** The ```ts blocks with the README line their code starts on. */
function snippets(text: string): Snippet[] {
  const found: Snippet[] = [];
  for (const match of text.matchAll(/^```ts\n([\s\S]*?)^```/gm)) {
    const line = text.slice(0, match.index).split('\n').length + 1;
    found.push({ line, code: match[1]! });
  }
  const quickStart = found.find((s) => s.code.includes('new ImageKit(') && s.code.includes('.uploadFile('));
  for (const snippet of found) {
    if (snippet.code.startsWith('// Continues the Quick start')) snippet.before = quickStart;
  }
  return found;
}

/** The module compiled for a snippet, and the README line of each of its lines. */
function moduleOf(snippet: Snippet): { text: string; readmeLine: (index: number) => number } {
  const before = snippet.before?.code ?? '';
  const offset = before ? before.split('\n').length - 1 : 0;
  return {
    // `export {}` makes every snippet a module (top-level await, its own scope).
    text: `${before}${snippet.code}\nexport {};\n`,
    readmeLine: (index) => (index < offset ? snippet.before!.line + index : snippet.line + index - offset),
  };
}

const context = `
import type { ImageKit } from 'imagekit-universal/server';
declare global {
  /** Node's fs module, as \`import fs from 'node:fs'\` gives it. */
  const fs: typeof import('node:fs');
  /** The reader's server client, as made earlier in the README. */
  const imagekit: ImageKit;
  const privateKey: string;
  const publicKey: string;
  const uploadToken: string;
  const fileId: string;
  const id1: string;
  const id2: string;
  const manyUrls: string[];
  /** A file chosen in the browser. */
  const file: File;
  /** An <input type="file"> whose file the user has chosen. */
  const input: { readonly files: FileList };
  const bar: HTMLProgressElement;
  /** A worker's bindings. */
  const env: { IMAGEKIT_WEBHOOK_SECRET: string };
  const beforeAll: typeof import('vitest').beforeAll;
  const afterEach: typeof import('vitest').afterEach;
  const afterAll: typeof import('vitest').afterAll;
}
export {};
`;

const options: ts.CompilerOptions = {
  strict: true,
  exactOptionalPropertyTypes: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  types: ['node'],
  skipLibCheck: true,
  noEmit: true,
  baseUrl: root,
  paths: {
    'imagekit-universal': ['src/index.ts'],
    'imagekit-universal/server': ['src/server.ts'],
    'imagekit-universal/testing': ['src/testing.ts'],
  },
};

// Parsed library and src files, shared by the programs this file builds.
const parsed = new Map<string, ts.SourceFile | undefined>();

/** Compiles the snippets in one program; returns each snippet's errors as `README.md:line: message`. */
function compile(list: Snippet[]): Map<number, string[]> {
  const files = new Map<string, string>([[`${root}readme-context.d.ts`, context]]);
  for (const snippet of list) files.set(`${root}readme-${snippet.line}.ts`, moduleOf(snippet).text);
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (name) => files.get(name) ?? readFile(name);
  host.fileExists = (name) => files.has(name) || fileExists(name);
  host.getSourceFile = (name, version, onError) => {
    const text = files.get(name);
    if (text !== undefined) return ts.createSourceFile(name, text, version);
    if (!parsed.has(name)) parsed.set(name, getSourceFile(name, version, onError));
    return parsed.get(name);
  };
  const program = ts.createProgram([...files.keys()], options, host);
  const errors = new Map<number, string[]>();
  for (const snippet of list) {
    const source = program.getSourceFile(`${root}readme-${snippet.line}.ts`)!;
    const diagnostics = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
    errors.set(
      snippet.line,
      diagnostics.map((d) => {
        const at = d.start === undefined ? 0 : source.getLineAndCharacterOfPosition(d.start).line;
        return `README.md:${moduleOf(snippet).readmeLine(at)}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
      }),
    );
  }
  return errors;
}

describe('README TypeScript snippets compile under strict', () => {
  const list = snippets(readme);
  const errors = compile(list);

  it('finds the snippets', () => {
    expect(list.length).toBeGreaterThanOrEqual(15);
  });

  it.each(list.map((s) => [s.line, s] as const))('README.md:%i', (_line, snippet) => {
    expect(errors.get(snippet.line)).toEqual([]);
  });

  it('reports a type error with its README line (the check can fail)', () => {
    const text = "# Title\n\n```ts\nimport { buildUrl } from 'imagekit-universal';\n\nbuildUrl({ urlEndpoint: 1 });\n```\n";
    const [bad] = snippets(text);
    expect(bad!.line).toBe(4);
    expect(compile([bad!]).get(4)).toEqual([expect.stringMatching(/^README\.md:6: Type 'number' is not assignable to type 'string'/)]);
  });

  it('compiles a continuation after the Quick start block and names its own line', () => {
    const quickStart =
      "```ts\nimport { ImageKit } from 'imagekit-universal/server';\nconst imagekit = new ImageKit({ privateKey: 'k' });\nconst file = await imagekit.uploadFile({ file: 'a', fileName: 'a' });\n```\n";
    const text = `${quickStart}\n\`\`\`ts\n// Continues the Quick start\nawait imagekit.deleteFile(file.fileId);\nvoid file.fileIdd;\n\`\`\`\n`;
    const [, next] = snippets(text);
    expect(next!.line).toBe(8);
    expect(compile([next!]).get(8)).toEqual([expect.stringMatching(/^README\.md:10: Property 'fileIdd' does not exist/)]);
  });
});
