import type { TxItem } from '../aws/book-store.ts';
import { finishJob, loadJob } from './repository.ts';

/**
 * A job whose work keeps failing ends `failed` with the reason, rather than
 * staying `running` forever once its message has gone to the DLQ.
 */
export async function failJob(jobId: string, reason: string, commit: (items: TxItem[]) => Promise<void>): Promise<void> {
  const job = await loadJob(jobId);
  if (!job || (job.status !== 'running' && job.status !== 'queued')) return;
  try {
    await commit([finishJob(job, 'failed', new Date().toISOString(), reason)]);
  } catch (error) {
    if (!(error as { failedAt?: (i: number) => boolean }).failedAt?.(0)) throw error;
  }
}

export const describeError = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 300);
