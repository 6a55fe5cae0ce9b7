/**
 * @module testing/emulator/paths
 * Folder-path normalisation and file/folder-name sanitising, as the API applies them.
 */

/** Replaces every character other than letters, digits, `.`, `-` and `_` with `_` (upload `fileName`). */
export function sanitizeFileName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, '_');
}

/** Replaces every character other than letters, digits, `-` and `_` with `_` (folder names). */
export function sanitizeFolderName(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]/g, '_');
}

/**
 * Normalises a folder path to `/a/b` form (root is `/`): adds the leading slash,
 * drops empty segments and the trailing slash, sanitises each segment.
 */
export function normalizeFolder(path: string | undefined | null): string {
  if (path === undefined || path === null) return '/';
  const parts = path.split('/').filter((part) => part !== '' && part !== '.');
  return '/' + parts.map(sanitizeFolderName).join('/');
}

/** Joins a folder path and a name into a file/folder path. */
export function joinPath(folder: string, name: string): string {
  return folder === '/' ? `/${name}` : `${folder}/${name}`;
}

/** The parent folder and last segment of a path (`/a/b.png` → [`/a`, `b.png`]). */
export function splitPath(path: string): [folder: string, name: string] {
  const clean =
    '/' +
    path
      .split('/')
      .filter((part) => part !== '')
      .join('/');
  const index = clean.lastIndexOf('/');
  return [index <= 0 ? '/' : clean.slice(0, index), clean.slice(index + 1)];
}

/** True when `path` equals `folder` or lies below it. */
export function isWithin(path: string, folder: string): boolean {
  if (folder === '/') return true;
  return path === folder || path.startsWith(folder + '/');
}

/** Depth of a folder path (`/` = 0). */
export function folderDepth(folder: string): number {
  return folder === '/' ? 0 : folder.split('/').length - 1;
}
