/**
 * @deprecated Old names of lib/jobs/job.entity.ts, kept only while the books' use cases move over; deleted after.
 */
import type { TxItem } from '../aws/transactions.ts';
import { finishJobIfDone, jobEntity, type JobRecord } from './job.entity.ts';
import type { JobStatus } from './schemas.ts';

export { finalStatus, isFinished, type JobRecord } from './job.entity.ts';
export const loadJob = jobEntity.get;
export const getJob = jobEntity.getWithErrors;
export const newJob = jobEntity.create;
export const jobToApi = jobEntity.toApi;
export const putNewJob = jobEntity.put;
export const putJobError = jobEntity.putError;
export const putBatchMarker = jobEntity.putMarker;
export const countJobItems = jobEntity.count;
export const advancePlanning = jobEntity.advancePlanning;
export const finishJob = (job: JobRecord, status: JobStatus, now: string, reason?: string) => jobEntity.end(job.id, status, now, reason);
export const finishIfDone = (jobId: string, _commit: (items: TxItem[]) => Promise<void>, announce?: (job: JobRecord) => TxItem[]) =>
  finishJobIfDone(jobId, announce);
