// Types for readme-size-table.mjs (imported by the TypeScript README-figures test).
export interface ReadmeSizeRow {
  label: string;
  bytes: number;
  peerLabel?: string;
  peerBytes?: number;
  meaning: string;
}
export interface ParsedSizeRow {
  label: string;
  bytes: number;
  peerBytes?: number;
}
export const readmePath: string;
export const startMarker: string;
export const endMarker: string;
export const regenerateCommand: string;
export function tolerance(measured: number): number;
export function measureReadmeRows(): Promise<ReadmeSizeRow[]>;
export function renderSizeTable(rows: ReadmeSizeRow[]): string;
export function sizeBlock(readme: string): string;
export function replaceSizeBlock(readme: string, table: string): string;
export function parseSizeTable(block: string): ParsedSizeRow[];
export function compareFigures(measured: ReadmeSizeRow[], readme: ParsedSizeRow[]): string[];
export function writeReadmeSizeTable(): Promise<ReadmeSizeRow[]>;
