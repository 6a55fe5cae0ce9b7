/**
 * @module testing/emulator/routes
 * The route table: every path of the ImageKit API (53 endpoints; docs/imagekit-api-notes.md, "Endpoints").
 */
import type { RequestContext } from './context.js';
import { badRequest } from './responses.js';
import { handleUpload } from './upload/upload.js';
import { listFiles } from './list.js';
import { copyFile, deleteOne, getDetails, moveFile, renameFile, updateDetails } from './files.js';
import { bulkDelete, bulkTags } from './bulk.js';
import { deleteVersion, getVersion, listVersions, restoreVersion } from './versions.js';
import { copyFolder, createFolder, deleteFolder, jobStatus, moveFolder, renameFolder } from './folders.js';
import { purgeCache, purgeStatus } from './cache.js';
import { createField, deleteField, listFields, updateField } from './cmf.js';
import { originKind, urlEndpointKind, usage, usageAnalytics } from './accounts.js';
import { namedTransformationKind, savedExtensionKind } from './saved-resources.js';
import { createRecord, deleteRecord, getRecord, listRecords, updateRecord, type ResourceKind } from './resources.js';
import { fileMetadata, remoteMetadata } from './metadata-routes.js';

/** One route. */
export interface Route {
  method: string;
  pattern: RegExp;
  run: (context: RequestContext, params: string[]) => Response | Promise<Response>;
}

const id = '([^/]+)';

function crud(base: string, kind: ResourceKind, update: 'replace' | 'merge'): Route[] {
  const one = new RegExp(`^${base}/${id}$`);
  return [
    { method: 'POST', pattern: new RegExp(`^${base}$`), run: (c) => createRecord(c, kind) },
    { method: 'GET', pattern: new RegExp(`^${base}$`), run: (c) => listRecords(c, kind) },
    { method: 'GET', pattern: one, run: (c, [i]) => getRecord(c, kind, i as string) },
    { method: update === 'replace' ? 'PUT' : 'PATCH', pattern: one, run: (c, [i]) => updateRecord(c, kind, i as string, update) },
    { method: 'DELETE', pattern: one, run: (c, [i]) => deleteRecord(c, kind, i as string) },
  ];
}

/** Upload routes (Basic auth or client auth; not rate-limited). */
export const uploadRoutes: Route[] = [
  { method: 'POST', pattern: /^\/api\/v1\/files\/upload$/, run: (c) => handleUpload(c, false) },
  { method: 'POST', pattern: /^\/api\/v2\/files\/upload$/, run: (c) => handleUpload(c, true) },
];

/** API routes (Basic auth, rate-limit headers). */
export const apiRoutes: Route[] = [
  { method: 'GET', pattern: /^\/v1\/files$/, run: (c) => listFiles(c) },
  { method: 'POST', pattern: /^\/v1\/files\/copy$/, run: (c) => copyFile(c) },
  { method: 'POST', pattern: /^\/v1\/files\/move$/, run: (c) => moveFile(c) },
  { method: 'PUT', pattern: /^\/v1\/files\/rename$/, run: (c) => renameFile(c) },
  { method: 'POST', pattern: /^\/v1\/files\/batch\/deleteByFileIds$/, run: (c) => bulkDelete(c) },
  { method: 'POST', pattern: /^\/v1\/files\/addTags$/, run: (c) => bulkTags(c, 'add') },
  { method: 'POST', pattern: /^\/v1\/files\/removeTags$/, run: (c) => bulkTags(c, 'remove') },
  { method: 'POST', pattern: /^\/v1\/files\/removeAITags$/, run: (c) => bulkTags(c, 'removeAI') },
  { method: 'POST', pattern: /^\/v1\/files\/purge$/, run: (c) => purgeCache(c) },
  { method: 'GET', pattern: new RegExp(`^/v1/files/purge/${id}$`), run: (c, [r]) => purgeStatus(c, r as string) },
  { method: 'GET', pattern: new RegExp(`^/v1/files/${id}/details$`), run: (c, [f]) => getDetails(c, f as string) },
  { method: 'PATCH', pattern: new RegExp(`^/v1/files/${id}/details$`), run: (c, [f]) => updateDetails(c, f as string) },
  { method: 'DELETE', pattern: new RegExp(`^/v1/files/${id}$`), run: (c, [f]) => deleteOne(c, f as string) },
  { method: 'GET', pattern: new RegExp(`^/v1/files/${id}/versions$`), run: (c, [f]) => listVersions(c, f as string) },
  { method: 'GET', pattern: new RegExp(`^/v1/files/${id}/versions/${id}$`), run: (c, [f, v]) => getVersion(c, f as string, v as string) },
  { method: 'DELETE', pattern: new RegExp(`^/v1/files/${id}/versions/${id}$`), run: (c, [f, v]) => deleteVersion(c, f as string, v as string) },
  { method: 'PUT', pattern: new RegExp(`^/v1/files/${id}/versions/${id}/restore$`), run: (c, [f, v]) => restoreVersion(c, f as string, v as string) },
  { method: 'GET', pattern: new RegExp(`^/v1/files/${id}/metadata$`), run: (c, [f]) => fileMetadata(c, f as string) },
  { method: 'GET', pattern: /^\/v1\/metadata$/, run: (c) => remoteMetadata(c) },
  { method: 'POST', pattern: /^\/v1\/folder$/, run: (c) => createFolder(c) },
  { method: 'DELETE', pattern: /^\/v1\/folder$/, run: (c) => deleteFolder(c) },
  { method: 'POST', pattern: /^\/v1\/bulkJobs\/copyFolder$/, run: (c) => copyFolder(c) },
  { method: 'POST', pattern: /^\/v1\/bulkJobs\/moveFolder$/, run: (c) => moveFolder(c) },
  { method: 'POST', pattern: /^\/v1\/bulkJobs\/renameFolder$/, run: (c) => renameFolder(c) },
  { method: 'GET', pattern: new RegExp(`^/v1/bulkJobs/${id}$`), run: (c, [j]) => jobStatus(c, j as string) },
  { method: 'POST', pattern: /^\/v1\/customMetadataFields$/, run: (c) => createField(c) },
  { method: 'GET', pattern: /^\/v1\/customMetadataFields$/, run: (c) => listFields(c) },
  { method: 'PATCH', pattern: new RegExp(`^/v1/customMetadataFields/${id}$`), run: (c, [i]) => updateField(c, i as string) },
  { method: 'DELETE', pattern: new RegExp(`^/v1/customMetadataFields/${id}$`), run: (c, [i]) => deleteField(c, i as string) },
  { method: 'GET', pattern: /^\/v1\/accounts\/usage$/, run: (c) => usage(c) },
  { method: 'GET', pattern: /^\/v1\/accounts\/usage-analytics$/, run: (c) => usageAnalytics(c) },
  ...crud('/v1/accounts/origins', originKind, 'replace'),
  ...crud('/v1/accounts/url-endpoints', urlEndpointKind, 'replace'),
  ...crud('/v1/saved-extensions', savedExtensionKind, 'merge'),
  ...crud('/v1/named-transformations', namedTransformationKind, 'merge'),
];

function decodeParam(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return badRequest(`The path segment "${part}" is not valid percent-encoding.`);
  }
}

/** Finds the route for a method and path; `undefined` params when none. */
export function matchRoute(routes: readonly Route[], method: string, path: string): { route: Route; params: string[] } | undefined {
  // The API tolerates a trailing slash (imagekit v6 lists files at `/v1/files/`).
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
  for (const route of routes) {
    if (route.method !== method) continue;
    const match = route.pattern.exec(trimmed);
    if (match !== null) return { route, params: match.slice(1).map(decodeParam) };
  }
  return undefined;
}
