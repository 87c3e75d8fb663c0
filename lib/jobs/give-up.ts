/** @deprecated moved to lib/jobs/job.entity.ts; kept only while the books' use cases move over. */
import type { TxItem } from '../aws/transactions.ts';
import { failJob as fail } from './job.entity.ts';

export { describeError } from './job.entity.ts';
export const failJob = (jobId: string, reason: string, _commit?: (items: TxItem[]) => Promise<void>) => fail(jobId, reason);
