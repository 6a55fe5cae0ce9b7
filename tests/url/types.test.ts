import { describe, it, expect } from 'vitest';
import { buildTransformationString } from '../../src/url/transformation.js';
import type { BuildUrlOptions, Transformation } from '../../src/url/types.js';

// Known keys are typed; an unknown key is a compile error (tests/types/url.test-d.ts) but
// still passes through at run time, for plain JavaScript.
describe('Transformation type', () => {
  it('accepts known keys, legacy names and null/undefined; an unknown key passes at run time', () => {
    const steps: Transformation[] = [
      { width: 300, crop: 'at_max', format: 'webp', focus: 'face', effect_sharpen: '-', overlayX: 5 },
      { height: null, quality: undefined, ...({ brandNewParam: 'x' } as Transformation) },
      { overlay: { type: 'text', text: 'Hi', position: { anchorPoint: 'top' }, transformation: [{ fontSize: 20 }] } },
    ];
    expect(buildTransformationString(steps)).toBe('w-300,c-at_max,f-webp,fo-face,e-sharpen,ox-5:brandNewParam-x:l-text,i-Hi,lap-top,fs-20,l-end');
  });
  it('rejects wrong values on known keys', () => {
    // @ts-expect-error crop has a fixed set of values
    const a: Transformation = { crop: 'sideways' };
    // @ts-expect-error overlay type is a union of layer types
    const b: Transformation = { overlay: { type: 'sticker', input: 'a' } };
    // @ts-expect-error transformationPosition is "path" | "query"
    const c: BuildUrlOptions = { urlEndpoint: 'https://x', path: 'a', transformationPosition: 'header' };
    expect([a, b, c]).toHaveLength(3);
  });
});
