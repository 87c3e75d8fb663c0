import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CheckpointStore } from './stream-poller.ts';

/** Stream checkpoints in memory, or in a JSON file beside persistent data. */
/** Keyed by reader (function and stream): two functions on one stream each keep their own place. */
export function checkpointStore(file: string | null, reader: string): CheckpointStore {
  const all: Record<string, Record<string, string>> = file && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const mine = (all[reader] ??= {});
  return {
    get: (shardId) => mine[shardId],
    set: (shardId, sequenceNumber) => {
      mine[shardId] = sequenceNumber;
      if (!file) return;
      // Re-read so two pollers sharing the file do not overwrite each other.
      const onDisk: Record<string, Record<string, string>> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
      onDisk[reader] = mine;
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(onDisk));
    },
  };
}
