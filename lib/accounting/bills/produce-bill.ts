import type * as z from 'zod';
import type { GiveUp } from '../../queue/give-up.ts';
import type { ProduceBill } from '#events/messages';
import { outboxMessage } from '../../sync/outbox.entity.ts';
import { commit } from '../../aws/transactions.ts';
import { DomainError } from '../../shared/errors.ts';
import { describeError } from '../../jobs/job.entity.ts';
import { billEntity } from '../entities/bill.entity.ts';
import { finalizeBill, markBilled } from './finalize.ts';
import { storeInvoices } from './documents.ts';
import { countProducedBill, type BillProblem } from './production-count.ts';
import type { BillRecord } from './model.ts';

/**
 * Producing one bill of a production job: idempotent steps (finalize: number
 * and balance; mark what it billed; store the PDFs), so a retry resumes where
 * a crash stopped. A bill whose matter asks for email is then handed to the
 * invoice mail queue, whose worker emails the stored PDFs and counts the bill
 * on the job; any other bill is counted here. Either way a job succeeds only
 * once its bills are produced and emailed.
 */
export async function produceBill(firmId: string, billId: string): Promise<BillRecord> {
  const finalized = await finalizeBill(firmId, billId);
  await markBilled(finalized);
  return storeInvoices(finalized);
}

export async function onProduceBill(m: z.infer<typeof ProduceBill>): Promise<void> {
  let failure: BillProblem | undefined;
  let produced: BillRecord | undefined;
  const bill = await billEntity.get(m.firmId, m.billId);
  if (!bill) {
    failure = { code: 'not_found', message: `Bill ${m.billId} does not exist.` };
  } else {
    try {
      produced = await produceBill(m.firmId, m.billId);
    } catch (error) {
      // A bill that cannot be produced (not approved, nothing left to bill) fails for good; anything else is
      // retried, and on the last delivery counted as failed (giveUpOnBill; a rerun resumes where it stopped).
      if (error instanceof DomainError && error.status < 500) failure = { code: error.code, message: error.message };
      else throw error;
    }
  }
  if (produced?.emailInvoices) {
    // A duplicate hand-over is harmless: each email is claimed before it is sent, and the bill counts once.
    await commit([
      outboxMessage('invoiceMail', { type: 'accounting.bill.email', firmId: m.firmId, jobId: m.jobId, billId: m.billId }),
    ]);
    return;
  }
  await countProducedBill(m.jobId, m.billId, failure);
}

/** The last delivery of a bill failed too: it counts as failed on its job, with the reason (lib/queue/give-up.ts). */
export const giveUpOnBill: GiveUp<z.infer<typeof ProduceBill>> = async (m, error) => {
  await countProducedBill(m.jobId, m.billId, { code: 'production_failed', message: `Producing the bill failed: ${describeError(error)}` });
  return 'shown';
};
