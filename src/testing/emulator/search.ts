/**
 * @module testing/emulator/search
 * The `searchQuery` subset the emulator understands. Anything outside it is a 400 that
 * names the unsupported part.
 *
 * Grammar: `expr := term (OR term)*`, `term := factor (AND factor)*`,
 * `factor := "(" expr ")" | field op value`. Keywords are case-insensitive.
 *
 * | field | operators | values |
 * |---|---|---|
 * | `name` | `=`, `:` (prefix), `IN`, `NOT =`, `NOT IN` | quoted strings (case-sensitive) |
 * | `tags` | `IN`, `NOT IN`, `=` | quoted strings; matches tags and AI tag names |
 * | `type` | `=`, `IN`, `NOT =`, `NOT IN` | `file`, `file-version`, `folder` |
 * | `format` | `=`, `IN`, `NOT =`, `NOT IN` | `jpg` (`jpeg` accepted), `png`, … |
 * | `size`, `width`, `height` | `=`, `<`, `<=`, `>`, `>=`, `NOT =` | numbers; `size` also `"1mb"`, `"20kb"`, `"1gb"`, `"10b"` |
 * | `createdAt`, `updatedAt` | `=`, `<`, `<=`, `>`, `>=` | ISO-8601 (a date-only `=` matches that UTC day) or relative `"1h"`, `"2d"`, `"3w"`, `"4m"`, `"2y"` (= now minus that) |
 * | `private`, `published`, `transparency` | `=`, `NOT =` | `true` / `false` |
 * | `"customMetadata.<key>"`, `"embeddedMetadata.<key>"` | all of the above | strings, numbers, booleans, ISO dates |
 *
 * Not supported: `path` inside the query, geo forms of `LocationTaken`, and the
 * `RELEVANCE` ranking (sorted like `CREATED`).
 */
import { badRequest } from './responses.js';

/** The view of a file, version or folder that queries evaluate against. */
export interface SearchItem {
  type: 'file' | 'file-version' | 'folder';
  name: string;
  createdAt: number;
  updatedAt: number;
  size: number;
  width: number;
  height: number;
  format: string;
  tags: string[];
  private: boolean;
  published: boolean;
  transparency: boolean;
  customMetadata: Record<string, unknown>;
  embeddedMetadata: Record<string, unknown>;
}

type Token = { kind: 'word' | 'string' | 'symbol'; text: string; at: number };
type Value = string | number | boolean;
type Node =
  | { kind: 'and'; items: Node[] }
  | { kind: 'or'; items: Node[] }
  | { kind: 'cmp'; field: string; op: string; negate: boolean; values: Value[]; list: boolean };

const wordPattern = /[A-Za-z0-9_.+\-]+/y;

function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const ch = query[i] as string;
    if (/\s/.test(ch)) {
      i += 1;
    } else if (ch === '"' || ch === "'") {
      let j = i + 1;
      let text = '';
      while (j < query.length && query[j] !== ch) {
        if (query[j] === '\\' && j + 1 < query.length) j += 1;
        text += query[j];
        j += 1;
      }
      if (j >= query.length) badRequest(`Invalid searchQuery: unterminated string at position ${i}.`);
      tokens.push({ kind: 'string', text, at: i });
      i = j + 1;
    } else if (query.startsWith('<=', i) || query.startsWith('>=', i)) {
      tokens.push({ kind: 'symbol', text: query.slice(i, i + 2), at: i });
      i += 2;
    } else if ('()[],=:<>'.includes(ch)) {
      tokens.push({ kind: 'symbol', text: ch, at: i });
      i += 1;
    } else {
      wordPattern.lastIndex = i;
      const match = wordPattern.exec(query);
      if (match === null) badRequest(`Invalid searchQuery: unexpected character "${ch}" at position ${i}.`);
      tokens.push({ kind: 'word', text: match[0], at: i });
      i += match[0].length;
    }
  }
  return tokens;
}

/** Deepest parenthesis nesting a query may use. */
const maxNesting = 32;

const simpleFields = ['name', 'tags', 'type', 'format', 'size', 'width', 'height', 'createdAt', 'updatedAt', 'private', 'published', 'transparency'];

function parse(query: string): Node {
  const tokens = tokenize(query);
  let position = 0;
  const peek = (): Token | undefined => tokens[position];
  const keyword = (word: string): boolean => {
    const token = peek();
    if (token?.kind === 'word' && token.text.toUpperCase() === word) {
      position += 1;
      return true;
    }
    return false;
  };
  const fail = (what: string): never => {
    const token = peek();
    return badRequest(`Unsupported searchQuery: ${what} ${token === undefined ? 'at end of query' : `at position ${token.at} ("${token.text}")`}.`);
  };
  const value = (): Value => {
    const token = peek();
    if (token === undefined || token.kind === 'symbol') return fail('expected a value');
    position += 1;
    if (token.kind === 'string') return token.text;
    if (token.text === 'true' || token.text === 'false') return token.text === 'true';
    if (/^-?\d+(\.\d+)?$/.test(token.text)) return Number(token.text);
    return token.text;
  };
  const comparison = (): Node => {
    const token = peek();
    if (token === undefined || token.kind === 'symbol') return fail('expected a field name');
    position += 1;
    const field = token.text;
    if (!simpleFields.includes(field) && !/^(customMetadata|embeddedMetadata)\.[^.]+$/.test(field)) {
      badRequest(`Unsupported searchQuery: field "${field}" is not supported by the emulator.`);
    }
    const negate = keyword('NOT');
    let op: string;
    if (keyword('IN')) op = 'IN';
    else {
      const symbol = peek();
      if (symbol?.kind !== 'symbol' || !['=', ':', '<', '<=', '>', '>='].includes(symbol.text)) return fail('expected an operator');
      op = symbol.text;
      position += 1;
    }
    if (op === 'IN') {
      if (peek()?.text !== '[') return fail('expected "[" after IN');
      position += 1;
      const values: Value[] = [value()];
      while (peek()?.text === ',') {
        position += 1;
        values.push(value());
      }
      if (peek()?.text !== ']') return fail('expected "]"');
      position += 1;
      return { kind: 'cmp', field, op, negate, values, list: true };
    }
    return { kind: 'cmp', field, op, negate, values: [value()], list: false };
  };
  let depth = 0;
  const factor = (): Node => {
    if (peek()?.text === '(' && peek()?.kind === 'symbol') {
      if (depth >= maxNesting) return fail(`parentheses nested deeper than ${maxNesting}`);
      position += 1;
      depth += 1;
      const inner = expr();
      depth -= 1;
      if (peek()?.text !== ')') return fail('expected ")"');
      position += 1;
      return inner;
    }
    return comparison();
  };
  // AND/OR chains are flat lists, so only parentheses add depth (and that is bounded).
  const term = (): Node => {
    const items = [factor()];
    while (keyword('AND')) items.push(factor());
    return items.length === 1 ? (items[0] as Node) : { kind: 'and', items };
  };
  const expr = (): Node => {
    const items = [term()];
    while (keyword('OR')) items.push(term());
    return items.length === 1 ? (items[0] as Node) : { kind: 'or', items };
  };
  const root = expr();
  if (position < tokens.length) fail('unexpected token');
  return root;
}

const units: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };
const spans: Record<string, number> = { h: 3_600_000, d: 86_400_000, w: 604_800_000, m: 2_592_000_000, y: 31_536_000_000 };

function toSize(value: Value): number {
  if (typeof value === 'number') return value;
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)$/i.exec(String(value));
  if (match === null) return badRequest(`Invalid searchQuery: "${String(value)}" is not a size.`);
  return Number(match[1]) * (units[(match[2] as string).toLowerCase()] as number);
}

function toTime(value: Value, now: number): number {
  const text = String(value);
  const relative = /^(\d+)([hdwmy])$/.exec(text);
  if (relative !== null) return now - Number(relative[1]) * (spans[relative[2] as string] as number);
  const parsed = Date.parse(text);
  if (Number.isNaN(parsed)) return badRequest(`Invalid searchQuery: "${text}" is not a date.`);
  return parsed;
}

function compareNumbers(actual: number, op: string, expected: number): boolean {
  switch (op) {
    case '=':
      return actual === expected;
    case '<':
      return actual < expected;
    case '<=':
      return actual <= expected;
    case '>':
      return actual > expected;
    case '>=':
      return actual >= expected;
    default:
      return badRequest(`Unsupported searchQuery: operator "${op}" on a numeric field.`);
  }
}

function checkOps(field: string, op: string, allowed: string[]): void {
  if (!allowed.includes(op)) badRequest(`Unsupported searchQuery: operator "${op}" is not supported for "${field}".`);
}

function matchGeneric(actual: unknown, node: Extract<Node, { kind: 'cmp' }>, now: number): boolean {
  if (actual === undefined || actual === null) return false;
  const [first] = node.values as [Value];
  if (node.op === 'IN') {
    const list = Array.isArray(actual) ? actual : [actual];
    return list.some((item) => node.values.includes(item as Value));
  }
  if (node.op === ':') return typeof actual === 'string' && actual.startsWith(String(first));
  if (typeof actual === 'number') return compareNumbers(actual, node.op, Number(first));
  if (typeof actual === 'string' && node.op !== '=' && !Number.isNaN(Date.parse(actual))) {
    return compareNumbers(Date.parse(actual), node.op, toTime(first, now));
  }
  if (node.op !== '=') return badRequest(`Unsupported searchQuery: operator "${node.op}" for "${node.field}".`);
  return Array.isArray(actual) ? actual.includes(first) : actual === first;
}

function evaluate(node: Node, item: SearchItem, now: number): boolean {
  if (node.kind === 'and') return node.items.every((child) => evaluate(child, item, now));
  if (node.kind === 'or') return node.items.some((child) => evaluate(child, item, now));
  const matched = matchComparison(node, item, now);
  return node.negate ? !matched : matched;
}

function matchComparison(node: Extract<Node, { kind: 'cmp' }>, item: SearchItem, now: number): boolean {
  const { field, op, values } = node;
  const strings = values.map(String);
  switch (field) {
    case 'name':
      checkOps(field, op, ['=', ':', 'IN']);
      if (op === ':') return item.name.startsWith(strings[0] as string);
      return strings.includes(item.name);
    case 'tags':
      checkOps(field, op, ['IN', '=']);
      return item.tags.some((tag) => strings.includes(tag));
    case 'type':
    case 'format': {
      checkOps(field, op, ['=', 'IN']);
      const normal = strings.map((value) => (value.toLowerCase() === 'jpeg' ? 'jpg' : value.toLowerCase()));
      return normal.includes(field === 'type' ? item.type : item.format.toLowerCase());
    }
    case 'size':
    case 'width':
    case 'height': {
      checkOps(field, op, ['=', '<', '<=', '>', '>=']);
      if (item.type === 'folder') return false;
      const expected = field === 'size' ? toSize(values[0] as Value) : Number(values[0]);
      return compareNumbers(item[field], op, expected);
    }
    case 'createdAt':
    case 'updatedAt': {
      checkOps(field, op, ['=', '<', '<=', '>', '>=']);
      const text = strings[0] as string;
      if (op === '=' && /^\d{4}-\d{2}-\d{2}$/.test(text)) {
        const start = Date.parse(`${text}T00:00:00Z`);
        return item[field] >= start && item[field] < start + 86_400_000;
      }
      return compareNumbers(item[field], op, toTime(values[0] as Value, now));
    }
    case 'private':
    case 'published':
    case 'transparency':
      checkOps(field, op, ['=']);
      if (typeof values[0] !== 'boolean') badRequest(`Invalid searchQuery: "${field}" takes true or false.`);
      return item.type !== 'folder' && item[field] === values[0];
    default: {
      const [scope, key] = field.split('.') as [string, string];
      const source = scope === 'customMetadata' ? item.customMetadata : item.embeddedMetadata;
      return matchGeneric(source[key], node, now);
    }
  }
}

/** Compiles a query into a predicate; throws a 400 for unsupported syntax. */
export function compileSearch(query: string, now: number): (item: SearchItem) => boolean {
  const root = parse(query);
  return (item) => evaluate(root, item, now);
}
