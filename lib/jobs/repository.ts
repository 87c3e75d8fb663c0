import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ddb } from '../aws/dynamodb.ts';
import type { TxItem } from '../aws/book-store.ts';
import { config } from '../shared/config.ts';
import { NotFound } from '../shared/errors.ts';
import type { Job, JobStatus } from './schemas.ts';

/**
 * Jobs: long work's status, progress and per-item errors, in their own table
 * (they belong to neither book). A job is one item; each error is an item
 * under it keyed by what failed, so a retried step never lists an error twice;
 * each finished batch leaves a marker, so a duplicate never counts twice.
 */
export interface JobRecord {
  id: string;
  firmId: string;
  kind: string;
  status: JobStatus;
  progress: { done: number; total: number };
  /** Items that ended well / badly (done = succeeded + failed). */
  succeeded: number;
  failed: number;
  params: Record<string, unknown>;
  /** Where planning stands: '' before the first page; `done` once every page was read. */
  planning: { cursor: string; done: boolean; batches: number };
  reason?: string;
  createdAt: string;
  updatedAt: string;
}

const table = () => config.tableName('jobs');
/** Job attribute names, several of which DynamoDB reserves (`total`, `status`…). */
const NAMES = { '#progress': 'progress', '#done': 'done', '#ok': 'succeeded', '#bad': 'failed' };
export const jobKey = (id: string) => ({ pk: `JOB#${id}`, sk: 'JOB' });

export async function loadJob(id: string): Promise<JobRecord | undefined> {
  const out = await ddb.send(new GetCommand({ TableName: table(), Key: jobKey(id), ConsistentRead: true }));
  return out.Item as JobRecord | undefined;
}

export async function getJob(firmId: string, id: string): Promise<Job> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await ddb.send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `JOB#${id}` },
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  const record = items.find((i) => i.sk === 'JOB') as JobRecord | undefined;
  // Another firm's job is reported exactly like a missing one.
  if (!record || record.firmId !== firmId) throw new NotFound('Job');
  const errors = items.filter((i) => typeof i.sk === 'string' && i.sk.startsWith('ERR#')).map((i) => i.error as Record<string, unknown>);
  return {
    id: record.id,
    kind: record.kind,
    status: record.status,
    progress: record.progress,
    errors,
    ...(record.reason ? { reason: record.reason } : {}),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

/** A new job, queued, before any planning. */
export function newJob(firmId: string, kind: string, params: Record<string, unknown>, id: string, now: string): JobRecord {
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
}

/** A job as the API shows it when it is created. */
export const jobToApi = (job: JobRecord): Job => ({
  id: job.id, kind: job.kind, status: job.status, progress: job.progress, errors: [], createdAt: job.createdAt, updatedAt: job.updatedAt,
});

export function putNewJob(record: JobRecord): TxItem {
  return { Put: { TableName: table(), Item: { ...jobKey(record.id), ...record }, ConditionExpression: 'attribute_not_exists(pk)' } };
}

/** An error of a job, keyed by what failed (one entry per item, however often it is retried). */
export function putJobError(jobId: string, key: string, error: Record<string, unknown>): TxItem {
  return { Put: { TableName: table(), Item: { pk: `JOB#${jobId}`, sk: `ERR#${key}`, error } } };
}

/** Marks a batch (or item) of a job as counted; fails if it already was. */
export function putBatchMarker(jobId: string, batch: number | string): TxItem {
  return {
    Put: {
      TableName: table(),
      Item: { pk: `JOB#${jobId}`, sk: `BATCH#${typeof batch === 'number' ? String(batch).padStart(8, '0') : batch}` },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** Counts finished items on a job (progress.done and the success/failure tallies). */
export function countJobItems(jobId: string, succeeded: number, failed: number, now: string): TxItem {
  return {
    Update: {
      TableName: table(),
      Key: jobKey(jobId),
      UpdateExpression: 'ADD #progress.#done :done, #ok :ok, #bad :bad SET updatedAt = :now',
      ExpressionAttributeNames: NAMES,
      ExpressionAttributeValues: { ':done': succeeded + failed, ':ok': succeeded, ':bad': failed, ':now': now },
    },
  };
}

/**
 * Moves planning on by one step, only from where this step started (so a
 * duplicate or stale planning message changes nothing): adds what it found to
 * the total and counts what failed on the spot.
 */
export function advancePlanning(
  job: JobRecord,
  step: { cursor: string; found: number; failed: number; batches: number; done: boolean },
  now: string,
): TxItem {
  return {
    Update: {
      TableName: table(),
      Key: jobKey(job.id),
      UpdateExpression:
        'SET #planning = :planning, #status = :running, updatedAt = :now ADD #progress.#total :found, #progress.#done :failed, #bad :failed',
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
  };
}

/** Ends a job once, with the status its counts call for. */
export function finishJob(job: JobRecord, status: JobStatus, now: string, reason?: string): TxItem {
  return {
    Update: {
      TableName: table(),
      Key: jobKey(job.id),
      UpdateExpression: `SET #status = :status, updatedAt = :now${reason ? ', reason = :reason' : ''}`,
      ConditionExpression: '#status IN (:queued, :running)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':status': status, ':now': now, ':queued': 'queued', ':running': 'running', ...(reason ? { ':reason': reason } : {}) },
    },
  };
}

/** The final status of a job whose items are all done. */
export function finalStatus(job: Pick<JobRecord, 'succeeded' | 'failed'>): JobStatus {
  if (job.failed === 0) return 'succeeded';
  return job.succeeded === 0 ? 'failed' : 'partially_failed';
}

export const isFinished = (job: JobRecord) => job.planning.done && job.progress.done >= job.progress.total;

/**
 * Ends a job once every item is accounted for, with the status its counts call
 * for, together with whatever the caller must announce (in the same
 * transaction). Several workers may call it at the end; one wins.
 */
export async function finishIfDone(jobId: string, commit: (items: TxItem[]) => Promise<void>, announce: (job: JobRecord) => TxItem[] = () => []): Promise<JobRecord | undefined> {
  const job = await loadJob(jobId);
  if (!job || !isFinished(job) || (job.status !== 'running' && job.status !== 'queued')) return undefined;
  try {
    await commit([finishJob(job, finalStatus(job), new Date().toISOString()), ...announce(job)]);
    return job;
  } catch (error) {
    if ((error as { failedAt?: (i: number) => boolean }).failedAt?.(0)) return undefined;
    throw error;
  }
}
