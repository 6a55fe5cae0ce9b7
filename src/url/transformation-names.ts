/**
 * @module url/transformation-names
 * The name → URL key table (url-rules §5 and Part A rule 6): new-generation camelCase
 * names, the seed's legacy names and the deprecated overlay keys. Pure. Not public API.
 */

/**
 * The names, space-separated. An entry is `name` when its key is the initials of the
 * camelCase name, lower-cased (`cropMode` → `cm`, `overlayImageDPR` → `oidpr`);
 * `name:-` when it is an effect `e-` + the lower-cased name without an `ai`/`effect`
 * prefix (`aiUpscale` → `e-upscale`); otherwise `name:key`. A name marked `_` is also
 * known in snake_case (its upper-case runs become `_` + lower case: `effectUSM` →
 * `effect_usm`). A name starting with an upper-case letter is a deprecated `overlay…`
 * name, known in snake_case too. `raw` maps to itself so that `RAW` and `Raw` find it.
 */
const names =
  'width height _aspectRatio background:bg border crop _cropMode dpr:dpr focus:fo quality x xCenter y ' +
  'yCenter format videoCodec audioCodec radius rotation:rt rotate:rt blur:bl named _defaultImage ' +
  'flip:fl original:orig startOffset endOffset duration:du streamingResolutions grayscale:- ' +
  'aiUpscale:- aiRetouch:- aiVariation:e-genvar aiDropShadow:- aiChangeBackground:e-changebg ' +
  'aiRemoveBackground:e-bgremove aiRemoveBackgroundExternal:e-removedotbg aiEdit:- ' +
  'contrastStretch:e-contrast shadow:- sharpen:- unsharpMask:e-usm gradient:- colorReplace colorize:- ' +
  'distort:- progressive:pr lossless:lo _colorProfile metadata:md opacity trim zoom page:pg fontSize ' +
  'fontFamily fontColor:co innerAlignment padding:pa alpha:al typography:tg lineHeight fontOutline:fol ' +
  'fontShadow:fsh color:co layerMode density:dn raw:raw _effectSharpen:- _effectUSM:- ' +
  '_effectContrast:- _effectGray:e-grayscale _effectShadow:- _effectGradient:- X Y Focus:ofo Height ' +
  'Width Image ImageTrim ImageAspectRatio ImageBackground:oibg ImageBorder ImageDPR ImageQuality ' +
  'ImageCropping ImageFocus:oifo Text TextFontSize:ots TextFontFamily:otf TextColor ' +
  'TextTransparency:oa Alpha TextTypography Background:obg TextEncoded TextWidth TextBackground:otbg ' +
  'TextPadding TextInnerAlignment Radius';

let table: Record<string, string | undefined> | undefined;

/**
 * The URL key for a name: exact match first, then the lower-cased name, else the name
 * itself (unknown keys pass through verbatim; rule 6). The table is built on first use.
 */
export function lookupKey(name: string): string {
  if (!table) {
    // No prototype: `constructor` and friends are not names.
    table = Object.create(null) as Record<string, string | undefined>;
    for (const entry of names.split(' ')) {
      let [word, key] = entry.split(':') as [string, string?];
      const snake = word < 'a';
      if (snake) word = word < '_' ? 'overlay' + word : word.slice(1);
      if (key === '-') key = 'e-' + word.replace(/^(ai|effect)/, '').toLowerCase();
      key ??= (word[0] + word.replace(/[^A-Z]/g, '')).toLowerCase();
      if (snake) table[word.replace(/[A-Z]+/g, (run) => '_' + run.toLowerCase())] = key;
      table[word] = key;
    }
  }
  return table[name] ?? table[name.toLowerCase()] ?? name;
}
