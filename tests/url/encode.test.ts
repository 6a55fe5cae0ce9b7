import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { runs } from '../support/runs.js';
import { wellFormed } from './oracle-helpers.js';
import { encodeComponent, encodeExistingQuery, encodeFormComponent, encodePath, encodeTransformationQuery } from '../../src/url/encode.js';

// Oracles: the platform's encodeURIComponent and URLSearchParams.
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: fc.constantFrom('%', '2', 'F', 'g', '/', '?', '#', '&', '+', ' ', 'é', ',', ':', '='), maxLength: 30 }),
);
const wellFormedText = text.filter((s) => wellFormed(s));

describe('encoders', () => {
  it('encodeComponent equals encodeURIComponent on well-formed strings', () => {
    fc.assert(
      fc.property(wellFormedText, (s) => encodeComponent(s) === encodeURIComponent(s)),
      runs(2000),
    );
  });
  it('encodeComponent turns a lone surrogate into %EF%BF%BD', () => {
    expect(encodeComponent('a\udc00')).toBe('a%EF%BF%BD');
  });
  it('encodeFormComponent equals URLSearchParams serialisation', () => {
    fc.assert(
      fc.property(text, (s) => encodeFormComponent(s) === new URLSearchParams([['k', s]]).toString().slice(2)),
      runs(2000),
    );
  });
  it.each([
    ['encodePath', encodePath],
    ['encodeTransformationQuery', encodeTransformationQuery],
    ['encodeExistingQuery', encodeExistingQuery],
  ] as const)('%s is idempotent', (_name, encode) => {
    fc.assert(
      fc.property(text, (s) => encode(encode(s)) === encode(s)),
      runs(2000),
    );
  });
  it('encodePath output decodes back to the input with "/" runs collapsed (no "%" in input)', () => {
    fc.assert(
      fc.property(
        wellFormedText.filter((s) => !s.includes('%')),
        (s) => decodeURIComponent(encodePath(s)) === s.replace(/\/{2,}/g, '/'),
      ),
      runs(2000),
    );
  });
  it('encodeTransformationQuery output reads back through URLSearchParams (no "%" in input)', () => {
    fc.assert(
      fc.property(
        wellFormedText.filter((s) => !s.includes('%')),
        (s) => new URLSearchParams('tr=' + encodeTransformationQuery(s)).get('tr') === s,
      ),
      runs(2000),
    );
  });
  it('encodePath keeps a valid escape and encodes a broken one', () => {
    expect(encodePath('%41%4g%')).toBe('%41%254g%25');
  });
});

describe('encodePath memo', () => {
  it('gives the same answers after its 256-entry memo was cleared several times', () => {
    const inputs = Array.from({ length: 700 }, (_, i) => `/dossier ${i}/café ${i % 7}.jpg`);
    const first = inputs.map((path) => encodePath(path));
    const again = inputs.map((path) => encodePath(path));
    expect(again).toEqual(first);
    // Independent truth: the WHATWG URL parser's path encoding agrees for these inputs.
    inputs.forEach((path, i) => expect(first[i]).toBe(new URL(path, 'https://x').pathname));
  });
});
