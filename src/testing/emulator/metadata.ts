/**
 * @module testing/emulator/metadata
 * The Metadata object of stored bytes, with a pHash for images.
 */
import type { EmulatorCore } from './context.js';
import type { VersionRecord } from './types.js';
import { computePhash } from './phash.js';

/** Metadata of a stored version. `quality`, `density` and `exif` are fixed placeholders. */
export async function metadataOf(core: EmulatorCore, version: VersionRecord): Promise<Record<string, unknown>> {
  const bytes = core.blobs.get(version.blobKey) ?? new Uint8Array();
  const out: Record<string, unknown> = {
    size: version.size,
    format: version.format,
    hasColorProfile: false,
    quality: 0,
    density: 72,
    hasTransparency: version.hasAlpha,
    exif: {},
  };
  if (version.width !== undefined) out['width'] = version.width;
  if (version.height !== undefined) out['height'] = version.height;
  if (version.fileType === 'image') out['pHash'] = await computePhash(bytes);
  return out;
}
