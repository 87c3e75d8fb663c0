import { commit, TransactionRefused, type TxItem } from '../../aws/transactions.ts';
import { inFlight } from '../../shared/in-flight.ts';
import { Retry } from '../../shared/retry.ts';

/** DynamoDB's limit of items in one transaction. */
export const MAX_TRANSACTION_ITEMS = 100;

/** A change of a bill and of its lines' entries, as commitInSteps writes it. */
export interface SteppedChange {
  /** The bill as read, at its version. */
  record: { version: number };
  /** Not yet changing in steps: try the one transaction first. */
  alone: boolean;
  /** Marks the bill as changing in steps: it writes the bill at its version + 1. */
  start: () => TxItem[];
  steps: readonly TxItem[];
  finish: (version: number) => TxItem[];
  /** How many items `finish` writes, when it cannot be called before `beforeFinish` (default: it is called to count). */
  finishSize?: number;
  /** Run right before the final write is first tried (posting reserves its invoice numbers there, as late as it can). */
  beforeFinish?: () => Promise<void>;
  /** Whether a refused final write may simply be written again (`finish` is then called afresh). */
  retryFinish?: (refused: TransactionRefused) => Promise<boolean>;
}

/**
 * Commits a change of a bill and of every one of its lines' entries: in one
 * transaction when it fits, else in steps. Stepping starts with `start` (the
 * bill marked as changing in steps, so nothing else touches it meanwhile),
 * then the line updates 100 at a time (STEPS_IN_FLIGHT of them at once), then `finish` (the bill's own final
 * write, guarded by the version it is at). Each step is a guarded
 * transaction of its own; a refusal means something moved and is a Retry:
 * the caller plans again from a fresh read, skipping what is done, so a
 * crash or a race between steps is resumed by the next call, never repeated.
 */
export async function commitInSteps(change: SteppedChange): Promise<void> {
  if (change.alone) {
    const all = () => [...change.finish(change.record.version), ...change.steps];
    if ((change.finishSize ?? change.finish(change.record.version).length) + change.steps.length <= MAX_TRANSACTION_ITEMS) {
      await change.beforeFinish?.();
      return attemptAgain(all, change.retryFinish, 'the bill or one of its entries moved');
    }
    await attempt(change.start(), 'the bill moved');
    // Marked, at the next version: go on with the steps as planned (each is guarded by what it read, so an entry
    // changed since the plan refuses its step, and the caller plans again).
    return inSteps({ ...change, record: { version: change.record.version + 1 } });
  }
  return inSteps(change);
}

async function inSteps(change: SteppedChange): Promise<void> {
  await inFlight(chunks(change.steps), STEPS_IN_FLIGHT, (step) => attempt(step, 'an entry moved between steps'));
  await change.beforeFinish?.();
  await attemptAgain(() => change.finish(change.record.version), change.retryFinish, 'the bill moved before its last step');
}

/**
 * Steps written at once. They change disjoint entries, so they never refuse
 * each other, and a 10,000-line bill is 100 of them: one after the other
 * they took half the approve function's timeout.
 */
const STEPS_IN_FLIGHT = 4;

function chunks(items: readonly TxItem[]): TxItem[][] {
  const out: TxItem[][] = [];
  for (let i = 0; i < items.length; i += MAX_TRANSACTION_ITEMS) out.push(items.slice(i, i + MAX_TRANSACTION_ITEMS));
  return out;
}

/** How often a final write is written again when only something it may simply redo moved (its new invoice numbers found taken). */
const FINISH_TRIES = 5;

async function attemptAgain(items: () => TxItem[], retryFinish: ((refused: TransactionRefused) => Promise<boolean>) | undefined, why: string): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      await commit(items());
      return;
    } catch (error) {
      if (!(error instanceof TransactionRefused)) throw error;
      if (i + 1 < FINISH_TRIES && retryFinish && (await retryFinish(error))) {
        await new Promise((r) => setTimeout(r, Math.random() * Math.min(50, 2 ** i)));
        continue;
      }
      throw new Retry(why);
    }
  }
}

async function attempt(items: TxItem[], why: string): Promise<void> {
  try {
    await commit(items);
  } catch (error) {
    if (error instanceof TransactionRefused) throw new Retry(why);
    throw error;
  }
}
