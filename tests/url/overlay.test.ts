import { describe, it, expect } from 'vitest';
import { buildTransformationString as bts } from '../../src/url/transformation.js';
import type { Overlay, Transformation } from '../../src/url/types.js';

// Expected strings are the official SDKs' documented overlay examples (docs/url-and-signing-rules.md,
// "Overlays"); base64 is checked against node's Buffer.
const o = (overlay: unknown): string => bts([{ overlay } as Transformation]);
const b64 = (text: string): string => encodeURIComponent(Buffer.from(text, 'utf8').toString('base64'));

describe('overlay: text', () => {
  it('writes "Minimal Text" as i-Minimal%20Text (auto → plain)', () => {
    expect(o({ type: 'text', text: 'Minimal Text' })).toBe('l-text,i-Minimal%20Text,l-end');
  });
  it('writes "a/b" as ie-YS9i (auto → base64)', () => {
    expect(o({ type: 'text', text: 'a/b' })).toBe('l-text,ie-YS9i,l-end');
  });
  it('writes the © ® ™ example as base64 of UTF-8 with %3D padding', () => {
    expect(o({ type: 'text', text: "Let's use ©, ®, ™, etc" })).toBe('l-text,ie-TGV0J3MgdXNlIMKpLCDCriwg4oSiLCBldGM%3D,l-end');
  });
  it('uses encodeURIComponent for plain encoding', () => {
    expect(o({ type: 'text', text: 'a/b & c', encoding: 'plain' })).toBe(`l-text,i-${encodeURIComponent('a/b & c')},l-end`);
  });
  it('uses base64 when asked, even for simple text', () => {
    expect(o({ type: 'text', text: 'Hi', encoding: 'base64' })).toBe(`l-text,ie-${b64('Hi')},l-end`);
  });
  it('percent-encodes "+", "/" and "=" of the base64 alphabet', () => {
    const text = '??>>~~~';
    expect(Buffer.from(text).toString('base64')).toMatch(/[+/=]/);
    expect(o({ type: 'text', text })).toBe(`l-text,ie-${b64(text)},l-end`);
  });
  it('encodes emoji (astral plane) as UTF-8 base64', () => {
    expect(o({ type: 'text', text: 'hi 🎉' })).toBe(`l-text,ie-${b64('hi 🎉')},l-end`);
  });
  // Was: the layer vanished silently. Now a TypeError naming the field (issue 11 item 10).
  it('refuses an empty text with a TypeError naming it', () => {
    expect(() => bts([{ width: 1, overlay: { type: 'text', text: '' } }])).toThrow(/`transformation\[0\]\.overlay\.text` must be a non-empty string/);
  });
  it('refuses a missing text with a TypeError naming it', () => {
    expect(() => bts([{ width: 1, overlay: { type: 'text' } as Overlay }])).toThrow(/`transformation\[0\]\.overlay\.text`/);
  });
  it('appends nested transformations before l-end', () => {
    expect(o({ type: 'text', text: 'Hi', transformation: [{ fontSize: 20, fontColor: 'FF0000' }, { rotation: 5 }] })).toBe(
      'l-text,i-Hi,fs-20,co-FF0000:rt-5,l-end',
    );
  });
  it('omits an empty nested transformation', () => {
    expect(o({ type: 'text', text: 'Hi', transformation: [{}] })).toBe('l-text,i-Hi,l-end');
  });
});

describe('overlay: image, video, subtitle input paths', () => {
  it('writes /customer_logo/Ñykaa.png as base64', () => {
    expect(o({ type: 'image', input: '/customer_logo/Ñykaa.png' })).toBe('l-image,ie-Y3VzdG9tZXJfbG9nby%2FDkXlrYWEucG5n,l-end');
  });
  it('writes a simple path plainly with / → @@ and outer slashes removed', () => {
    expect(o({ type: 'image', input: '/folder/logo.png/' })).toBe('l-image,i-folder@@logo.png,l-end');
  });
  it('keeps spaces literal in a plain path', () => {
    expect(o({ type: 'image', input: 'my logo.png' })).toBe('l-image,i-my logo.png,l-end');
  });
  it('uses base64 for a path with "+"', () => {
    expect(o({ type: 'image', input: 'a+b.png' })).toBe(`l-image,ie-${b64('a+b.png')},l-end`);
  });
  it('does not percent-encode a path forced to plain', () => {
    expect(o({ type: 'image', input: 'a+b/é.png', encoding: 'plain' })).toBe('l-image,i-a+b@@é.png,l-end');
  });
  it('base64-encodes the path without its outer slashes', () => {
    expect(o({ type: 'image', input: '/a/b.png', encoding: 'base64' })).toBe(`l-image,ie-${b64('a/b.png')},l-end`);
  });
  it('writes a video layer as l-video', () => {
    expect(o({ type: 'video', input: 'clip.mp4' })).toBe('l-video,i-clip.mp4,l-end');
  });
  it('writes a subtitle layer as l-subtitles', () => {
    expect(o({ type: 'subtitle', input: 'subs/en.srt' })).toBe('l-subtitles,i-subs@@en.srt,l-end');
  });
  it('maps subtitle styling (color → co, fontOutline → fol, fontShadow → fsh)', () => {
    expect(o({ type: 'subtitle', input: 's.srt', transformation: [{ color: 'red', fontOutline: '2_blue', fontShadow: 'blue_2' }] })).toBe(
      'l-subtitles,i-s.srt,co-red,fol-2_blue,fsh-blue_2,l-end',
    );
  });
  it('refuses an image, video or subtitle layer without input, or with only "/"', () => {
    for (const type of ['image', 'video', 'subtitle'] as const) {
      expect(() => bts([{ width: 1, overlay: { type, input: '' } }])).toThrow(/`transformation\[0\]\.overlay\.input`/);
      expect(() => bts([{ overlay: { type } as Overlay }])).toThrow(TypeError);
      expect(() => bts([{ overlay: { type, input: '/' } }])).toThrow(/`transformation\[0\]\.overlay\.input`/);
    }
  });
});

describe('overlay: solid colour, layer mode, position, timing', () => {
  it('writes a solid colour as l-image,i-ik_canvas,bg-<color>', () => {
    expect(o({ type: 'solidColor', color: 'FF0000' })).toBe('l-image,i-ik_canvas,bg-FF0000,l-end');
  });
  it('refuses a solid colour without color', () => {
    expect(() => bts([{ width: 1, overlay: { type: 'solidColor' } as Overlay }])).toThrow(/`transformation\[0\]\.overlay\.color`/);
  });
  it('writes layerMode as lm-<mode>', () => {
    expect(o({ type: 'image', input: 'a.png', layerMode: 'multiply' })).toBe('l-image,i-a.png,lm-multiply,l-end');
  });
  it('writes position in Node v7 order lx, ly, lxc, lyc, lfo, lap', () => {
    expect(
      o({
        type: 'image',
        input: 'a.png',
        position: { anchorPoint: 'top', focus: 'center', yCenter: 4, xCenter: 3, y: 2, x: 1 },
      }),
    ).toBe('l-image,i-a.png,lx-1,ly-2,lxc-3,lyc-4,lfo-center,lap-top,l-end');
  });
  it('skips falsy position values (x: 0)', () => {
    expect(o({ type: 'image', input: 'a.png', position: { x: 0, y: 5 } })).toBe('l-image,i-a.png,ly-5,l-end');
  });
  it('writes timing as lso, leo, ldu', () => {
    expect(o({ type: 'video', input: 'v.mp4', timing: { duration: 3, end: 7, start: 2 } })).toBe('l-video,i-v.mp4,lso-2,leo-7,ldu-3,l-end');
  });
  it('puts lm, position and timing before the nested transformation', () => {
    expect(o({ type: 'video', input: 'v.mp4', layerMode: 'cutout', position: { x: 1 }, timing: { start: 2 }, transformation: [{ width: 9 }] })).toBe(
      'l-video,i-v.mp4,lm-cutout,lx-1,lso-2,w-9,l-end',
    );
  });
  it('nests overlays inside overlays', () => {
    expect(o({ type: 'image', input: 'a.png', transformation: [{ overlay: { type: 'text', text: 'Hi' } }] })).toBe(
      'l-image,i-a.png,l-text,i-Hi,l-end,l-end',
    );
  });
  it('refuses an overlay without type', () => {
    expect(() => bts([{ width: 1, overlay: { text: 'x' } as unknown as Overlay }])).toThrow(/`transformation\[0\]\.overlay\.type` must be "text"/);
  });
  it('keeps the overlay in its place among the step keys', () => {
    expect(bts([{ width: 1, overlay: { type: 'text', text: 'Hi' }, height: 2 }])).toBe('w-1,l-text,i-Hi,l-end,h-2');
  });
});

describe('overlay: bad input', () => {
  it('throws TypeError naming overlay.type for an unknown type', () => {
    expect(() => o({ type: 'sticker', input: 'a' })).toThrow(/`transformation\[0\]\.overlay\.type`/);
  });
  it('throws TypeError naming the overlay when it is not an object', () => {
    expect(() => o('l-text')).toThrow(/`transformation\[0\]\.overlay`/);
  });
  it('throws TypeError naming encoding for a bad encoding', () => {
    expect(() => o({ type: 'text', text: 'a', encoding: 'hex' })).toThrow(/`transformation\[0\]\.overlay\.encoding`/);
  });
  it('throws TypeError naming text when it is an object', () => {
    expect(() => o({ type: 'text', text: { a: 1 } })).toThrow(/`transformation\[0\]\.overlay\.text`/);
  });
  it('throws RangeError naming the position key for Infinity', () => {
    expect(() => o({ type: 'image', input: 'a', position: { x: Infinity } })).toThrow(RangeError);
    expect(() => o({ type: 'image', input: 'a', position: { x: Infinity } })).toThrow(/position\.x/);
  });
  it('throws RangeError naming the timing key for NaN', () => {
    expect(() => o({ type: 'video', input: 'a', timing: { start: NaN } })).toThrow(/timing\.start/);
  });
  it('names nested steps in errors', () => {
    expect(() => o({ type: 'text', text: 'a', transformation: [{ width: NaN }] })).toThrow(
      /`transformation\[0\]\.overlay\.transformation\[0\]\.width`/,
    );
  });
  it('throws TypeError when the nested transformation is not an array', () => {
    expect(() => o({ type: 'text', text: 'a', transformation: { width: 1 } })).toThrow(TypeError);
  });
});
