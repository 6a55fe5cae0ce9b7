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

/**
 * Writes one snapshot: the state as it is when the call begins (taken synchronously),
 * the blobs it references that are not on disk yet, then `state.json` (via a temporary
 * file and a rename). Blobs no snapshot references any more are removed. Not safe to run
 * twice at once: use {@link createSaver}.
 */
async function saveSnapshot(core: EmulatorCore, dataDir: string): Promise<void> {
  const fs = await import('node:fs/promises');
  const path = await import('node:path');
  core.state.randomState = core.random.state();
  core.state.faultRandomState = core.faultRandom.state();
  const text = JSON.stringify(core.state, replacer);
  const blobs = new Map(core.blobs);
  const blobDir = path.join(dataDir, 'blobs');
  await fs.mkdir(blobDir, { recursive: true });
  const existing = new Set(await fs.readdir(blobDir));
  for (const [key, bytes] of blobs) {
    if (!existing.has(key)) await fs.writeFile(path.join(blobDir, key), bytes);
    existing.delete(key);
  }
  for (const stale of existing) await fs.rm(path.join(blobDir, stale), { force: true });
  const target = path.join(dataDir, 'state.json');
  await fs.writeFile(target + '.tmp', text);
  await fs.rename(target + '.tmp', target);
}

/**
 * A write queue for `dataDir`: one save at a time; calls made while a save runs share a
 * single follow-up save, which snapshots the state after all of their changes. The
 * returned promise settles once a snapshot taken after the call is on disk.
 */
export function createSaver(core: EmulatorCore, dataDir: string): () => Promise<void> {
  let running: Promise<void> | undefined;
  let queued: Promise<void> | undefined;
  const start = (): Promise<void> => {
    const current = saveSnapshot(core, dataDir).finally(() => {
      if (running === current) running = undefined;
    });
    running = current;
    return current;
  };
  return () => {
    if (queued !== undefined) return queued;
    if (running === undefined) return start();
    const next = running
      .catch(() => undefined)
      .then(() => {
        queued = undefined;
        return start();
      });
    queued = next;
    return next;
  };
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
