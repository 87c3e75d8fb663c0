import { commit } from '../../aws/transactions.ts';
import { outboxMessage } from '../../sync/outbox.entity.ts';
import { jobEntity } from '../../jobs/job.entity.ts';
import type { Job } from '../../jobs/schemas.ts';
import { newId } from '../../shared/ids.ts';
import { nowIso } from '../../shared/clock.ts';
import type { StartTimeExport } from './schemas.ts';

/**
 * Sending time for billing, in three steps:
 * - start (here): the request only creates the job and its first planning
 *   message, in one transaction;
 * - plan (`export-plan.ts`): pages of open entries are checked and locked,
 *   and sent to accounting in batches;
 * - answer (`export-answer.ts`): accounting's answer to each batch is counted
 *   on the job, and the job ends once every entry is accounted for.
 */
export async function startTimeExport(firmId: string, input: StartTimeExport): Promise<Job> {
  const job = jobEntity.create(firmId, 'time_export', { ...input }, newId('job'), nowIso());
  await commit([
    jobEntity.put(job),
    outboxMessage('timeExport', { type: 'practice.time_export.plan', firmId, jobId: job.id, cursor: '' }),
  ]);
  return jobEntity.toApi(job);
}
