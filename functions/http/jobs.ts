import { routes } from '#lib/api/routes';
import { httpHandler, on } from '#lib/http/handler';
import { jobEntity } from '#lib/jobs/job.entity';
import { documentUrl } from '#lib/aws/s3';
import { printBatchKey } from '#lib/accounting/bills/print-batch-key';

export const handler = httpHandler(
  on(routes.getJob, async ({ firmId, params }) => {
    const job = await jobEntity.getWithErrors(firmId, params.id!);
    // A production job's print batch, as a short-lived link like every document's.
    if (job.kind === 'bill_production' && job.printBatch) {
      return { ...job, printBatch: { ...job.printBatch, url: await documentUrl(printBatchKey(firmId, job.id), `print-batch-${job.id}.pdf`) } };
    }
    return job;
  }),
);
