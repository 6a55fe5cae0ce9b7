/**
 * @module url/transformation-names
 * The name → URL key table (url-rules §5 and Part A rule 6): new-generation camelCase
 * names, the seed's legacy camelCase and snake_case names, and the deprecated overlay
 * keys. Pure data. Not public API.
 */

/** Marker for the `raw` key: its value is inserted as it is. */
export const rawKey = '\u0000raw';

/**
 * Every known name, mapped to its URL key. Lookups must go through {@link lookupKey}
 * (the table has a `null` prototype, so `constructor` and friends are not names).
 */
export const transformationKeys: Readonly<Record<string, string>> = {
  __proto__: null,
  // New generation (Node v7 table; url-rules §5).
  width: 'w',
  height: 'h',
  aspectRatio: 'ar',
  background: 'bg',
  border: 'b',
  crop: 'c',
  cropMode: 'cm',
  dpr: 'dpr',
  focus: 'fo',
  quality: 'q',
  x: 'x',
  xCenter: 'xc',
  y: 'y',
  yCenter: 'yc',
  format: 'f',
  videoCodec: 'vc',
  audioCodec: 'ac',
  radius: 'r',
  rotation: 'rt',
  blur: 'bl',
  named: 'n',
  defaultImage: 'di',
  flip: 'fl',
  original: 'orig',
  startOffset: 'so',
  endOffset: 'eo',
  duration: 'du',
  streamingResolutions: 'sr',
  grayscale: 'e-grayscale',
  aiUpscale: 'e-upscale',
  aiRetouch: 'e-retouch',
  aiVariation: 'e-genvar',
  aiDropShadow: 'e-dropshadow',
  aiChangeBackground: 'e-changebg',
  aiRemoveBackground: 'e-bgremove',
  aiRemoveBackgroundExternal: 'e-removedotbg',
  aiEdit: 'e-edit',
  contrastStretch: 'e-contrast',
  shadow: 'e-shadow',
  sharpen: 'e-sharpen',
  unsharpMask: 'e-usm',
  gradient: 'e-gradient',
  colorReplace: 'cr',
  colorize: 'e-colorize',
  distort: 'e-distort',
  progressive: 'pr',
  lossless: 'lo',
  colorProfile: 'cp',
  metadata: 'md',
  opacity: 'o',
  trim: 't',
  zoom: 'z',
  page: 'pg',
  fontSize: 'fs',
  fontFamily: 'ff',
  fontColor: 'co',
  innerAlignment: 'ia',
  padding: 'pa',
  alpha: 'al',
  typography: 'tg',
  lineHeight: 'lh',
  fontOutline: 'fol',
  fontShadow: 'fsh',
  color: 'co',
  // JS v5 only: a top-level layer mode and PDF/vector density.
  layerMode: 'lm',
  density: 'dn',
  raw: rawKey,
  // Legacy (the seed's table): camelCase spellings not above, then snake_case.
  rotate: 'rt',
  effectSharpen: 'e-sharpen',
  effectUSM: 'e-usm',
  effectContrast: 'e-contrast',
  effectGray: 'e-grayscale',
  effectShadow: 'e-shadow',
  effectGradient: 'e-gradient',
  aspect_ratio: 'ar',
  crop_mode: 'cm',
  color_profile: 'cp',
  default_image: 'di',
  effect_sharpen: 'e-sharpen',
  effect_usm: 'e-usm',
  effect_contrast: 'e-contrast',
  effect_gray: 'e-grayscale',
  effect_shadow: 'e-shadow',
  effect_gradient: 'e-gradient',
  // Deprecated overlay keys (removed in Python 4.0, JS 3.0, Node 5.0), both spellings.
  overlayX: 'ox',
  overlay_x: 'ox',
  overlayY: 'oy',
  overlay_y: 'oy',
  overlayFocus: 'ofo',
  overlay_focus: 'ofo',
  overlayHeight: 'oh',
  overlay_height: 'oh',
  overlayWidth: 'ow',
  overlay_width: 'ow',
  overlayImage: 'oi',
  overlay_image: 'oi',
  overlayImageTrim: 'oit',
  overlay_image_trim: 'oit',
  overlayImageAspectRatio: 'oiar',
  overlay_image_aspect_ratio: 'oiar',
  overlayImageBackground: 'oibg',
  overlay_image_background: 'oibg',
  overlayImageBorder: 'oib',
  overlay_image_border: 'oib',
  overlayImageDPR: 'oidpr',
  overlay_image_dpr: 'oidpr',
  overlayImageQuality: 'oiq',
  overlay_image_quality: 'oiq',
  overlayImageCropping: 'oic',
  overlay_image_cropping: 'oic',
  overlayImageFocus: 'oifo',
  overlay_image_focus: 'oifo',
  overlayText: 'ot',
  overlay_text: 'ot',
  overlayTextFontSize: 'ots',
  overlay_text_font_size: 'ots',
  overlayTextFontFamily: 'otf',
  overlay_text_font_family: 'otf',
  overlayTextColor: 'otc',
  overlay_text_color: 'otc',
  overlayTextTransparency: 'oa',
  overlay_text_transparency: 'oa',
  overlayAlpha: 'oa',
  overlay_alpha: 'oa',
  overlayTextTypography: 'ott',
  overlay_text_typography: 'ott',
  overlayBackground: 'obg',
  overlay_background: 'obg',
  overlayTextEncoded: 'ote',
  overlay_text_encoded: 'ote',
  overlayTextWidth: 'otw',
  overlay_text_width: 'otw',
  overlayTextBackground: 'otbg',
  overlay_text_background: 'otbg',
  overlayTextPadding: 'otp',
  overlay_text_padding: 'otp',
  overlayTextInnerAlignment: 'otia',
  overlay_text_inner_alignment: 'otia',
  overlayRadius: 'or',
  overlay_radius: 'or',
} as unknown as Record<string, string>;

/**
 * The URL key for a name: exact match first, then the lower-cased name, else the name
 * itself (unknown keys pass through verbatim; rule 6).
 */
export function lookupKey(name: string): string {
  const exact = transformationKeys[name];
  if (exact !== undefined) return exact;
  const lower = transformationKeys[name.toLowerCase()];
  return lower ?? name;
}

/** Effects that take no value: `true`/`"true"` → bare key; `false`/empty → omitted (rule 7). */
export function isFlagOnlyEffect(key: string): boolean {
  return (
    key === 'e-grayscale' ||
    key === 'e-contrast' ||
    key === 'e-removedotbg' ||
    key === 'e-bgremove' ||
    key === 'e-upscale' ||
    key === 'e-retouch' ||
    key === 'e-genvar'
  );
}

/** Effects with an optional value: `true`/`"true"`/empty → bare key (rule 7). */
export function isOptionalValueEffect(key: string): boolean {
  return (
    key === 'e-sharpen' ||
    key === 'e-shadow' ||
    key === 'e-gradient' ||
    key === 'e-usm' ||
    key === 'e-dropshadow'
  );
}

/** Keys whose values are paths: one outer `/` stripped each side, `/` → `@@` (rule 6). */
export function isPathValueKey(key: string): boolean {
  return key === 'di' || key === 'oi' || key === 'ff';
}
