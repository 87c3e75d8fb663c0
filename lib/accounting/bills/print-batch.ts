import type * as z from 'zod';
import type { BillProductionPrint } from '#events/messages';
import { getDocument, putDocument } from '../../aws/s3.ts';
import { printBatchKey } from './print-batch-key.ts';
import { commit } from '../../aws/transactions.ts';
import { finishJobIfDone, jobEntity } from '../../jobs/job.entity.ts';
import { mergePdfs } from '../../documents/pdf/merge.ts';
import { recordDocuments } from './documents-list.ts';

/**
 * The print batch of a production job: one print-ready PDF of the invoices
 * of its bills whose matters print invoices (`printInvoices`). Each such bill
 * leaves a print entry on the job when produced; once every bill is counted,
 * the job is not ended at once but handed to this step (exactly once: a
 * marker and the message in one transaction), which merges the stored PDFs,
 * stores the batch at a fixed key per job, lists it on each of its bills and
 * on the job, and then ends the job. A retry merges again to the same key.
 */

export async function onPrintBatch(m: z.infer<typeof BillProductionPrint>): Promise<void> {
  const job = await jobEntity.get(m.jobId);
  if (!job || job.firmId !== m.firmId) return;
  const entries = await jobEntity.printEntries(m.jobId);
  const pdfs: Buffer[] = [];
  for (const entry of entries) {
    for (const key of entry.keys) {
      const pdf = await getDocument(key);
      if (pdf) pdfs.push(pdf);
    }
  }
  const key = printBatchKey(m.firmId, m.jobId);
  if (pdfs.length) {
    await putDocument(key, await mergePdfs(pdfs), 'application/pdf');
    for (const entry of entries) {
      await recordDocuments(m.firmId, entry.billId, [{ kind: 'print_batch', version: entry.version, key }]).catch((error: unknown) => {
        // A bill reverted (or deleted) since it was produced keeps no print batch; the batch itself stands.
        if (!(error instanceof Error && 'status' in error)) throw error;
      });
    }
  }
  await commit([jobEntity.setPrintBatch(m.jobId, { key, bills: entries.length, invoices: pdfs.length })]);
  await finishJobIfDone(m.jobId);
}
