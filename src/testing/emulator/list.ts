/**
 * @module testing/emulator/list
 * `GET /v1/files`: list and search. With `searchQuery`, the `type`, `tags` and
 * `name` parameters are ignored and current files and folders are searched; `path`
 * restricts results to that folder only (not sub-folders); `fileType` still applies.
 */
import type { RequestContext } from './context.js';
import type { FileRecord, FolderRecord, VersionRecord } from './types.js';
import { badRequest, json } from './responses.js';
import { normalizeFolder } from './paths.js';
import { embeddedMetadataOf, fileObject, folderObject } from './serialize.js';
import { compileSearch, type SearchItem } from './search.js';

interface Entry {
  item: SearchItem;
  seq: number;
  render: () => Record<string, unknown>;
  folder: string;
  fileType: 'image' | 'non-image' | 'folder';
}

function fileEntry(context: RequestContext, file: FileRecord, version: VersionRecord): Entry {
  const isCurrent = version === file.current;
  return {
    seq: file.seq * 1000 + version.versionNumber,
    folder: file.folder,
    fileType: version.fileType,
    render: () => fileObject(context.core, file, version),
    item: {
      type: isCurrent ? 'file' : 'file-version',
      name: file.name,
      createdAt: Date.parse(isCurrent ? file.createdAt : version.createdAt),
      updatedAt: Date.parse(version.updatedAt),
      size: version.size,
      width: version.width ?? 0,
      height: version.height ?? 0,
      format: version.format,
      tags: [...(version.tags ?? []), ...(version.AITags ?? []).map((tag) => tag.name)],
      private: version.isPrivateFile,
      published: version.isPublished,
      transparency: version.hasAlpha,
      customMetadata: version.customMetadata,
      embeddedMetadata: embeddedMetadataOf(version),
    },
  };
}

function folderEntry(record: FolderRecord): Entry {
  const parent = record.path.slice(0, record.path.lastIndexOf('/')) || '/';
  return {
    seq: record.seq * 1000,
    folder: parent,
    fileType: 'folder',
    render: () => folderObject(record),
    item: {
      type: 'folder',
      name: record.path.slice(record.path.lastIndexOf('/') + 1),
      createdAt: Date.parse(record.createdAt),
      updatedAt: Date.parse(record.updatedAt),
      size: 0,
      width: 0,
      height: 0,
      format: '',
      tags: [],
      private: false,
      published: true,
      transparency: false,
      customMetadata: {},
      embeddedMetadata: {},
    },
  };
}

const sortKeys = ['NAME', 'CREATED', 'UPDATED', 'HEIGHT', 'WIDTH', 'SIZE', 'RELEVANCE'];

function integerParam(params: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const value = params.get(name);
  if (value === null) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) badRequest(`\`${name}\` must be an integer between ${min} and ${max}.`);
  return Number(value);
}

/** `GET /v1/files`. */
export function listFiles(context: RequestContext): Response {
  const params = context.url.searchParams;
  const limit = integerParam(params, 'limit', 1000, 1, 1000);
  const skip = integerParam(params, 'skip', 0, 0, Number.MAX_SAFE_INTEGER);
  const sort = params.get('sort') ?? 'ASC_CREATED';
  const sortMatch = /^(ASC|DESC)_([A-Z]+)$/.exec(sort);
  if (sortMatch === null || !sortKeys.includes(sortMatch[2] as string)) badRequest(`Invalid sort value "${sort}".`);
  const fileType = params.get('fileType') ?? 'all';
  if (!['all', 'image', 'non-image'].includes(fileType)) badRequest('`fileType` must be all, image or non-image.');
  const searchQuery = params.get('searchQuery');
  const type = searchQuery === null ? (params.get('type') ?? 'file') : 'all';
  if (!['file', 'file-version', 'folder', 'all'].includes(type)) badRequest('`type` must be file, file-version, folder or all.');
  const path = params.get('path');
  const folder = path === null ? undefined : normalizeFolder(path);

  const entries: Entry[] = [];
  for (const file of context.core.state.files.values()) {
    if (type === 'file' || type === 'all') entries.push(fileEntry(context, file, file.current));
    if (type === 'file-version') for (const version of file.history) entries.push(fileEntry(context, file, version));
  }
  if (type === 'folder' || type === 'all') for (const record of context.core.state.folders.values()) entries.push(folderEntry(record));

  let filtered = entries.filter((entry) => folder === undefined || entry.folder === folder);
  if (fileType !== 'all') filtered = filtered.filter((entry) => entry.fileType === fileType);
  if (searchQuery !== null) {
    const predicate = compileSearch(searchQuery, context.core.options.now());
    filtered = filtered.filter((entry) => predicate(entry.item));
  } else {
    const tags = params.get('tags');
    if (tags !== null) {
      const wanted = tags
        .split(',')
        .map((tag) => tag.trim())
        .filter((tag) => tag !== '');
      filtered = filtered.filter((entry) => entry.item.tags.some((tag) => wanted.includes(tag)));
    }
    const name = params.get('name');
    if (name !== null) filtered = filtered.filter((entry) => entry.item.name === name);
  }
  const direction = sortMatch[1] === 'DESC' ? -1 : 1;
  const key = sortMatch[2] as string;
  filtered.sort((a, b) => {
    let order = 0;
    if (key === 'NAME') order = a.item.name < b.item.name ? -1 : a.item.name > b.item.name ? 1 : 0;
    else if (key === 'UPDATED') order = a.item.updatedAt - b.item.updatedAt;
    else if (key === 'HEIGHT') order = a.item.height - b.item.height;
    else if (key === 'WIDTH') order = a.item.width - b.item.width;
    else if (key === 'SIZE') order = a.item.size - b.item.size;
    else order = a.item.createdAt - b.item.createdAt;
    return (order === 0 ? a.seq - b.seq : order) * direction;
  });
  return json(
    200,
    filtered.slice(skip, skip + limit).map((entry) => entry.render()),
  );
}
