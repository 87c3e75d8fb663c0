import type * as z from 'zod';
import type { ExportError, PracticeTimeExportBatch, PracticeTimeExportFinished } from '#events/messages';
import { accountingUsersByEmail } from '../users/service.ts';
import { balanceEntity } from '../entities/balance.entity.ts';
import { exportBookingEntity, type BookingMarker } from '../entities/export-booking.entity.ts';
import { fileEntity } from '../entities/file.entity.ts';
import { ledgerEntryEntity } from '../entities/ledger-entry.entity.ts';
import { notificationEntity } from '../entities/notification.entity.ts';
import { outboxMessage } from '../../sync/outbox.entity.ts';
import { commit, commitSkippingDone, TransactionRefused } from '../../aws/transactions.ts';
import { logger } from '../../shared/logger.ts';
import { countMetric } from '../../shared/metrics.ts';
import { nowIso } from '../../shared/clock.ts';
import { faultPoint } from '../../shared/faults.ts';
import { fromExport, unbilledValue, type LedgerRecord } from './model.ts';

/**
 * How long a booking belongs to the delivery that made it. Within it only
 * that delivery writes the booking's ledger entries, unconditionally (its
 * requests are cut off at the lease's end); after it, any delivery of the
 * batch completes them, each only if it does not exist. Writing 90 entries
 * takes milliseconds; a redelivery comes after the queue's visibility timeout.
 */
export const BOOKING_LEASE_MS = 5_000;

/** The booking marker of a batch, if the batch is booked. */
export function bookingOf(m: Pick<z.infer<typeof PracticeTimeExportBatch>, 'firmId' | 'jobId' | 'batchNo'>): Promise<BookingMarker | undefined> {
  return exportBookingEntity.get(m.firmId, m.jobId, m.batchNo);
}

/** Thrown (and the message retried later) while another delivery may still be writing a booking's entries. */
export class BookingInProgress extends Error {
  constructor(batchNo: number) {
    super(`batch ${batchNo} was booked moments ago by another delivery; its ledger entries are checked again later`);
    this.name = 'BookingInProgress';
  }
}

/**
 * Books one export batch into the client ledger. Entries whose file exists
 * and whose timekeeper is an accounting user (by email, case-insensitive) are
 * booked; the others are refused with a reason. Practice sends each entry in
 * exactly one batch (it locks entries as it plans), so booking a batch once
 * books each entry once: one transaction creates the batch's booking marker
 * (the guard) and moves the file balances; then the delivery that made the
 * marker writes the ledger entries, which are new and so need no condition
 * (BatchWriteItem), and answers practice, so a job succeeds only once its
 * entries are in the ledger. Any later delivery of the batch finds the marker
 * and, once the maker's time is up, writes whatever entries a crash left
 * unwritten (each only if it does not exist) and answers again; practice
 * counts a batch once, however often it hears of it.
 */
export async function bookExportBatch(m: z.infer<typeof PracticeTimeExportBatch>): Promise<void> {
  const [users, files] = await Promise.all([
    accountingUsersByEmail(m.firmId, m.entries.map((e) => e.timekeeperEmail).filter(Boolean)),
    fileEntity.getMany(m.firmId, m.entries.map((e) => e.accountingFileId)),
  ]);
  const now = nowIso();
  const failed: ExportError[] = [];
  const records: LedgerRecord[] = [];
  for (const e of m.entries) {
    const file = files.get(e.accountingFileId);
    const userId = users.get(e.timekeeperEmail.toLowerCase());
    if (!file) {
      failed.push({ timeEntryId: e.timeEntryId, code: 'matter_not_linked', message: `Accounting has no file for "${e.matterName}".` });
    } else if (!userId) {
      failed.push({
        timeEntryId: e.timeEntryId,
        code: 'timekeeper_not_in_accounting',
        message: `No accounting user has the email ${e.timekeeperEmail || '(none)'} of ${e.timekeeperName}. Add one, then export again.`,
      });
    } else {
      records.push(fromExport(m.firmId, e, userId, now));
    }
  }
  const marker: BookingMarker = {
    entity: 'exportBooking', jobId: m.jobId, batchNo: m.batchNo, createdAt: now, booked: records.map((r) => [r.timeEntryId, r.timekeeperId]), failed,
  };
  try {
    await commit([
      exportBookingEntity.create(m.firmId, marker),
      ...balanceEntity.changes(m.firmId, records.map((r) => ({ file: files.get(r.fileId)!, delta: { unbilled: unbilledValue(r) } }))),
    ]);
  } catch (error) {
    if (!(error instanceof TransactionRefused && error.failedAt(0))) throw error;
    return completeBooking(m);
  }
  faultPoint('accounting.ledger.afterBooking', m.firmId);
  try {
    await ledgerEntryEntity.putOwned(m.firmId, records, Date.parse(now) + BOOKING_LEASE_MS);
  } catch (error) {
    // Too slow for the lease (or the writes failed): finish as any later delivery would, entry by entry.
    logger.warn('booking entries outlived their lease; writing them guarded', { batchNo: m.batchNo, error: error as Error });
    await writeMissing(records);
  }
  countMetric('entriesExported', records.length);
  await answer(m, records, failed);
}

/** Tells practice what the batch booked and refused. Sent again by any delivery that completes a booking: practice counts it once. */
async function answer(m: z.infer<typeof PracticeTimeExportBatch>, records: LedgerRecord[], failed: ExportError[]): Promise<void> {
  await commit([
    outboxMessage('toPractice', {
      type: 'accounting.time.batch_booked',
      firmId: m.firmId,
      jobId: m.jobId,
      batchNo: m.batchNo,
      booked: records.map((r) => ({ timeEntryId: r.timeEntryId, ledgerEntryId: r.id })),
      failed,
    }),
  ]);
}

/**
 * A delivery of a batch that is booked already: writes the booked entries
 * that are missing, once the booking's maker is past its time, and answers.
 */
async function completeBooking(m: z.infer<typeof PracticeTimeExportBatch>): Promise<void> {
  faultPoint('accounting.ledger.completingBooking', m.firmId);
  const marker = await bookingOf(m);
  if (!marker) throw new Error(`the booking of batch ${m.batchNo} of ${m.jobId} was refused but is not there`);
  const sent = new Map(m.entries.map((e) => [e.timeEntryId, e]));
  const records = marker.booked.map(([timeEntryId, timekeeperId]) => fromExport(m.firmId, sent.get(timeEntryId)!, timekeeperId, marker.createdAt));
  const existing = await ledgerEntryEntity.getMany(m.firmId, records.map((r) => r.id));
  const missing = records.filter((r) => !existing.has(r.id));
  if (missing.length) {
    if (Date.now() - Date.parse(marker.createdAt) < BOOKING_LEASE_MS) throw new BookingInProgress(m.batchNo);
    await writeMissing(missing);
    countMetric('entriesExported', missing.length); // the entries a crashed booking left unwritten
  }
  await answer(m, records, marker.failed);
}

/** Writes ledger entries each only if it does not exist yet (an entry that does is left as it is: it may have moved on). */
async function writeMissing(records: LedgerRecord[]): Promise<void> {
  await commitSkippingDone(records.map((r) => ledgerEntryEntity.put(r, null)));
}

/** An export ended: if anything failed, an import alert says how much. Once per job. */
export async function onExportFinished(m: z.infer<typeof PracticeTimeExportFinished>): Promise<void> {
  if (m.failed === 0) return;
  const id = `nt_${m.jobId.replace(/^job_/, '')}`;
  const message = `${m.failed} of ${m.total} time ${m.total === 1 ? 'entry' : 'entries'} could not be imported; see job ${m.jobId} for each one and how to fix it.`;
  try {
    await commit([
      notificationEntity.create({ entity: 'notification', firmId: m.firmId, id, jobId: m.jobId, message, errorCount: m.failed, createdAt: nowIso() }),
    ]);
  } catch (error) {
    if (!(error instanceof TransactionRefused && error.failedAt(0))) throw error;
  }
}
