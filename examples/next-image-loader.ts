// A custom image loader for Next.js's <Image>: Next asks it for one URL per width of
// the srcset, and ImageKit resizes (w) and compresses (q) at the edge. Copy this file
// into your app (no other dependency than this package) and point next.config.js at it:
//
//   images: { loader: 'custom', loaderFile: './imagekit-loader.ts' }
//
// and set NEXT_PUBLIC_IMAGEKIT_URL_ENDPOINT=https://ik.imagekit.io/your_id. Then
// <Image src="/products/shoe.jpg" width={800} height={600} alt="…" /> serves
// https://ik.imagekit.io/your_id/tr:w-828,q-75/products/shoe.jpg (and the other widths).
// A `src` that is a full URL keeps its host and gets the transformation as `?tr=…`
// (which works for ImageKit URLs and for web proxy origins).
import { buildUrl } from 'imagekit-universal';

/** What Next passes to a loader (its `ImageLoaderProps`). */
export interface ImageLoaderProps {
  src: string;
  width: number;
  quality?: number | undefined;
}

/** Your ImageKit URL endpoint (Next inlines `NEXT_PUBLIC_*` variables at build time). */
export const urlEndpoint = process.env.NEXT_PUBLIC_IMAGEKIT_URL_ENDPOINT ?? 'https://ik.imagekit.io/your_id';

/** The quality when <Image> sets none: Next's own default. */
export const defaultQuality = 75;

/** The image URL for one srcset width: `w` = `width`, `q` = `quality` (or 75). */
export default function imagekitLoader({ src, width, quality }: ImageLoaderProps): string {
  const transformation = [{ width, quality: quality ?? defaultQuality }];
  return /^https?:\/\//i.test(src) ? buildUrl({ urlEndpoint, src, transformation }) : buildUrl({ urlEndpoint, path: src, transformation });
}
