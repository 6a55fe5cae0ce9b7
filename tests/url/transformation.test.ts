import { describe, it, expect } from 'vitest';
import { buildTransformationString as bts } from '../../src/url/transformation.js';
import type { Transformation } from '../../src/url/types.js';

/** A step as plain JavaScript may pass it: the type refuses unknown keys, the run time passes them through. */
const untyped = (step: Record<string, unknown>): Transformation => step as Transformation;

// Expected strings come from the rules in docs/url-and-signing-rules.md (rule numbers refer to it)
// and from the official SDKs' documented examples.

describe('buildTransformationString: structure (rule 7)', () => {
  it('returns "" for undefined', () => {
    expect(bts()).toBe('');
  });
  it('returns "" for an empty array', () => {
    expect(bts([])).toBe('');
  });
  it('joins parameters of a step with ","', () => {
    expect(bts([{ width: 300, height: 200 }])).toBe('w-300,h-200');
  });
  it('joins chained steps with ":"', () => {
    expect(bts([{ width: 300 }, { rotation: 90 }])).toBe('w-300:rt-90');
  });
  it('keeps the insertion order of keys', () => {
    expect(bts([{ height: 1, width: 2, quality: 3 }])).toBe('h-1,w-2,q-3');
  });
  it('skips an empty step without producing "::"', () => {
    expect(bts([{ width: 1 }, {}, { height: 2 }])).toBe('w-1:h-2');
  });
  it('skips a step whose only values are null or undefined', () => {
    expect(bts([{ width: 1 }, { height: null, quality: undefined }])).toBe('w-1');
  });
  it('skips an undefined step', () => {
    expect(bts([{ width: 1 }, undefined as unknown as Transformation, { height: 2 }])).toBe('w-1:h-2');
  });
});

describe('buildTransformationString: names (rule 6)', () => {
  const table: Array<[string, string]> = [
    ['width', 'w'],
    ['height', 'h'],
    ['aspectRatio', 'ar'],
    ['background', 'bg'],
    ['border', 'b'],
    ['crop', 'c'],
    ['cropMode', 'cm'],
    ['dpr', 'dpr'],
    ['focus', 'fo'],
    ['quality', 'q'],
    ['x', 'x'],
    ['xCenter', 'xc'],
    ['y', 'y'],
    ['yCenter', 'yc'],
    ['format', 'f'],
    ['videoCodec', 'vc'],
    ['audioCodec', 'ac'],
    ['radius', 'r'],
    ['rotation', 'rt'],
    ['blur', 'bl'],
    ['named', 'n'],
    ['flip', 'fl'],
    ['original', 'orig'],
    ['startOffset', 'so'],
    ['endOffset', 'eo'],
    ['duration', 'du'],
    ['streamingResolutions', 'sr'],
    ['aiChangeBackground', 'e-changebg'],
    ['aiEdit', 'e-edit'],
    ['colorReplace', 'cr'],
    ['colorize', 'e-colorize'],
    ['distort', 'e-distort'],
    ['progressive', 'pr'],
    ['lossless', 'lo'],
    ['colorProfile', 'cp'],
    ['metadata', 'md'],
    ['opacity', 'o'],
    ['zoom', 'z'],
    ['page', 'pg'],
    ['fontSize', 'fs'],
    ['fontColor', 'co'],
    ['innerAlignment', 'ia'],
    ['padding', 'pa'],
    ['alpha', 'al'],
    ['typography', 'tg'],
    ['lineHeight', 'lh'],
    ['fontOutline', 'fol'],
    ['fontShadow', 'fsh'],
    ['color', 'co'],
    ['layerMode', 'lm'],
    // the legacy names
    ['rotate', 'rt'],
    ['aspect_ratio', 'ar'],
    ['crop_mode', 'cm'],
    ['color_profile', 'cp'],
    // deprecated overlay keys, both spellings
    ['overlayX', 'ox'],
    ['overlay_x', 'ox'],
    ['overlayY', 'oy'],
    ['overlay_y', 'oy'],
    ['overlayFocus', 'ofo'],
    ['overlay_focus', 'ofo'],
    ['overlayHeight', 'oh'],
    ['overlay_height', 'oh'],
    ['overlayWidth', 'ow'],
    ['overlay_width', 'ow'],
    ['overlayImageTrim', 'oit'],
    ['overlay_image_trim', 'oit'],
    ['overlayImageAspectRatio', 'oiar'],
    ['overlay_image_aspect_ratio', 'oiar'],
    ['overlayImageBackground', 'oibg'],
    ['overlay_image_background', 'oibg'],
    ['overlayImageBorder', 'oib'],
    ['overlay_image_border', 'oib'],
    ['overlayImageDPR', 'oidpr'],
    ['overlay_image_dpr', 'oidpr'],
    ['overlayImageQuality', 'oiq'],
    ['overlay_image_quality', 'oiq'],
    ['overlayImageCropping', 'oic'],
    ['overlay_image_cropping', 'oic'],
    ['overlayImageFocus', 'oifo'],
    ['overlay_image_focus', 'oifo'],
    ['overlayText', 'ot'],
    ['overlay_text', 'ot'],
    ['overlayTextFontSize', 'ots'],
    ['overlay_text_font_size', 'ots'],
    ['overlayTextFontFamily', 'otf'],
    ['overlay_text_font_family', 'otf'],
    ['overlayTextColor', 'otc'],
    ['overlay_text_color', 'otc'],
    ['overlayTextTransparency', 'oa'],
    ['overlay_text_transparency', 'oa'],
    ['overlayAlpha', 'oa'],
    ['overlay_alpha', 'oa'],
    ['overlayTextTypography', 'ott'],
    ['overlay_text_typography', 'ott'],
    ['overlayBackground', 'obg'],
    ['overlay_background', 'obg'],
    ['overlayTextEncoded', 'ote'],
    ['overlay_text_encoded', 'ote'],
    ['overlayTextWidth', 'otw'],
    ['overlay_text_width', 'otw'],
    ['overlayTextBackground', 'otbg'],
    ['overlay_text_background', 'otbg'],
    ['overlayTextPadding', 'otp'],
    ['overlay_text_padding', 'otp'],
    ['overlayTextInnerAlignment', 'otia'],
    ['overlay_text_inner_alignment', 'otia'],
    ['overlayRadius', 'or'],
    ['overlay_radius', 'or'],
  ];
  it.each(table)('maps %s to %s', (name, key) => {
    expect(bts([{ [name]: 'v1' }])).toBe(`${key}-v1`);
  });

  const effects: Array<[string, string]> = [
    ['grayscale', 'e-grayscale'],
    ['aiUpscale', 'e-upscale'],
    ['aiRetouch', 'e-retouch'],
    ['aiVariation', 'e-genvar'],
    ['aiDropShadow', 'e-dropshadow'],
    ['aiRemoveBackground', 'e-bgremove'],
    ['aiRemoveBackgroundExternal', 'e-removedotbg'],
    ['contrastStretch', 'e-contrast'],
    ['shadow', 'e-shadow'],
    ['sharpen', 'e-sharpen'],
    ['unsharpMask', 'e-usm'],
    ['gradient', 'e-gradient'],
    ['effectSharpen', 'e-sharpen'],
    ['effectUSM', 'e-usm'],
    ['effectContrast', 'e-contrast'],
    ['effectGray', 'e-grayscale'],
    ['effectShadow', 'e-shadow'],
    ['effectGradient', 'e-gradient'],
    ['effect_sharpen', 'e-sharpen'],
    ['effect_usm', 'e-usm'],
    ['effect_contrast', 'e-contrast'],
    ['effect_gray', 'e-grayscale'],
    ['effect_shadow', 'e-shadow'],
    ['effect_gradient', 'e-gradient'],
  ];
  it.each(effects)('maps effect %s: true to the bare key %s', (name, key) => {
    expect(bts([{ [name]: true }])).toBe(key);
  });

  it('tries the exact name before the lower-cased one (WIDTH → w)', () => {
    expect(bts([untyped({ WIDTH: 100 })])).toBe('w-100');
  });
  it('lower-cases mixed-case names (Height → h)', () => {
    expect(bts([untyped({ Height: 100 })])).toBe('h-100');
  });
  it('passes unknown keys through verbatim (rndm_trnsf)', () => {
    expect(bts([untyped({ rndm_trnsf: 'abcd' })])).toBe('rndm_trnsf-abcd');
  });
  it('passes fake_xxxx through verbatim', () => {
    expect(bts([untyped({ fake_xxxx: 'yes' })])).toBe('fake_xxxx-yes');
  });
  it('skips an empty key', () => {
    expect(bts([untyped({ '': 'x', width: 1 })])).toBe('w-1');
  });
  it('does not treat Object.prototype names as transformation names', () => {
    expect(bts([{ constructor: 'a', toString: 'b' } as Transformation])).toBe('constructor-a,toString-b');
  });
});

describe('buildTransformationString: values (rule 7)', () => {
  it('renders "-" as the bare key for an ordinary parameter', () => {
    expect(bts([{ width: '-' }])).toBe('w');
  });
  it('renders effect_sharpen: "-" as e-sharpen (the classic rule, overriding Node v7 "e-sharpen--")', () => {
    expect(bts([{ effect_sharpen: '-' }])).toBe('e-sharpen');
  });
  it('renders "-" as the bare key for an unknown key', () => {
    expect(bts([untyped({ custom: '-' })])).toBe('custom');
  });
  it('renders effect_contrast: "1" as e-contrast-1 (the classic example, overriding Node v7 which omits it)', () => {
    expect(bts([{ effect_contrast: '1' }])).toBe('e-contrast-1');
  });
  it('renders a flag-only effect with "true" as the bare key', () => {
    expect(bts([{ grayscale: 'true' }])).toBe('e-grayscale');
  });
  it('omits a flag-only effect set to false', () => {
    expect(bts([{ grayscale: false, width: 1 }])).toBe('w-1');
  });
  it('omits a flag-only effect set to "false"', () => {
    expect(bts([{ contrastStretch: 'false', width: 1 }])).toBe('w-1');
  });
  it('omits a flag-only effect set to ""', () => {
    expect(bts([{ aiUpscale: '', width: 1 }])).toBe('w-1');
  });
  it('renders a flag-only effect with a number as key-value', () => {
    expect(bts([{ grayscale: 1 }])).toBe('e-grayscale-1');
  });
  it('renders an optional-value effect with "" as the bare key', () => {
    expect(bts([{ sharpen: '' }])).toBe('e-sharpen');
  });
  it('renders an optional-value effect with whitespace as the bare key', () => {
    expect(bts([{ shadow: '  ' }])).toBe('e-shadow');
  });
  it('renders an optional-value effect with "true" as the bare key', () => {
    expect(bts([{ unsharpMask: 'true' }])).toBe('e-usm');
  });
  it('renders an optional-value effect with a value as key-value', () => {
    expect(bts([{ sharpen: 10 }])).toBe('e-sharpen-10');
  });
  it('renders an optional-value effect with false as key-false', () => {
    expect(bts([{ gradient: false }])).toBe('e-gradient-false');
  });
  it('renders true as key-true for an ordinary parameter', () => {
    expect(bts([{ progressive: true }])).toBe('pr-true');
  });
  it('renders false as key-false for an ordinary parameter', () => {
    expect(bts([{ lossless: false }])).toBe('lo-false');
  });
  it('renders true as key-true for a non-flag effect (aiEdit)', () => {
    expect(bts([{ aiEdit: true as never }])).toBe('e-edit-true');
  });
  it('renders 0 as key-0', () => {
    expect(bts([{ x: 0 }])).toBe('x-0');
  });
  it('renders 0.8 as key-0.8', () => {
    expect(bts([{ width: 0.8 }])).toBe('w-0.8');
  });
  it('renders an integral float without a decimal', () => {
    expect(bts([{ width: 5.0 }])).toBe('w-5');
  });
  it('keeps arithmetic strings unchanged', () => {
    expect(bts([{ width: 'iw_div_2', rotation: 'N45' }])).toBe('w-iw_div_2,rt-N45');
  });
  // Was: `di-` (Node v7's output, which ImageKit ignores). Now a TypeError (issue 11 item 10).
  it('refuses an empty string on an ordinary key', () => {
    expect(() => bts([{ defaultImage: '' }])).toThrow(/`transformation\[0\]\.defaultImage` must not be empty/);
  });
  it('strips one outer slash from defaultImage and turns / into @@', () => {
    expect(bts([{ defaultImage: '/folder/file.jpg/' }])).toBe('di-folder@@file.jpg');
  });
  it('strips only one leading slash from defaultImage', () => {
    expect(bts([{ defaultImage: '//a.jpg' }])).toBe('di-@@a.jpg');
  });
  it('treats default_image like defaultImage', () => {
    expect(bts([{ default_image: '/a/b.jpg' }])).toBe('di-a@@b.jpg');
  });
  it('turns / into @@ in the legacy overlay image (oi)', () => {
    expect(bts([{ overlayImage: '/folder/logo.png' }])).toBe('oi-folder@@logo.png');
  });
  it('turns / into @@ in fontFamily (ff, as Node v7; JS v5 keeps ff-a/b)', () => {
    expect(bts([{ fontFamily: 'nested-path/Poppins.ttf' }])).toBe('ff-nested-path@@Poppins.ttf');
  });
  it('joins streamingResolutions arrays with "_"', () => {
    expect(bts([{ streamingResolutions: ['1440', '1080'] }])).toBe('sr-1440_1080');
  });
  it('passes a streamingResolutions string through', () => {
    expect(bts([{ streamingResolutions: '240_360' as never }])).toBe('sr-240_360');
  });
  it('renders trim: "" as t-true', () => {
    expect(bts([{ trim: '' }])).toBe('t-true');
  });
  it('renders trim: " " as t-true', () => {
    expect(bts([{ trim: ' ' }])).toBe('t-true');
  });
  it('renders trim: true as t-true', () => {
    expect(bts([{ trim: true }])).toBe('t-true');
  });
  it('renders trim: false as t-false', () => {
    expect(bts([{ trim: false }])).toBe('t-false');
  });
  it('renders trim: 5 as t-5', () => {
    expect(bts([{ trim: 5 }])).toBe('t-5');
  });
  it('keeps spaces in values (encoding happens in buildUrl)', () => {
    expect(bts([{ aiEdit: 'prompt-make it vintage' }])).toBe('e-edit-prompt-make it vintage');
  });
});

describe('buildTransformationString: raw', () => {
  it('inserts raw as it is', () => {
    expect(bts([{ raw: 'l-text,i-Hi,l-end' }])).toBe('l-text,i-Hi,l-end');
  });
  it('inserts raw among other parameters in key order', () => {
    expect(bts([{ width: 1, raw: 'h-2,q-3', rotation: 4 }])).toBe('w-1,h-2,q-3,rt-4');
  });
  it('does not leave a trailing ":" for an empty raw step (overriding Node v7 "w-400:")', () => {
    expect(bts([{ width: 400 }, { raw: '' }])).toBe('w-400');
  });
  it('gives "" for a lone empty raw', () => {
    expect(bts([{ raw: '' }])).toBe('');
  });
  it('does not produce "::" for an empty raw between steps', () => {
    expect(bts([{ width: 1 }, { raw: '' }, { height: 2 }])).toBe('w-1:h-2');
  });
});

describe('buildTransformationString: bad input', () => {
  it('throws TypeError naming `transformation` when it is not an array', () => {
    expect(() => bts({ width: 1 } as unknown as Transformation[])).toThrow(TypeError);
    expect(() => bts({ width: 1 } as unknown as Transformation[])).toThrow(/`transformation`/);
  });
  it('throws TypeError naming the step when a step is not an object', () => {
    expect(() => bts(['w-100' as unknown as Transformation])).toThrow(/`transformation\[0\]`/);
  });
  it('throws TypeError when a step is an array', () => {
    expect(() => bts([[] as unknown as Transformation])).toThrow(TypeError);
  });
  it('throws TypeError when a step is false', () => {
    expect(() => bts([{ width: 1 }, false as unknown as Transformation])).toThrow(/`transformation\[1\]`/);
  });
  it('throws RangeError naming the key for NaN', () => {
    expect(() => bts([{ width: NaN }])).toThrow(RangeError);
    expect(() => bts([{ width: NaN }])).toThrow(/`transformation\[0\]\.width`/);
  });
  it('throws RangeError naming the key for Infinity', () => {
    expect(() => bts([{ width: 1 }, { height: Infinity }])).toThrow(/`transformation\[1\]\.height`/);
  });
  it('throws RangeError for a non-finite streaming resolution', () => {
    expect(() => bts([{ streamingResolutions: [NaN] as never }])).toThrow(RangeError);
  });
  it('throws TypeError naming the key for an object value', () => {
    expect(() => bts([{ width: { a: 1 } }] as never)).toThrow(/`transformation\[0\]\.width`/);
  });
  it('throws TypeError naming the key for an array on a non-sr key', () => {
    expect(() => bts([{ width: [1, 2] }] as never)).toThrow(TypeError);
  });
  it('throws TypeError naming raw when raw is not a string', () => {
    expect(() => bts([{ raw: 5 }] as never)).toThrow(/`transformation\[0\]\.raw`/);
  });
  it('throws TypeError for a function value', () => {
    expect(() => bts([{ width: () => 1 }] as never)).toThrow(TypeError);
  });
});
