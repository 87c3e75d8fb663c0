import type { CheckpointStore } from './stream-poller.ts';

/**
 * Stream checkpoints, in memory on purpose. The emulator's queues live in
 * memory too, so a restart loses whatever was in flight; starting every stream
 * reader again from the oldest record (DynamoDB keeps 24 hours) re-sends all
 * of it. Every consumer is idempotent, so the replay only fills the gaps.
 */
export function checkpointStore(): CheckpointStore {
  const positions = new Map<string, string>();
  return {
    get: (shardId) => positions.get(shardId),
    set: (shardId, sequenceNumber) => void positions.set(shardId, sequenceNumber),
  };
}
