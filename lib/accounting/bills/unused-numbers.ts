import { invoiceEntity } from '../entities/invoice.entity.ts';
import { numberingEntity, type InvoiceCounterState } from '../entities/numbering.entity.ts';
import { config } from '../../shared/config.ts';
import { logger } from '../../shared/logger.ts';
import { voidIfUnused } from './invoice-numbers.ts';

export interface NumbersReport {
  /** Counters looked at. */
  counters: number;
  /** Numbers found on no invoice record and listed void. */
  voided: number;
}

/** Counters one run looks at, oldest first; the next run takes the rest. */
const COUNTERS_PER_RUN = 200;
/** Numbers of one counter checked per run (100 per read): a backlog is worked through over several runs. */
const NUMBERS_PER_RUN = 10_000;

/**
 * Keeps the invoice sequence gap-free after crashes. An approval reserves its
 * numbers from the counter and then posts them on invoices; a crash between
 * the two leaves numbers that no invoice carries. Every number a firm's
 * counter has reached must end on an invoice record (issued, held or void):
 * this finds the ones that did not and lists them void.
 *
 * Two looks a grace period apart (`config.invoiceNumbers.graceSeconds`, far
 * longer than any approval runs): the first notes where the counter stands
 * (`watch`); the next, a grace period later, checks every number up to that
 * watch, since each of them was reserved at least that long ago. A number
 * still without a record is voided by creating its record, which fails if a
 * slow posting got there first; a posting that comes after the void finds
 * its number taken and reserves another.
 */
export async function voidUnusedInvoiceNumbers(now = new Date()): Promise<NumbersReport> {
  const before = new Date(now.getTime() - config.invoiceNumbers.graceSeconds * 1000).toISOString();
  const firms = await numberingEntity.countersToCheck(before, COUNTERS_PER_RUN);
  const report: NumbersReport = { counters: firms.length, voided: 0 };
  for (const firmId of firms) report.voided += await checkCounter(firmId, now.toISOString());
  if (report.voided) logger.warn('voided invoice numbers no invoice carries', { ...report });
  return report;
}

/** A number the checker voids: who reserved it is not known (the approval crashed before it wrote anything). */
const CRASHED = { billId: '', fileId: '', matterNumber: '', contactId: '', reason: 'Reserved by an approval that stopped before posting it (a crash); never on an invoice.' };

async function checkCounter(firmId: string, now: string): Promise<number> {
  const state = await numberingEntity.invoiceCounterState(firmId);
  if (state.watch === undefined) {
    await numberingEntity.watchInvoiceCounter(firmId, state.value, now);
    return 0;
  }
  const watched = state as InvoiceCounterState & { watch: number };
  const to = Math.min(watched.watch, watched.checked + NUMBERS_PER_RUN);
  let voided = 0;
  for (let from = watched.checked + 1; from <= to; from += 100) {
    const numbers = Array.from({ length: Math.min(100, to - from + 1) }, (_, i) => String(from + i));
    const found = await invoiceEntity.getMany(firmId, numbers);
    for (const n of numbers.filter((x) => !found.has(x))) {
      if (await voidIfUnused(firmId, n, CRASHED, now)) voided++;
    }
  }
  await numberingEntity.invoiceNumbersChecked(firmId, watched, to);
  return voided;
}
