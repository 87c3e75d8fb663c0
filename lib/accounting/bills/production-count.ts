import { commit, refusedAt } from '../../aws/transactions.ts';
import { finishJobIfDone, jobEntity } from '../../jobs/job.entity.ts';
import { nowIso } from '../../shared/clock.ts';
import { logger } from '../../shared/logger.ts';

export interface BillProblem {
  code: string;
  message: string;
}

/**
 * Counts one bill on its production job, exactly once (the bill's marker on
 * the job is written in the same transaction, so a second count is refused),
 * with the reason it failed or the problems it met, then finishes the job if
 * it was the last. The last step of a bill: producing it, or emailing it when
 * its matter asks for email.
 */
export async function countProducedBill(jobId: string, billId: string, failure: BillProblem | undefined, problems: BillProblem[] = []): Promise<void> {
  try {
    await commit([
      jobEntity.putMarker(jobId, billId),
      jobEntity.count(jobId, failure ? 0 : 1, failure ? 1 : 0, nowIso()),
      ...(failure ? [jobEntity.putError(jobId, billId, { billId, ...failure })] : []),
      ...problems.map((p, i) => jobEntity.putError(jobId, `${billId}#${i}`, { billId, ...p })),
    ]);
  } catch (error) {
    if (!refusedAt(error, 0)) throw error;
  }
  if (failure) logger.info('bill not produced', { billId, ...failure });
  await finishJobIfDone(jobId);
}
