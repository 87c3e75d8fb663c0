import type { TxItem } from '../../aws/transactions.ts';
import type { ExportError } from '#events/messages';
import { strip } from '../../aws/book-store.ts';
import { accountingTable } from './book.ts';

/**
 * Booking markers of practice's export batches.
 *
 * | item | sort key | what it holds |
 * |---|---|---|
 * | booking marker | `BOOKED#<jobId>#<batchNo, 8 digits>` | what the batch booked and refused, so any delivery of it completes the booking exactly as it was made |
 *
 * Transitions: `create`, only if the batch has no marker: made with the
 * balance moves, so each batch is booked once.
 */
export interface BookingMarker {
  entity: 'exportBooking';
  jobId: string;
  batchNo: number;
  createdAt: string;
  /** Each booked time entry with the accounting user it was booked to. */
  booked: [timeEntryId: string, timekeeperId: string][];
  /** What was refused, and why: part of the answer. */
  failed: ExportError[];
}

const sk = (jobId: string, batchNo: number) => `BOOKED#${jobId}#${String(batchNo).padStart(8, '0')}`;

export const exportBookingEntity = {
  /** The batch's marker, if the batch is booked. */
  async get(firmId: string, jobId: string, batchNo: number): Promise<BookingMarker | undefined> {
    const marker = await accountingTable.get<BookingMarker>(firmId, sk(jobId, batchNo));
    return marker && strip(marker);
  },

  /** The batch's marker, only if it has none. */
  create: (firmId: string, marker: BookingMarker): TxItem => accountingTable.putUnique(firmId, sk(marker.jobId, marker.batchNo), { ...marker }),
};
