/**
 * @module testing/emulator/serve-file
 * Serves stored bytes at their URL (`urlEndpoint` + file path). Transformations in the
 * URL (`/tr:.../` segment or `?tr=`) are accepted and ignored: the original bytes come
 * back. `?ik-obj-version=` selects an older version. Private files require a valid
 * `ik-s` (and `ik-t`) signature; unpublished files answer 404.
 */
import type { EmulatorCore, RequestContext } from './context.js';
import type { FileRecord, VersionRecord } from './types.js';
import { splitPath } from './paths.js';
import { fileAt, versionsOf } from './store.js';
import { errorResponse } from './responses.js';
import { verifyHexHmac } from './crypto.js';

/** A file and the version a URL points at. */
export interface UrlTarget {
  file: FileRecord;
  version: VersionRecord;
  /** The part after the endpoint, without leading `/` and without `ik-t`/`ik-s` (string to sign). */
  relative: string;
}

function endpointPath(core: EmulatorCore): string {
  return new URL(core.options.urlEndpoint).pathname.replace(/\/+$/, '');
}

/** Finds the stored file a path (+ query) under the URL endpoint refers to. */
export function lookupPath(core: EmulatorCore, pathname: string, search: URLSearchParams): UrlTarget | undefined {
  const prefix = endpointPath(core);
  if (prefix !== '' && !(pathname === prefix || pathname.startsWith(prefix + '/'))) return undefined;
  let rest = pathname.slice(prefix.length);
  let decoded: string;
  try {
    decoded = decodeURIComponent(rest);
  } catch {
    return undefined;
  }
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments[0]?.startsWith('tr:') === true) segments.shift();
  rest = '/' + segments.join('/');
  const [folder, name] = splitPath(rest);
  const file = fileAt(core, folder, name);
  if (file === undefined) return undefined;
  const versionId = search.get('ik-obj-version');
  const version = versionId === null ? file.current : versionsOf(file).find((candidate) => candidate.versionId === versionId);
  if (version === undefined) return undefined;
  const query = new URLSearchParams(search);
  query.delete('ik-t');
  query.delete('ik-s');
  const queryText = query.toString();
  const relative = pathname.slice(prefix.length).replace(/^\/+/, '') + (queryText === '' ? '' : `?${queryText}`);
  return { file, version, relative };
}

/** Finds the stored file an absolute URL on the URL endpoint refers to. */
export function findByUrl(core: EmulatorCore, text: string): UrlTarget | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.origin !== new URL(core.options.urlEndpoint).origin) return undefined;
  return lookupPath(core, url.pathname, url.searchParams);
}

async function signatureValid(context: RequestContext, target: UrlTarget): Promise<boolean> {
  const signature = context.url.searchParams.get('ik-s');
  if (signature === null) return false;
  const expiry = context.url.searchParams.get('ik-t');
  if (expiry !== null && (!/^\d+$/.test(expiry) || Number(expiry) * 1000 < context.core.options.now())) return false;
  return verifyHexHmac('SHA-1', context.core.options.privateKey, target.relative + (expiry ?? '9999999999'), signature);
}

/** GET/HEAD of a file URL. */
export async function serveFile(context: RequestContext): Promise<Response> {
  const target = lookupPath(context.core, context.url.pathname, context.url.searchParams);
  if (target === undefined || !target.version.isPublished) return errorResponse(404, 'The requested resource does not exist.');
  if (target.version.isPrivateFile && !(await signatureValid(context, target))) {
    return errorResponse(401, 'This file is private: a valid signed URL is required.');
  }
  const bytes = context.core.blobs.get(target.version.blobKey) ?? new Uint8Array();
  context.core.state.bandwidthBytes += bytes.length;
  const body = context.request.method === 'HEAD' ? null : (bytes as Uint8Array<ArrayBuffer>);
  return new Response(body, {
    status: 200,
    headers: { 'content-type': target.version.mime, 'content-length': String(bytes.length), 'cache-control': 'no-store' },
  });
}
