import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ddb } from '../aws/dynamodb.ts';
import { commit, refusedAt, type TxItem } from '../aws/transactions.ts';
import { config } from '../shared/config.ts';
import { NotFound } from '../shared/errors.ts';
import type { Job, JobKind, JobStatus } from './schemas.ts';

/**
 * Jobs: long work's status, progress and per-item errors, in their own table
 * (they belong to neither book).
 *
 * | item | key (pk / sk) | what it holds |
 * |---|---|---|
 * | job | `JOB#<id>` / `JOB` | the record: status, progress, planning position |
 * | error | `JOB#<id>` / `ERR#<what failed>` | one per failed item, however often its step is retried |
 * | marker | `JOB#<id>` / `BATCH#<batch no, 8 digits, or item id>` | a batch or item counted: made once, so a duplicate never counts twice |
 * | print entry | `JOB#<id>` / `PRINT#<item id>` | the stored documents of an item to print (a bill's invoice PDFs) in the job's print batch |
 *
 * Transitions: created `queued` → `running` (planning advances, only from
 * where the step started) → `succeeded` | `partially_failed` | `failed`
 * (once, when every item is counted), or `failed` with a reason when its
 * work keeps failing.
 */
/** What a job's print batch takes of one bill: its invoice PDFs, in order. */
export interface PrintEntry {
  billId: string;
  /** The bill's posting whose invoices these are. */
  version: number;
  keys: string[];
}

export interface JobRecord {
  id: string;
  firmId: string;
  kind: JobKind;
  status: JobStatus;
  progress: { done: number; total: number };
  /** Items that ended well / badly (done = succeeded + failed). */
  succeeded: number;
  failed: number;
  params: Record<string, unknown>;
  /** Where planning stands: '' before the first page; `done` once every page was read. */
  planning: { cursor: string; done: boolean; batches: number };
  reason?: string;
  /** A production job's print batch, once stored. */
  printBatch?: { key: string; bills: number; invoices: number };
  createdAt: string;
  updatedAt: string;
}

const table = () => config.tableName('jobs');
const pk = (id: string) => `JOB#${id}`;
const JOB_SK = 'JOB';
const ERROR_PREFIX = 'ERR#';
const PRINT_PREFIX = 'PRINT#';
const key = (id: string) => ({ pk: pk(id), sk: JOB_SK });

const isOpen = (job: JobRecord) => job.status === 'running' || job.status === 'queued';

/** The final status of a job whose items are all done. */
export function finalStatus(job: Pick<JobRecord, 'succeeded' | 'failed'>): JobStatus {
  if (job.failed === 0) return 'succeeded';
  return job.succeeded === 0 ? 'failed' : 'partially_failed';
}

export const isFinished = (job: JobRecord) => job.planning.done && job.progress.done >= job.progress.total;

export const describeError = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 300);

export const jobEntity = {
  /** A new job, queued, before any planning. */
  create(firmId: string, kind: JobKind, params: Record<string, unknown>, id: string, now: string): JobRecord {
    return {
      id,
      firmId,
      kind,
      status: 'queued',
      progress: { done: 0, total: 0 },
      succeeded: 0,
      failed: 0,
      params,
      planning: { cursor: '', done: false, batches: 0 },
      createdAt: now,
      updatedAt: now,
    };
  },

  async get(id: string): Promise<JobRecord | undefined> {
    const out = await ddb.send(new GetCommand({ TableName: table(), Key: key(id), ConsistentRead: true }));
    if (!out.Item) return undefined;
    const { pk: _pk, sk: _sk, ...record } = out.Item;
    return record as JobRecord;
  },

  /** The job as the API shows it, with its errors; another firm's job is reported exactly like a missing one. */
  async getWithErrors(firmId: string, id: string): Promise<Job> {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await ddb.send(
        new QueryCommand({
          TableName: table(),
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': pk(id) },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      items.push(...(out.Items ?? []));
      start = out.LastEvaluatedKey;
    } while (start);
    const record = items.find((i) => i.sk === JOB_SK) as JobRecord | undefined;
    if (!record || record.firmId !== firmId) throw new NotFound('Job');
    // Each stored as its kind's error shape (lib/jobs/schemas.ts) by the step that met it.
    const errors = items.filter((i) => typeof i.sk === 'string' && i.sk.startsWith(ERROR_PREFIX)).map((i) => i.error);
    return { ...jobEntity.toApi(record), errors } as Job;
  },

  /** A job as the API shows it (with no errors listed: a new job has none). */
  toApi: (job: JobRecord): Job => ({
    id: job.id,
    kind: job.kind,
    status: job.status,
    progress: job.progress,
    errors: [],
    ...(job.reason ? { reason: job.reason } : {}),
    ...(job.printBatch ? { printBatch: { bills: job.printBatch.bills, invoices: job.printBatch.invoices } } : {}),
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
  }),

  put: (record: JobRecord): TxItem => ({
    Put: { TableName: table(), Item: { ...key(record.id), ...record }, ConditionExpression: 'attribute_not_exists(pk)' },
  }),

  /** An error of a job, keyed by what failed (one entry per item, however often it is retried). */
  putError: (jobId: string, what: string, error: Record<string, unknown>): TxItem => ({
    Put: { TableName: table(), Item: { pk: pk(jobId), sk: `${ERROR_PREFIX}${what}`, error } },
  }),

  /** The documents of an item (a bill) for the job's print batch; written again as it stands by a retry. */
  putPrintEntry: (jobId: string, item: string, entry: PrintEntry): TxItem => ({
    Put: { TableName: table(), Item: { pk: pk(jobId), sk: `${PRINT_PREFIX}${item}`, ...entry } },
  }),

  /** Every print entry of a job, in item order. */
  async printEntries(jobId: string): Promise<PrintEntry[]> {
    const entries: PrintEntry[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await ddb.send(new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk(jobId), ':prefix': PRINT_PREFIX },
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }));
      entries.push(...(out.Items ?? []).map((i) => ({ billId: i.billId as string, version: i.version as number, keys: i.keys as string[] })));
      start = out.LastEvaluatedKey;
    } while (start);
    return entries;
  },

  /** The job's print batch is stored (at `key`, of `count` items). */
  setPrintBatch: (jobId: string, batch: { key: string; bills: number; invoices: number }): TxItem => ({
    Update: {
      TableName: table(),
      Key: key(jobId),
      UpdateExpression: 'SET printBatch = :batch',
      ExpressionAttributeValues: { ':batch': batch },
    },
  }),

  /** Marks a batch (or item) of a job as counted; fails if it already was. */
  putMarker: (jobId: string, batch: number | string): TxItem => ({
    Put: {
      TableName: table(),
      Item: { pk: pk(jobId), sk: `BATCH#${typeof batch === 'number' ? String(batch).padStart(8, '0') : batch}` },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  }),

  /** Counts finished items on a job (progress.done and the success/failure tallies). */
  count: (jobId: string, succeeded: number, failed: number, now: string): TxItem => ({
    Update: {
      TableName: table(),
      Key: key(jobId),
      UpdateExpression: 'ADD #progress.#done :done, #ok :ok, #bad :bad SET updatedAt = :now',
      ExpressionAttributeNames: { '#progress': 'progress', '#done': 'done', '#ok': 'succeeded', '#bad': 'failed' },
      ExpressionAttributeValues: { ':done': succeeded + failed, ':ok': succeeded, ':bad': failed, ':now': now },
    },
  }),

  /**
   * Moves planning on by one step, only from where this step started (so a
   * duplicate or stale planning message changes nothing): adds what it found to
   * the total and counts what failed on the spot.
   */
  advancePlanning: (
    job: JobRecord,
    step: { cursor: string; found: number; failed: number; batches: number; done: boolean },
    now: string,
  ): TxItem => ({
    Update: {
      TableName: table(),
      Key: key(job.id),
      UpdateExpression:
        // A job failed by a give-up and then redriven resumes here: running again, without the old reason.
        'SET #planning = :planning, #status = :running, updatedAt = :now ADD #progress.#total :found, #progress.#done :failed, #bad :failed REMOVE reason',
      ConditionExpression: '#planning.#cursor = :from AND #planning.#done = :false',
      ExpressionAttributeNames: { '#progress': 'progress', '#done': 'done', '#total': 'total', '#bad': 'failed', '#planning': 'planning', '#status': 'status', '#cursor': 'cursor' },
      ExpressionAttributeValues: {
        ':planning': { cursor: step.cursor, done: step.done, batches: job.planning.batches + step.batches },
        ':running': 'running',
        ':now': now,
        ':found': step.found,
        ':failed': step.failed,
        ':from': job.planning.cursor,
        ':false': false,
      },
    },
  }),

  /** Ends a job once (only while it is queued or running), with the given status. */
  end: (jobId: string, status: JobStatus, now: string, reason?: string): TxItem => ({
    Update: {
      TableName: table(),
      Key: key(jobId),
      UpdateExpression: `SET #status = :status, updatedAt = :now${reason ? ', reason = :reason' : ''}`,
      ConditionExpression: '#status IN (:queued, :running)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':status': status, ':now': now, ':queued': 'queued', ':running': 'running', ...(reason ? { ':reason': reason } : {}) },
    },
  }),
};

/**
 * Ends a job once every item is accounted for, with the status its counts call
 * for, together with whatever the caller must announce (in the same
 * transaction). Several workers may call it at the end; one wins and gets the job back.
 */
export async function finishJobIfDone(jobId: string, announce: (job: JobRecord) => TxItem[] = () => []): Promise<JobRecord | undefined> {
  const job = await jobEntity.get(jobId);
  if (!job || !isFinished(job) || !isOpen(job)) return undefined;
  try {
    await commit([jobEntity.end(job.id, finalStatus(job), new Date().toISOString()), ...announce(job)]);
    return job;
  } catch (error) {
    if (refusedAt(error, 0)) return undefined;
    throw error;
  }
}

/**
 * Ends a job `failed` with the reason, when its work keeps failing, rather
 * than leaving it `running` forever once its message has gone to the DLQ.
 */
export async function failJob(jobId: string, reason: string): Promise<void> {
  const job = await jobEntity.get(jobId);
  if (!job || !isOpen(job)) return;
  try {
    await commit([jobEntity.end(job.id, 'failed', new Date().toISOString(), reason)]);
  } catch (error) {
    if (!refusedAt(error, 0)) throw error;
  }
}
