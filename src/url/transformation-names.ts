/**
 * @module url/transformation-names
 * The name → URL key table (url-rules §5 and Part A rule 6): new-generation camelCase
 * names, the seed's legacy names and the deprecated overlay keys. Pure. Not public API.
 */

/**
 * `name key` pairs. A name marked `_` is also known in snake_case (its upper-case runs
 * become `_` + lower case: `effectUSM` → `effect_usm`, `overlayImageDPR` → `overlay_image_dpr`).
 * A name starting with an upper-case letter is a deprecated `overlay…` name, marked `_` too.
 * `raw` maps to itself so that `RAW` and `Raw` find it too.
 */
const names =
  'width w height h _aspectRatio ar background bg border b crop c _cropMode cm dpr dpr focus fo quality q x x ' +
  'xCenter xc y y yCenter yc format f videoCodec vc audioCodec ac radius r rotation rt rotate rt blur bl named n ' +
  '_defaultImage di flip fl original orig startOffset so endOffset eo duration du streamingResolutions sr ' +
  'grayscale e-grayscale aiUpscale e-upscale aiRetouch e-retouch aiVariation e-genvar aiDropShadow e-dropshadow ' +
  'aiChangeBackground e-changebg aiRemoveBackground e-bgremove aiRemoveBackgroundExternal e-removedotbg ' +
  'aiEdit e-edit contrastStretch e-contrast shadow e-shadow sharpen e-sharpen unsharpMask e-usm ' +
  'gradient e-gradient colorReplace cr colorize e-colorize distort e-distort progressive pr lossless lo ' +
  '_colorProfile cp metadata md opacity o trim t zoom z page pg fontSize fs fontFamily ff fontColor co ' +
  'innerAlignment ia padding pa alpha al typography tg lineHeight lh fontOutline fol fontShadow fsh color co ' +
  'layerMode lm density dn raw raw ' +
  '_effectSharpen e-sharpen _effectUSM e-usm _effectContrast e-contrast _effectGray e-grayscale ' +
  '_effectShadow e-shadow _effectGradient e-gradient ' +
  'X ox Y oy Focus ofo Height oh Width ow Image oi ' +
  'ImageTrim oit ImageAspectRatio oiar ImageBackground oibg ImageBorder oib ' +
  'ImageDPR oidpr ImageQuality oiq ImageCropping oic ImageFocus oifo ' +
  'Text ot TextFontSize ots TextFontFamily otf TextColor otc ' +
  'TextTransparency oa Alpha oa TextTypography ott Background obg ' +
  'TextEncoded ote TextWidth otw TextBackground otbg TextPadding otp ' +
  'TextInnerAlignment otia Radius or';

let table: Record<string, string | undefined> | undefined;

/**
 * The URL key for a name: exact match first, then the lower-cased name, else the name
 * itself (unknown keys pass through verbatim; rule 6). The table is built on first use.
 */
export function lookupKey(name: string): string {
  if (!table) {
    // No prototype: `constructor` and friends are not names.
    table = Object.create(null) as Record<string, string | undefined>;
    const words = names.split(' ');
    for (let i = 0; i < words.length; i += 2) {
      let word = words[i]!;
      if (word < 'a') {
        if (word < '_') word = 'overlay' + word;
        else word = word.slice(1);
        table[word.replace(/[A-Z]+/g, (run) => '_' + run.toLowerCase())] = words[i + 1];
      }
      table[word] = words[i + 1];
    }
  }
  return table[name] ?? table[name.toLowerCase()] ?? name;
}
