/**
 * @module testing/emulator/persistence
 * Optional disk persistence for the HTTP server (`dataDir`): `state.json` plus one file
 * per stored version under `blobs/`. Node only; `node:` modules are loaded on demand.
 */
import type { EmulatorCore } from './context.js';
import type { EmulatorState } from './types.js';

function replacer(_key: string, value: unknown): unknown {
  if (value instanceof Map) return { $map: [...value.entries()] };
  if (value instanceof Set) return { $set: [...value.values()] };
  return value;
}

function reviver(_key: string, value: unknown): unknown {
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (Array.isArray(record['$map'])) return new Map(record['$map'] as Array<[unknown, unknown]>);
    if (Array.isArray(record['$set'])) return new Set(record['$set'] as unknown[]);
  }
  return value;
}

/** Writes the state and any blobs not yet on disk; removes blobs no longer referenced. */
export async function saveState(core: EmulatorCore, dataDir: string): Promise<void> {
  const fs = await import('node:fs/promises');
  const path = await import('node:path');
  const blobDir = path.join(dataDir, 'blobs');
  await fs.mkdir(blobDir, { recursive: true });
  core.state.randomState = core.random.state();
  core.state.faultRandomState = core.faultRandom.state();
  const existing = new Set(await fs.readdir(blobDir));
  for (const [key, bytes] of core.blobs) {
    if (!existing.has(key)) await fs.writeFile(path.join(blobDir, key), bytes);
    existing.delete(key);
  }
  for (const stale of existing) await fs.rm(path.join(blobDir, stale), { force: true });
  const target = path.join(dataDir, 'state.json');
  await fs.writeFile(target + '.tmp', JSON.stringify(core.state, replacer));
  await fs.rename(target + '.tmp', target);
}

/** Loads a saved state into `core`; returns false when `dataDir` holds none. */
export async function loadState(core: EmulatorCore, dataDir: string): Promise<boolean> {
  const fs = await import('node:fs/promises');
  const path = await import('node:path');
  let text: string;
  try {
    text = await fs.readFile(path.join(dataDir, 'state.json'), 'utf8');
  } catch {
    return false;
  }
  core.state = JSON.parse(text, reviver) as EmulatorState;
  core.random.restore(core.state.randomState);
  core.faultRandom.restore(core.state.faultRandomState);
  core.blobs = new Map();
  const blobDir = path.join(dataDir, 'blobs');
  for (const name of await fs.readdir(blobDir).catch(() => [] as string[])) {
    core.blobs.set(name, new Uint8Array(await fs.readFile(path.join(blobDir, name))));
  }
  return true;
}
