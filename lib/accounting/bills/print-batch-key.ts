import { firmFolder } from '../../aws/s3.ts';

/** Where a production job's print batch is stored: one fixed key per job, so making it again overwrites it. */
export const printBatchKey = (firmId: string, jobId: string) => `${firmFolder(firmId)}/jobs/${jobId}/print-batch.pdf`;
