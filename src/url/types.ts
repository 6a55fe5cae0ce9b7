/**
 * @module url/types
 * Public types of the URL builder: options, the typed transformation step with an
 * escape hatch, overlay layers and responsive-image options. Types only.
 */

/** A scalar transformation value. Numbers must be finite. */
export type TransformationValue = string | number | boolean;

/** Where the transformation string goes: a `tr:` path segment or the `tr` query parameter. */
export type TransformationPosition = 'path' | 'query';

/** Every key also accepts `null`/`undefined`, which skip the parameter (handy for conditionals). */
type Skippable<T> = { [K in keyof T]?: T[K] | null | undefined };

/** A string with suggested values that still accepts any other string. */
type Suggest<T extends string> = T | (string & {});

/** Position of a layer on its parent (`lx`, `ly`, `lxc`, `lyc`, `lfo`, `lap`). Falsy values are skipped. */
export interface OverlayPosition {
  /** Top-left x of the layer, or an arithmetic expression such as `bw_mul_0.4`. Maps to `lx`. */
  x?: number | string;
  /** Top-left y of the layer, or an expression. Maps to `ly`. */
  y?: number | string;
  /** x of the layer's centre. Maps to `lxc`. */
  xCenter?: number | string;
  /** y of the layer's centre. Maps to `lyc`. */
  yCenter?: number | string;
  /** Relative position, ignored when x/y are given. Maps to `lfo`. */
  focus?: 'center' | 'top' | 'left' | 'bottom' | 'right' | 'top_left' | 'top_right' | 'bottom_left' | 'bottom_right';
  /** Anchor on the parent from which x/y are measured. Maps to `lap`. */
  anchorPoint?: 'top' | 'left' | 'right' | 'bottom' | 'top_left' | 'top_right' | 'bottom_left' | 'bottom_right' | 'center';
}

/** When a layer shows on a video parent, in seconds or as an expression (`lso`, `leo`, `ldu`). */
export interface OverlayTiming {
  /** Start time. Maps to `lso`. */
  start?: number | string;
  /** End time. Maps to `leo`. */
  end?: number | string;
  /** Duration. Maps to `ldu`. */
  duration?: number | string;
}

/** How a layer input is written: `i-<plain>` or `ie-<base64>`; `auto` picks plain when it is safe. */
export type OverlayEncoding = 'auto' | 'plain' | 'base64';

/** Fields shared by every layer type. */
export interface BaseOverlay {
  /** How the layer blends with its parent. Maps to `lm`. */
  layerMode?: 'multiply' | 'cutter' | 'cutout' | 'displace';
  /** Where the layer sits. */
  position?: OverlayPosition;
  /** When the layer shows (video parents only). */
  timing?: OverlayTiming;
  /** Transformations applied to the layer itself (rendered inside `l-…,l-end`). */
  transformation?: Transformation[];
}

/** A text layer: `l-text,i-<text>` or `ie-<base64>`. */
export interface TextOverlay extends BaseOverlay {
  type: 'text';
  /** The text. An empty text drops the layer. */
  text: string;
  /**
   * `plain` writes `i-` + percent-encoded text, `base64` writes `ie-` + base64 of its
   * UTF-8 bytes; `auto` uses plain for `[a-zA-Z0-9-._ ]` only.
   * @default 'auto'
   */
  encoding?: OverlayEncoding;
}

/** An image layer: `l-image,i-<path>`. */
export interface ImageOverlay extends BaseOverlay {
  type: 'image';
  /** Path of the image in your media library; one leading and trailing `/` are removed. */
  input: string;
  /** @default 'auto' */
  encoding?: OverlayEncoding;
}

/** A video layer: `l-video,i-<path>`. */
export interface VideoOverlay extends BaseOverlay {
  type: 'video';
  /** Path of the video in your media library. */
  input: string;
  /** @default 'auto' */
  encoding?: OverlayEncoding;
}

/** A subtitle layer: `l-subtitles,i-<path>`. */
export interface SubtitleOverlay extends BaseOverlay {
  type: 'subtitle';
  /** Path of the subtitle file in your media library. */
  input: string;
  /** @default 'auto' */
  encoding?: OverlayEncoding;
}

/** A solid colour block: `l-image,i-ik_canvas,bg-<color>`. */
export interface SolidColorOverlay extends BaseOverlay {
  type: 'solidColor';
  /** RGB(A) hex such as `FF0000` / `FFAABB50`, or a colour name. */
  color: string;
}

/** Any layer (`overlay` key of a transformation step). */
export type Overlay = TextOverlay | ImageOverlay | VideoOverlay | SubtitleOverlay | SolidColorOverlay;

/** Crop strategies (`c`). */
export type CropStrategy = 'force' | 'at_max' | 'at_max_enlarge' | 'at_least' | 'maintain_ratio' | 'maintain_ratio_no_enlarge';

/** Crop modes (`cm`). */
export type CropModeValue = 'pad_resize' | 'extract' | 'pad_extract' | 'pad_resize_no_enlarge' | 'pad_extract_no_shrink';

/** Output formats (`f`). */
export type FormatValue = 'auto' | 'webp' | 'jpg' | 'jpeg' | 'png' | 'gif' | 'svg' | 'mp4' | 'webm' | 'avif' | 'orig';

/** Video codecs (`vc`). */
export type VideoCodecValue = 'h264' | 'vp9' | 'av1' | 'none';

/** Audio codecs (`ac`). */
export type AudioCodecValue = 'aac' | 'opus' | 'none';

/** Flip directions (`fl`). */
export type FlipValue = 'h' | 'v' | 'h_v' | 'v_h';

/** The heights ImageKit streams at. */
type StreamingHeight = 240 | 360 | 480 | 720 | 1080 | 1440 | 2160;

/** Adaptive-streaming resolutions (`sr`): a height as a number (`1080`) or a string (`'1080'`). */
export type StreamingResolution = StreamingHeight | `${StreamingHeight}`;

/** Focus values (`fo`): positions, `auto`, `face`, or an object name. */
export type FocusValue = Suggest<
  'center' | 'top' | 'left' | 'bottom' | 'right' | 'top_left' | 'top_right' | 'bottom_left' | 'bottom_right' | 'auto' | 'face'
>;

/** Value of a flag-only effect: `true`/`"true"`/`"-"` apply it; `false`/`""` omit it. */
type Flag = boolean | string | number;
/** Value of an optional-value effect: `true` or `""` applies the default, a value customises it. */
type OptionalValue = boolean | string | number;

/** New-generation transformation names (Node v7 / JS v5 table). */
export interface ModernTransformation {
  /** Output width in px, a fraction (`0.4`), or an expression (`iw_div_2`). `w` */
  width?: number | string;
  /** Output height. `h` */
  height?: number | string;
  /** Aspect ratio such as `4-3` or an expression. `ar` */
  aspectRatio?: number | string;
  /** Background colour, `dominant`, `blurred…`, `genfill…`. `bg` */
  background?: string;
  /** Border `<width>_<hex>`. `b` */
  border?: string;
  /** Crop strategy. `c` */
  crop?: CropStrategy;
  /** Crop mode. `cm` */
  cropMode?: CropModeValue;
  /** Device pixel ratio, 0.1–5, or `auto`. `dpr` */
  dpr?: number | 'auto' | (string & {});
  /** Focus for cropping. `fo` */
  focus?: FocusValue;
  /** Output quality 1–100. `q` */
  quality?: number;
  /** Focus x coordinate. `x` */
  x?: number | string;
  /** Focus x centre. `xc` */
  xCenter?: number | string;
  /** Focus y coordinate. `y` */
  y?: number | string;
  /** Focus y centre. `yc` */
  yCenter?: number | string;
  /** Output format. `f` */
  format?: FormatValue;
  /** Video codec. `vc` */
  videoCodec?: VideoCodecValue;
  /** Audio codec. `ac` */
  audioCodec?: AudioCodecValue;
  /** Corner radius, `max`, or `tl_tr_br_bl`. `r` */
  radius?: number | 'max' | (string & {});
  /** Rotation in degrees, `N40` counter-clockwise, or `auto`. `rt` */
  rotation?: number | string;
  /** Gaussian blur 1–100. `bl` */
  blur?: number;
  /** Named transformation. `n` */
  named?: string;
  /** Fallback image path; slashes become `@@`. `di` */
  defaultImage?: string;
  /** Flip. `fl` */
  flip?: FlipValue;
  /** Serve the original file. `orig` */
  original?: boolean;
  /** Video trim start. `so` */
  startOffset?: number | string;
  /** Video trim end. `eo` */
  endOffset?: number | string;
  /** Video trim duration. `du` */
  duration?: number | string;
  /** Adaptive-streaming resolutions, joined with `_`. `sr` */
  streamingResolutions?: StreamingResolution[] | string;
  /** Grayscale. `e-grayscale` */
  grayscale?: Flag;
  /** AI upscale. `e-upscale` */
  aiUpscale?: Flag;
  /** AI retouch. `e-retouch` */
  aiRetouch?: Flag;
  /** AI variation. `e-genvar` */
  aiVariation?: Flag;
  /** AI drop shadow, default or customised. `e-dropshadow` */
  aiDropShadow?: OptionalValue;
  /** AI change background: `prompt-…`. `e-changebg` */
  aiChangeBackground?: string;
  /** ImageKit background removal. `e-bgremove` */
  aiRemoveBackground?: Flag;
  /** Third-party background removal. `e-removedotbg` */
  aiRemoveBackgroundExternal?: Flag;
  /** AI edit: `prompt-…`. `e-edit` */
  aiEdit?: string;
  /** Contrast stretch. `e-contrast` */
  contrastStretch?: Flag;
  /** Shadow, default or customised. `e-shadow` */
  shadow?: OptionalValue;
  /** Sharpen, default or an amount. `e-sharpen` */
  sharpen?: OptionalValue;
  /** Unsharp mask, default or customised. `e-usm` */
  unsharpMask?: OptionalValue;
  /** Gradient, default or customised. `e-gradient` */
  gradient?: OptionalValue;
  /** Colour replace `to[_tolerance[_from]]`. `cr` */
  colorReplace?: string;
  /** Colorize. `e-colorize` */
  colorize?: string;
  /** Distort (`p-…` perspective or `a-…` arc). `e-distort` */
  distort?: string;
  /** Progressive JPEG. `pr` */
  progressive?: boolean;
  /** Lossless compression. `lo` */
  lossless?: boolean;
  /** Keep the colour profile. `cp` */
  colorProfile?: boolean;
  /** Keep metadata. `md` */
  metadata?: boolean;
  /** Opacity. `o` */
  opacity?: number;
  /** Trim a solid background: `true` or a threshold; `""` means `true`. `t` */
  trim?: boolean | number | string;
  /** Zoom with face/object focus. `z` */
  zoom?: number;
  /** Page or layer of a multi-page file. `pg` */
  page?: number | string;
  /** Text/subtitle font size. `fs` */
  fontSize?: number | string;
  /** Text/subtitle font family; slashes of a custom font path become `@@`. `ff` */
  fontFamily?: string;
  /** Text font colour. `co` */
  fontColor?: string;
  /** Text inner alignment. `ia` */
  innerAlignment?: 'left' | 'right' | 'center';
  /** Text padding. `pa` */
  padding?: number | string;
  /** Layer transparency 1–9. `al` */
  alpha?: number;
  /** Text typography (`b`, `i`, `b_i`, `strikethrough`, …). `tg` */
  typography?: string;
  /** Text line height. `lh` */
  lineHeight?: number | string;
  /** Subtitle font outline `<width>_<color>`. `fol` */
  fontOutline?: string;
  /** Subtitle font shadow `<color>_<indent>`. `fsh` */
  fontShadow?: string;
  /** Subtitle font colour. `co` */
  color?: string;
  /** Layer mode of the step (JS v5 spelling). `lm` */
  layerMode?: 'multiply' | 'cutter' | 'cutout' | 'displace';
  /** Density of a vector/PDF input. `dn` */
  density?: number;
  /** A layer (image, text, video, subtitle or solid colour). */
  overlay?: Overlay;
  /** A transformation string inserted as it is (e.g. `"l-text,i-Hi,l-end"`). Empty is skipped. */
  raw?: string;
}

/** The legacy names (camelCase and snake_case) that the new-generation table does not have. */
export interface LegacyTransformation {
  /** Legacy spelling of `rotation`. `rt` */
  rotate?: number | string;
  /** `e-sharpen`; `"-"` gives the bare key. */
  effectSharpen?: OptionalValue;
  /** `e-usm` */
  effectUSM?: OptionalValue;
  /** `e-contrast` */
  effectContrast?: Flag;
  /** `e-grayscale` */
  effectGray?: Flag;
  /** `e-shadow` */
  effectShadow?: OptionalValue;
  /** `e-gradient` */
  effectGradient?: OptionalValue;
  /** `ar` */
  aspect_ratio?: number | string;
  /** `cm` */
  crop_mode?: CropModeValue;
  /** `cp` */
  color_profile?: boolean;
  /** `di` */
  default_image?: string;
  /** `e-sharpen` */
  effect_sharpen?: OptionalValue;
  /** `e-usm` */
  effect_usm?: OptionalValue;
  /** `e-contrast` */
  effect_contrast?: Flag;
  /** `e-grayscale` */
  effect_gray?: Flag;
  /** `e-shadow` */
  effect_shadow?: OptionalValue;
  /** `e-gradient` */
  effect_gradient?: OptionalValue;
}

/**
 * Deprecated overlay keys of the first generation (removed from the official SDKs in
 * Python 4.0, JS 3.0 and Node 5.0). Still rendered; prefer `overlay` objects.
 */
export interface DeprecatedOverlayTransformation {
  /** @deprecated Use `overlay.position.x`. `ox` */
  overlayX?: number | string;
  /** @deprecated `ox` */
  overlay_x?: number | string;
  /** @deprecated Use `overlay.position.y`. `oy` */
  overlayY?: number | string;
  /** @deprecated `oy` */
  overlay_y?: number | string;
  /** @deprecated Use `overlay.position.focus`. `ofo` */
  overlayFocus?: string;
  /** @deprecated `ofo` */
  overlay_focus?: string;
  /** @deprecated `oh` */
  overlayHeight?: number | string;
  /** @deprecated `oh` */
  overlay_height?: number | string;
  /** @deprecated `ow` */
  overlayWidth?: number | string;
  /** @deprecated `ow` */
  overlay_width?: number | string;
  /** @deprecated Use `overlay: { type: 'image', input }`. Slashes become `@@`. `oi` */
  overlayImage?: string;
  /** @deprecated `oi` */
  overlay_image?: string;
  /** @deprecated `oit` */
  overlayImageTrim?: boolean | number | string;
  /** @deprecated `oit` */
  overlay_image_trim?: boolean | number | string;
  /** @deprecated `oiar` */
  overlayImageAspectRatio?: number | string;
  /** @deprecated `oiar` */
  overlay_image_aspect_ratio?: number | string;
  /** @deprecated `oibg` */
  overlayImageBackground?: string;
  /** @deprecated `oibg` */
  overlay_image_background?: string;
  /** @deprecated `oib` */
  overlayImageBorder?: string;
  /** @deprecated `oib` */
  overlay_image_border?: string;
  /** @deprecated `oidpr` */
  overlayImageDPR?: number | string;
  /** @deprecated `oidpr` */
  overlay_image_dpr?: number | string;
  /** @deprecated `oiq` */
  overlayImageQuality?: number;
  /** @deprecated `oiq` */
  overlay_image_quality?: number;
  /** @deprecated `oic` */
  overlayImageCropping?: string;
  /** @deprecated `oic` */
  overlay_image_cropping?: string;
  /** @deprecated `oifo` */
  overlayImageFocus?: string;
  /** @deprecated `oifo` */
  overlay_image_focus?: string;
  /** @deprecated Use `overlay: { type: 'text', text }`. `ot` */
  overlayText?: string;
  /** @deprecated `ot` */
  overlay_text?: string;
  /** @deprecated `ots` */
  overlayTextFontSize?: number | string;
  /** @deprecated `ots` */
  overlay_text_font_size?: number | string;
  /** @deprecated `otf` */
  overlayTextFontFamily?: string;
  /** @deprecated `otf` */
  overlay_text_font_family?: string;
  /** @deprecated `otc` */
  overlayTextColor?: string;
  /** @deprecated `otc` */
  overlay_text_color?: string;
  /** @deprecated `oa` */
  overlayTextTransparency?: number;
  /** @deprecated `oa` */
  overlay_text_transparency?: number;
  /** @deprecated `oa` */
  overlayAlpha?: number;
  /** @deprecated `oa` */
  overlay_alpha?: number;
  /** @deprecated `ott` */
  overlayTextTypography?: string;
  /** @deprecated `ott` */
  overlay_text_typography?: string;
  /** @deprecated `obg` */
  overlayBackground?: string;
  /** @deprecated `obg` */
  overlay_background?: string;
  /** @deprecated `ote` */
  overlayTextEncoded?: string;
  /** @deprecated `ote` */
  overlay_text_encoded?: string;
  /** @deprecated `otw` */
  overlayTextWidth?: number | string;
  /** @deprecated `otw` */
  overlay_text_width?: number | string;
  /** @deprecated `otbg` */
  overlayTextBackground?: string;
  /** @deprecated `otbg` */
  overlay_text_background?: string;
  /** @deprecated `otp` */
  overlayTextPadding?: number | string;
  /** @deprecated `otp` */
  overlay_text_padding?: number | string;
  /** @deprecated `otia` */
  overlayTextInnerAlignment?: 'left' | 'right' | 'center';
  /** @deprecated `otia` */
  overlay_text_inner_alignment?: 'left' | 'right' | 'center';
  /** @deprecated `or` */
  overlayRadius?: number | string;
  /** @deprecated `or` */
  overlay_radius?: number | string;
}

/**
 * One step of a transformation chain. Every documented parameter is typed, and a key this
 * type does not know is a compile error; use `raw` for anything else (a new ImageKit
 * parameter, say: `{ raw: 'new-x' }`). At run time an unknown key still passes through
 * as `key-value`, for plain JavaScript. Steps are joined with `:`, parameters with `,`.
 * `null`/`undefined` values are skipped; `"-"` renders the bare key.
 * @example
 * [{ width: 400, height: 300, crop: 'at_max' }, { rotation: 90 }, { raw: 'e-new' }]
 */
export interface Transformation
  extends Skippable<ModernTransformation>, Skippable<LegacyTransformation>, Skippable<DeprecatedOverlayTransformation> {}

/** Query parameter values; written with form-style encoding. */
export type QueryParameterValue = string | number | boolean;

/**
 * What a URL is built from: exactly one of `path` (relative to `urlEndpoint`) and `src` (a
 * full `http(s)` URL). The other may be absent or `undefined`.
 */
export type UrlSource =
  | {
      /** Path of the file, relative to `urlEndpoint`. */
      path: string;
      /** Not with `path`. */
      src?: undefined;
    }
  | {
      /** A full `http(s)` URL of the file; a relative `src` is treated as `path`. */
      src: string;
      /** Not with `src`. */
      path?: undefined;
    };

/** The options of {@link buildUrl} besides `path` / `src`. */
export interface BuildUrlSettings {
  /** Your URL endpoint, e.g. `https://ik.imagekit.io/your_id` (trailing `/` optional). */
  urlEndpoint: string;
  /** Transformation steps, chained in order. */
  transformation?: Transformation[] | undefined;
  /**
   * Where the transformation goes. With an absolute `src` it always goes in the query.
   * @default 'path'
   */
  transformationPosition?: TransformationPosition | undefined;
  /** Extra query parameters, appended after any existing query and before `tr`. */
  queryParameters?: Record<string, QueryParameterValue> | undefined;
}

/** Options of {@link buildUrl}: the settings and exactly one of `path` and `src`. */
export type BuildUrlOptions = UrlSource & BuildUrlSettings;

/** The options of {@link getResponsiveImageAttributes} besides the {@link buildUrl} ones. */
export interface ResponsiveImageSettings {
  /**
   * Intended display width in CSS px. Without `sizes` it produces `1x`/`2x` candidates.
   */
  width?: number | undefined;
  /** The HTML `sizes` attribute; when given, candidates use `w` descriptors. */
  sizes?: string | undefined;
  /**
   * Device-width breakpoints in px.
   * @default [640, 750, 828, 1080, 1200, 1920, 2048, 3840]
   */
  deviceBreakpoints?: readonly number[] | undefined;
  /**
   * Small image breakpoints in px, merged with `deviceBreakpoints`.
   * @default [16, 32, 48, 64, 96, 128, 256, 384]
   */
  imageBreakpoints?: readonly number[] | undefined;
  /**
   * The original width of the image: no candidate asks for more (larger candidates are
   * replaced by this width), so the `srcset` never claims an upscaled size.
   */
  maxWidth?: number | undefined;
}

/** Options of {@link getResponsiveImageAttributes}: the {@link buildUrl} options plus breakpoints. */
export type ResponsiveImageOptions = BuildUrlOptions & ResponsiveImageSettings;

/** Attributes for an `<img>` element. */
export interface ResponsiveImageAttributes {
  /** URL of the largest candidate. */
  src: string;
  /** Candidates with `w` or `x` descriptors. */
  srcSet?: string;
  /** The `sizes` given, or `100vw` for `w` descriptors without one. */
  sizes?: string;
  /** The `width` given. */
  width?: number;
}
