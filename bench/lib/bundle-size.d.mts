// Types for bundle-size.mjs (imported by the TypeScript size test).
export type Platform = 'browser' | 'node' | 'neutral';
export interface SizeCase {
  name: string;
  contents: string;
  platform: Platform;
  budget?: number;
  /** The goal the issues set, printed as met or missed. */
  target?: number;
}
export interface SizeRow extends SizeCase {
  minBytes: number;
  gzipBytes: number;
}
export const repoRoot: string;
export function bundleAndMeasure(
  contents: string,
  options?: { platform?: Platform; conditions?: string[] },
): Promise<{ text: string; minBytes: number; gzipBytes: number }>;
export function exportNames(entry: string): Promise<string[]>;
export function sizeCases(): Promise<SizeCase[]>;
export const officialClientCase: SizeCase;
export function measureAll(options?: { withOfficial?: boolean }): Promise<SizeRow[]>;
export function formatSizeTable(rows: SizeRow[]): string;
export function breakdownBySourceFile(contents: string, options?: { platform?: Platform }): Promise<Array<{ file: string; bytes: number }>>;
