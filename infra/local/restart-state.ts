import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { SavedPositions } from './stream-checkpoints.ts';
import type { QueuedMessage } from './queue-snapshot.ts';

/**
 * What a persistent restart resumes from, one file beside DynamoDB Local's
 * data (`<stateDir>/data/stream-checkpoints.json`): each stream shard's
 * position and the queue messages of that same instant. The two are one cut:
 * every message sent for a record up to a position either was consumed by
 * then or is in the copy, and every record after a position is read again;
 * so they are written together, in one file, whole or not at all.
 */
export interface RestartState {
  positions: SavedPositions;
  queued: QueuedMessage[];
}

interface RestartFile extends RestartState {
  version: 1;
  savedAt: string;
}

export const restartStatePath = (dataDir: string) => join(dataDir, 'stream-checkpoints.json');

export const emptyRestartState = (): RestartState => ({ positions: {}, queued: [] });

/**
 * The saved state, or none: no file yet (a first start, or data from before
 * checkpoints), or one that cannot be read (then `problem` says why). Without
 * it every stream is read from its oldest record, which is always safe.
 */
export function readRestartState(path: string): { state: RestartState; problem?: string } {
  if (!existsSync(path)) return { state: emptyRestartState() };
  try {
    const file = JSON.parse(readFileSync(path, 'utf8')) as Partial<RestartFile>;
    if (file.version !== 1 || typeof file.positions !== 'object' || !Array.isArray(file.queued)) {
      return { state: emptyRestartState(), problem: `${path} is not a version 1 checkpoint file` };
    }
    return { state: { positions: file.positions ?? {}, queued: file.queued } };
  } catch (error) {
    return { state: emptyRestartState(), problem: `${path} could not be read: ${(error as Error).message}` };
  }
}

/** Temporary files of writes a kill cut short (the saved file itself is whole: the old one or the new one). */
export function removeUnfinishedWrites(path: string): void {
  const dir = dirname(path);
  if (!existsSync(dir)) return;
  const prefix = `${basename(path)}.`;
  for (const name of readdirSync(dir)) if (name.startsWith(prefix) && name.endsWith('.tmp')) rmSync(join(dir, name), { force: true });
}

/**
 * Writes the state atomically: to a temporary file, flushed to disk, then
 * renamed over the old one, so a kill at any moment leaves either the old
 * file or the new one, never half of one.
 */
export async function writeRestartState(path: string, state: RestartState): Promise<void> {
  const file: RestartFile = { version: 1, savedAt: new Date().toISOString(), ...state };
  const tmp = `${path}.${process.pid}.tmp`;
  const handle = await open(tmp, 'w');
  try {
    await handle.writeFile(JSON.stringify(file));
    await handle.datasync();
  } finally {
    await handle.close();
  }
  await rename(tmp, path);
}
