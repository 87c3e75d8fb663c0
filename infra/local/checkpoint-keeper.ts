import type { SQSClient } from '@aws-sdk/client-sqs';
import type { FauxqsServer } from 'fauxqs';
import { StreamPositions } from './stream-checkpoints.ts';
import { queuedMessages, restoreQueued, type QueuedMessage } from './queue-snapshot.ts';
import { readRestartState, removeUnfinishedWrites, writeRestartState, type RestartState } from './restart-state.ts';

/**
 * A persistent stack's restart state (restart-state.ts) kept in step with
 * the running stack: read once on start (the queued messages put back, the
 * stream positions handed to the stream pollers), then saved whenever the
 * positions or the queues changed, at most every `everyMs`, and once more
 * when the stack stops, after its pollers have.
 *
 * Why the queues are saved with the positions: a record is delivered when
 * its relay's invocation succeeded, i.e. its message is on a queue; but fauxqs
 * loses its queues on every restart, so a position alone would skip messages
 * that were still waiting. Both are read in the same instant (both live in
 * this process), so a message sent for a record up to a position was either
 * consumed by then or is in the saved copy; a record after it is read again.
 * A kill between two saves loses neither: the records since are replayed, the
 * messages consumed since come once more (every consumer is idempotent).
 */
export interface CheckpointKeeperOptions {
  path: string;
  fauxqs: FauxqsServer;
  sqs: SQSClient;
  /** Every queue and DLQ of the stack, by physical name, and where each is. */
  queueUrls: ReadonlyMap<string, string>;
  /** The tables' current streams: saved positions of any other stream are dropped. */
  streamArns: ReadonlySet<string>;
  everyMs: number;
  onError: (error: unknown) => void;
  log: (level: 'INFO' | 'WARN', message: string, details?: Record<string, unknown>) => void;
}

export interface CheckpointKeeper {
  positions: StreamPositions;
  /** Stops saving, then saves once more: called once the pollers have stopped. */
  stop(): Promise<void>;
}

/** Reads the saved state, puts its messages back on their queues, and keeps saving. */
export async function startCheckpointKeeper(o: CheckpointKeeperOptions): Promise<CheckpointKeeper> {
  removeUnfinishedWrites(o.path);
  const saved = readRestartState(o.path);
  if (saved.problem) o.log('WARN', `stream checkpoints: ${saved.problem}; every stream is read from its oldest record`);
  const state = belongsToTheseStreams(saved.state, o.streamArns, o.log);
  const positions = new StreamPositions(state.positions);
  positions.retainStreams(o.streamArns);
  const { restored, unknownQueue } = await restoreQueued(o.sqs, (q) => o.queueUrls.get(q), state.queued);
  if (state.queued.length || Object.keys(state.positions).length) {
    o.log('INFO', 'stream checkpoints: resuming', {
      shards: Object.values(positions.toJSON()).reduce((n, shards) => n + Object.keys(shards).length, 0),
      restoredMessages: restored,
      ...(unknownQueue ? { droppedMessagesOfUnknownQueues: unknownQueue } : {}),
    });
  }

  const queueNames = [...o.queueUrls.keys()];
  let savedVersion = -1;
  let savedQueues = '';
  let writing: Promise<void> | undefined;

  /** Positions and queues of this instant (synchronous: nothing moves while they are read). */
  const cut = (): { state: RestartState; version: number; queues: string } => {
    const queued = queuedMessages(o.fauxqs, queueNames);
    return { state: { positions: positions.toJSON(), queued }, version: positions.version, queues: fingerprint(queued) };
  };

  const save = async (force: boolean): Promise<void> => {
    const now = cut();
    if (!force && now.version === savedVersion && now.queues === savedQueues) return;
    await writeRestartState(o.path, now.state);
    savedVersion = now.version;
    savedQueues = now.queues;
  };

  // The first save marks the file as this run's (its positions may have lost other streams' entries).
  await save(true);
  const timer = setInterval(() => {
    if (writing) return; // the disk is slower than the period: the next tick saves a fresher cut
    writing = save(false)
      .catch(o.onError)
      .finally(() => (writing = undefined));
  }, o.everyMs);

  return {
    positions,
    stop: async () => {
      clearInterval(timer);
      await writing;
      await save(true).catch(o.onError);
    },
  };
}

/** A file from a database that was since replaced (none of its streams exist now) says nothing about this one. */
function belongsToTheseStreams(state: RestartState, streamArns: ReadonlySet<string>, log: CheckpointKeeperOptions['log']): RestartState {
  const savedStreams = Object.keys(state.positions).filter((arn) => Object.keys(state.positions[arn] ?? {}).length > 0);
  if (savedStreams.length === 0 || savedStreams.some((arn) => streamArns.has(arn))) return state;
  log('WARN', 'stream checkpoints: saved for streams that no longer exist (the data was replaced); ignored, every stream is read from its oldest record', {
    savedStreams,
    droppedMessages: state.queued.length,
  });
  return { positions: {}, queued: [] };
}

/** Which messages are where: equal when nothing was sent, consumed or moved since. */
const fingerprint = (queued: readonly QueuedMessage[]) => queued.map((m) => `${m.queue}/${m.id}`).join(',');
