/**
 * Where each stream shard is settled up to: the sequence number of the last
 * record every consumer of the stream has handled, per stream ARN and shard
 * id. The stream poller moves them; the checkpoint keeper saves them (with
 * the queued messages they depend on, restart-state.ts) and a persistent
 * restart reads each shard from just after its position instead of from the
 * oldest record. Kept per stream ARN: a table created anew (or a stream
 * switched off and on) has a new ARN and new shards, and is read from the start.
 */
export type SavedPositions = Record<string, Record<string, string>>;

/** Sequence numbers are decimal strings of any length (DynamoDB Local pads them to 21 digits; AWS does not). */
export const sequenceAfter = (a: string, b: string): boolean => BigInt(a) > BigInt(b);

export class StreamPositions {
  private readonly positions = new Map<string, Map<string, string>>();
  /** Moves on every change, so a keeper can tell that there is something new to save. */
  version = 0;

  constructor(saved: SavedPositions = {}) {
    for (const [streamArn, shards] of Object.entries(saved)) {
      this.positions.set(streamArn, new Map(Object.entries(shards).filter(([, seq]) => /^\d+$/.test(seq))));
    }
  }

  /** The last settled record of the shard; undefined: none (read it from its oldest record). */
  settledUpTo(streamArn: string, shardId: string): string | undefined {
    return this.positions.get(streamArn)?.get(shardId);
  }

  /** Every consumer is done with the shard's records up to this one. Never moves back. */
  settle(streamArn: string, shardId: string, sequenceNumber: string): void {
    const shards = this.positions.get(streamArn) ?? new Map<string, string>();
    this.positions.set(streamArn, shards);
    const current = shards.get(shardId);
    if (current !== undefined && !sequenceAfter(sequenceNumber, current)) return;
    shards.set(shardId, sequenceNumber);
    this.version++;
  }

  /**
   * Forgets a position the stream does not have: the shard is read from its oldest record again
   * (its consumers are idempotent, so the records already delivered do no harm).
   */
  forget(streamArn: string, shardId: string): void {
    if (this.positions.get(streamArn)?.delete(shardId)) this.version++;
  }

  /** Keeps only the shards the stream still has (DynamoDB lets a closed shard go 24 hours after it closed). */
  retainShards(streamArn: string, shardIds: ReadonlySet<string>): void {
    const shards = this.positions.get(streamArn);
    if (!shards) return;
    for (const id of [...shards.keys()]) if (!shardIds.has(id)) this.forget(streamArn, id);
  }

  /** Keeps only these streams' positions (the tables' current streams). */
  retainStreams(streamArns: ReadonlySet<string>): void {
    for (const arn of [...this.positions.keys()]) {
      if (!streamArns.has(arn)) {
        this.positions.delete(arn);
        this.version++;
      }
    }
  }

  /** A copy to save. */
  toJSON(): SavedPositions {
    return Object.fromEntries([...this.positions].map(([arn, shards]) => [arn, Object.fromEntries(shards)]));
  }
}
