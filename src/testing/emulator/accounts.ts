/**
 * @module testing/emulator/accounts
 * Usage, usage analytics, origins and URL endpoints. Usage reports the bytes the
 * emulator served and stores; every other counter is 0.
 */
import type { RequestContext } from './context.js';
import type { ResourceRecord } from './types.js';
import { badRequest, json } from './responses.js';
import type { ResourceKind } from './resources.js';
import { versionsOf } from './store.js';

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

function dateRange(context: RequestContext, maxDays: number, inclusive: boolean): [string, string] {
  const start = context.url.searchParams.get('startDate');
  const end = context.url.searchParams.get('endDate');
  if (start === null || end === null) badRequest('`startDate` and `endDate` are required (YYYY-MM-DD).');
  if (!dayPattern.test(start) || !dayPattern.test(end) || Number.isNaN(Date.parse(start)) || Number.isNaN(Date.parse(end))) {
    badRequest('`startDate` and `endDate` must be dates in YYYY-MM-DD form.');
  }
  const days = (Date.parse(end) - Date.parse(start)) / 86_400_000;
  if (inclusive ? days < 0 : days <= 0) badRequest('`endDate` must be after `startDate`.');
  if (days >= maxDays) badRequest(`The date range must be shorter than ${maxDays} days.`);
  return [start, end];
}

/** `GET /v1/accounts/usage`. */
export function usage(context: RequestContext): Response {
  dateRange(context, 90, false);
  let storage = 0;
  for (const file of context.core.state.files.values()) for (const version of versionsOf(file)) storage += version.size;
  return json(200, {
    bandwidthBytes: context.core.state.bandwidthBytes,
    mediaLibraryStorageBytes: storage,
    originalCacheStorageBytes: 0,
    videoProcessingUnitsCount: 0,
    extensionUnitsCount: 0,
  });
}

/** `GET /v1/accounts/usage-analytics`. */
export function usageAnalytics(context: RequestContext): Response {
  const [startDate, endDate] = dateRange(context, 90, true);
  const breakdown = { byBandwidth: [], byRequests: [] };
  return json(200, {
    bandwidthBytes: context.core.state.bandwidthBytes,
    requestCount: 0,
    startDate,
    endDate,
    generatedAt: new Date(context.core.options.now()).toISOString(),
    browser: breakdown,
    country: breakdown,
    device: breakdown,
    format: breakdown,
    urlEndpoints: breakdown,
    topImages: breakdown,
    topVideos: breakdown,
    topOtherAssets: breakdown,
    topImageTransforms: breakdown,
    topVideoTransforms: breakdown,
    topReferrers: breakdown,
    topUserAgents: breakdown,
    cache: { hitCount: 0, missCount: 0, errorCount: 0 },
    statusCodes: [],
    errorReasons: [],
    top404Assets: [],
    extensions: [],
    videoProcessing: [],
  });
}

const originRequired: Record<string, string[]> = {
  S3: ['bucket', 'accessKey', 'secretKey'],
  S3_COMPATIBLE: ['bucket', 'accessKey', 'secretKey', 'endpoint'],
  CLOUDINARY_BACKUP: ['bucket', 'accessKey', 'secretKey'],
  WEB_FOLDER: ['baseUrl'],
  WEB_PROXY: [],
  GCS: ['bucket', 'clientEmail', 'privateKey'],
  AZURE_BLOB: ['accountName', 'container', 'sasToken'],
  AKENEO_PIM: ['baseUrl', 'clientId', 'clientSecret', 'username', 'password'],
};
const originSecrets = ['accessKey', 'secretKey', 'privateKey', 'sasToken', 'clientId', 'clientSecret', 'username', 'password'];

/** Origins: typed union on `type`; responses drop secrets. */
export const originKind: ResourceKind = {
  label: 'origin',
  map: (context) => context.core.state.origins,
  validate(_context, body) {
    const type = body['type'];
    if (typeof type !== 'string' || originRequired[type] === undefined)
      badRequest(`\`type\` must be one of ${Object.keys(originRequired).join(', ')}.`);
    if (typeof body['name'] !== 'string' || body['name'] === '') badRequest('Missing or invalid `name` parameter.');
    for (const key of originRequired[type] ?? []) {
      if (typeof body[key] !== 'string' || body[key] === '') badRequest(`Missing or invalid \`${key}\` parameter for ${type} origins.`);
    }
    const { id: _id, ...rest } = body;
    return {
      includeCanonicalHeader: false,
      ...(['S3', 'S3_COMPATIBLE', 'CLOUDINARY_BACKUP', 'GCS', 'AZURE_BLOB'].includes(type) ? { prefix: '' } : {}),
      ...rest,
    };
  },
  render(record) {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(record)) if (!originSecrets.includes(key)) out[key] = value;
    return out;
  },
  beforeDelete(context, record) {
    for (const endpoint of context.core.state.urlEndpoints.values()) {
      if (Array.isArray(endpoint['origins']) && endpoint['origins'].includes(record.id)) {
        badRequest('This origin is used by a URL endpoint; remove it from the endpoint first.');
      }
    }
  },
};

const rewriterTypes = ['CLOUDINARY', 'IMGIX', 'AKAMAI'];

/** URL endpoints: `{ description, origins?, urlPrefix?, urlRewriter? }`; the built-in `default` endpoint cannot be deleted. */
export const urlEndpointKind: ResourceKind = {
  label: 'URL endpoint',
  map(context) {
    const map = context.core.state.urlEndpoints;
    if (!map.has('default')) map.set('default', { id: 'default', description: 'Default URL endpoint', origins: [], urlPrefix: '' } as ResourceRecord);
    return map;
  },
  validate(context, body, existing) {
    if (typeof body['description'] !== 'string') badRequest('Missing or invalid `description` parameter.');
    const origins = body['origins'] ?? [];
    if (!Array.isArray(origins) || origins.some((id) => typeof id !== 'string' || !context.core.state.origins.has(id))) {
      badRequest('`origins` must be an array of existing origin ids.');
    }
    const urlPrefix = body['urlPrefix'] ?? '';
    if (typeof urlPrefix !== 'string' || !/^[A-Za-z0-9_-]*$/.test(urlPrefix))
      badRequest('`urlPrefix` may contain only letters, digits, `-` and `_`.');
    for (const other of context.core.state.urlEndpoints.values()) {
      if (other !== existing && other['urlPrefix'] === urlPrefix) badRequest('Another URL endpoint already uses this urlPrefix.');
    }
    const rewriter = body['urlRewriter'];
    if (
      rewriter !== undefined &&
      (rewriter === null || typeof rewriter !== 'object' || !rewriterTypes.includes((rewriter as Record<string, unknown>)['type'] as string))
    ) {
      badRequest('`urlRewriter.type` must be CLOUDINARY, IMGIX or AKAMAI.');
    }
    const out: Record<string, unknown> = { description: body['description'], origins, urlPrefix };
    if (rewriter !== undefined) out['urlRewriter'] = rewriter;
    return out;
  },
  beforeDelete(_context, record: ResourceRecord) {
    if (record.id === 'default') badRequest('The default URL endpoint cannot be deleted.');
  },
};
