import type { TxItem } from '../../aws/transactions.ts';
import type { Page, PageOptions } from '../../shared/page.ts';
import type { Notification } from '../ledger/schemas.ts';
import { accountingTable } from './book.ts';

/**
 * Import alerts: an export whose entries could not all be imported.
 *
 * | item | sort key | what it holds |
 * |---|---|---|
 * | notification | `NOTIFY#<id>` | the alert (its id derives from the job, so one per job) |
 *
 * Transitions: `create`, only if new.
 */
export interface NotificationRecord extends Notification {
  entity: 'notification';
  firmId: string;
}

const sk = (id: string) => `NOTIFY#${id}`;

export const notificationEntity = {
  /** The alert, only if none exists with its id. */
  create: (record: NotificationRecord): TxItem => accountingTable.putUnique(record.firmId, sk(record.id), { ...record }),

  /** A page of the firm's alerts, in id order. */
  list: (firmId: string, options: PageOptions<NotificationRecord>): Promise<Page<NotificationRecord>> =>
    accountingTable.list<NotificationRecord>(firmId, 'NOTIFY#', options),

  toApi: (r: Notification): Notification => ({ id: r.id, jobId: r.jobId, message: r.message, errorCount: r.errorCount, createdAt: r.createdAt }),
};
