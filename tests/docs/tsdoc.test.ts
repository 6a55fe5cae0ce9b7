// Every public export carries TSDoc (docs/architecture.md, "Conventions"): read from the built declaration
// files with the TypeScript checker, as an editor would show it to a user.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const entries = ['index', 'server', 'testing'] as const;

function undocumented(file: string): string[] {
  const program = ts.createProgram([file], { strict: true, skipLibCheck: true, types: ['node'] });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  if (!source) throw new Error(`${file} is missing: run \`npm run build\` (npm test builds first)`);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (!moduleSymbol) return [];
  const missing: string[] = [];
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const documented =
      symbol.getDocumentationComment(checker).length > 0 ||
      (symbol.declarations ?? []).some((declaration) => ts.getJSDocCommentsAndTags(declaration).length > 0);
    if (!documented) missing.push(exported.getName());
  }
  return missing.sort();
}

describe('TSDoc on public exports', () => {
  it.each(entries)('every export of dist/%s.d.ts has a doc comment', (entry) => {
    const names = undocumented(`${dist}${entry}.d.ts`);
    expect(names).toEqual([]);
  });

  it('notices an export without one (the check can fail)', () => {
    const folder = mkdtempSync(join(tmpdir(), 'ik-tsdoc-'));
    const file = join(folder, 'sample.d.ts');
    writeFileSync(file, '/** Documented. */\nexport declare function documented(): void;\nexport declare function bare(): void;\n');
    expect(undocumented(file)).toEqual(['bare']);
  });
});
