// Type tests of the URL builder: `Transformation` is exact (unknown keys are compile
// errors, `raw` is the escape hatch) and the options take exactly one of `path` / `src`.
// Checked by `tsc -p tests/types/tsconfig.json` (part of `npm test`).
import { expectTypeOf } from 'vitest';
import {
  buildTransformationString,
  buildUrl,
  getResponsiveImageAttributes,
  type BuildUrlOptions,
  type ResponsiveImageAttributes,
  type Transformation,
} from '../../src/index.js';
import type { ImageKit } from '../../src/server.js';

declare const imagekit: ImageKit;
const urlEndpoint = 'https://ik.imagekit.io/demo';

expectTypeOf(buildUrl({ urlEndpoint, path: '/a.jpg' })).toEqualTypeOf<string>();
expectTypeOf(buildTransformationString([{ width: 300 }])).toEqualTypeOf<string>();
expectTypeOf(getResponsiveImageAttributes({ urlEndpoint, src: '/a.jpg', width: 400 })).toEqualTypeOf<ResponsiveImageAttributes>();

// Documented keys, legacy names, null/undefined (skipped) and `raw` compile.
const steps: Transformation[] = [
  { width: 300, crop: 'at_max', format: 'webp', focus: 'face', effect_sharpen: '-', overlayX: 5 },
  { height: null, quality: undefined, raw: 'e-new-param' },
  { streamingResolutions: [1440, 1080] },
  { streamingResolutions: ['240', 360] },
  { overlay: { type: 'text', text: 'Hi', position: { anchorPoint: 'top' }, transformation: [{ fontSize: 20 }] } },
];
void buildUrl({ urlEndpoint, path: '/a.jpg', transformation: steps });

// Unknown keys and wrong values are compile errors.
// @ts-expect-error `widht` is not a transformation parameter (use `width`, or `raw`)
void buildUrl({ urlEndpoint, path: '/a.jpg', transformation: [{ widht: 300 }] });
// @ts-expect-error unknown keys in a layer's own transformation too
void buildUrl({ urlEndpoint, path: '/a.jpg', transformation: [{ overlay: { type: 'text', text: 'a', transformation: [{ fontSzie: 9 }] } }] });
// @ts-expect-error a steps variable with no known key is refused as well
void buildTransformationString([{ brandNewParam: 'x' } as { brandNewParam: string }]);
// @ts-expect-error crop has a fixed set of values
void buildTransformationString([{ crop: 'sideways' }]);
// @ts-expect-error 1000 is not a streaming resolution
void buildTransformationString([{ streamingResolutions: [1000] }]);
// @ts-expect-error overlay type is a union of layer types
void buildTransformationString([{ overlay: { type: 'sticker', input: 'a' } }]);

// Exactly one of `path` / `src`; the other may be absent or `undefined`.
void buildUrl({ urlEndpoint, path: '/a.jpg', src: undefined });
void buildUrl({ urlEndpoint, src: 'https://example.com/a.jpg', path: undefined, transformation: undefined });
// @ts-expect-error `path` and `src` together
void buildUrl({ urlEndpoint, path: '/a.jpg', src: 'https://example.com/a.jpg' });
// @ts-expect-error neither `path` nor `src`
void buildUrl({ urlEndpoint });
// @ts-expect-error `path` and `src` together (responsive images)
void getResponsiveImageAttributes({ urlEndpoint, path: '/a.jpg', src: '/b.jpg', width: 300 });
// @ts-expect-error neither (responsive images)
void getResponsiveImageAttributes({ urlEndpoint, width: 300 });
// @ts-expect-error `path` and `src` together (client url)
void imagekit.url({ path: '/a.jpg', src: 'https://example.com/a.jpg' });
// @ts-expect-error neither (client url)
void imagekit.url({ transformation: [{ width: 300 }] });
// @ts-expect-error neither (client url, signed)
void imagekit.url({ signed: true });
expectTypeOf(imagekit.url({ src: 'https://ik.imagekit.io/demo/a.jpg', path: undefined })).toEqualTypeOf<string>();
// @ts-expect-error transformationPosition is "path" | "query"
void buildUrl({ urlEndpoint, path: 'a', transformationPosition: 'header' });

// The options type itself carries the rule.
expectTypeOf<{ urlEndpoint: string; path: string }>().toExtend<BuildUrlOptions>();
expectTypeOf<{ urlEndpoint: string; src: string }>().toExtend<BuildUrlOptions>();
expectTypeOf<{ urlEndpoint: string; path: string; src: string }>().not.toExtend<BuildUrlOptions>();
expectTypeOf<{ urlEndpoint: string }>().not.toExtend<BuildUrlOptions>();
