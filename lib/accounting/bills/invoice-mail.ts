import type * as z from 'zod';
import type { GiveUp } from '../../queue/give-up.ts';
import type { EmailInvoices } from '#events/messages';
import { describeError } from '../../jobs/job.entity.ts';
import { billEntity } from '../entities/bill.entity.ts';
import { emailInvoices } from './email.ts';
import { countProducedBill, type BillProblem } from './production-count.ts';

/**
 * The last step of producing a bill whose matter asks for email: email its
 * stored invoices, then count it on its job, with any email that may not have
 * gone out listed on the job. A failure is retried; on the last delivery the
 * bill counts as failed with the reason (giveUpOnEmail; the invoice itself
 * stays produced, and `POST /billing/bills/{id}/email` sends it by hand).
 */
export async function onEmailInvoices(m: z.infer<typeof EmailInvoices>, lastAttempt = false): Promise<void> {
  // On the last delivery an email another delivery claimed but never confirmed is listed as a problem, not waited for.
  let failure: BillProblem | undefined;
  let problems: BillProblem[] = [];
  const bill = await billEntity.get(m.firmId, m.billId);
  if (!bill) {
    failure = { code: 'not_found', message: `Bill ${m.billId} does not exist.` };
  } else {
    problems = await emailInvoices(bill, { lastAttempt });
  }
  await countProducedBill(m.jobId, m.billId, failure, problems);
}

/** The last delivery failed too: the bill counts as failed on its job, and says how to send it by hand (lib/queue/give-up.ts). */
export const giveUpOnEmail: GiveUp<z.infer<typeof EmailInvoices>> = async (m, error) => {
  await countProducedBill(m.jobId, m.billId, {
    code: 'email_failed',
    message: `The bill was produced, but emailing its invoices failed: ${describeError(error)}. Send them with POST /billing/bills/${m.billId}/email.`,
  });
  return 'shown';
};
