import * as z from 'zod';
import { ExportError } from '#events/messages';

export const JobStatus = z.enum(['queued', 'running', 'succeeded', 'failed', 'partially_failed']);
export type JobStatus = z.infer<typeof JobStatus>;

/** What a job does: send time entries to accounting, or produce bills. */
export const JobKind = z.enum(['time_export', 'bill_production']);
export type JobKind = z.infer<typeof JobKind>;

/** A time entry an export could not send or book: it stays open, and the code says why (events/messages.ts). */
export const TimeExportJobError = ExportError;

/** A bill a production could not produce (or emailed with a doubt), with the reason. */
export const BillProductionJobError = z.object({
  billId: z.string(),
  /** The client whose invoice email it concerns (`email_uncertain`). */
  contactId: z.string().optional(),
  code: z.string().meta({
    description:
      'Why: `not_found`, `wrong_status` (no longer approved), `nothing_to_bill`, `production_failed` (failed on every try), ' +
      '`email_failed` (produced, not emailed: send it with POST /billing/bills/{id}/email) or `email_uncertain` (one email may not have gone out)',
  }),
  message: z.string(),
});

const fields = {
  id: z.string(),
  status: JobStatus,
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  reason: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

/** A long-running job: its kind says which errors it lists. */
export const Job = z.discriminatedUnion('kind', [
  z.object({ ...fields, kind: z.literal('time_export'), errors: z.array(TimeExportJobError) }),
  z.object({
    ...fields,
    kind: z.literal('bill_production'),
    errors: z.array(BillProductionJobError),
    /** The print-ready PDF of the invoices of the job's bills whose matters print invoices (`printInvoices`). */
    printBatch: z.object({ bills: z.number().int(), invoices: z.number().int(), url: z.string().optional() }).optional(),
  }),
]);
export type Job = z.infer<typeof Job>;
