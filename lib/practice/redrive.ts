import type { TxItem } from '../aws/transactions.ts';
import { reconcilePending, type ReconcileReport, type Redrive } from '../sync/reconciler.ts';
import { contactUpsert } from './contacts/service.ts';
import { announce } from './matters/announce.ts';
import { pendingLinkEntity, type PracticeSynced } from './entities/pending-link.entity.ts';

/** How the reconciler re-drives each kind of practice record left pending. */
export const redrivePractice: Redrive<PracticeSynced> = async (record, now) => {
  if (record.entity === 'matter') return announce(record, now);
  const items: TxItem[] = [await contactUpsert(record)];
  return { record, items };
};

/** Re-sends the contacts and matters whose link stayed pending too long (the scheduled reconciler). */
export const reconcilePractice = (): Promise<ReconcileReport> => reconcilePending(pendingLinkEntity, redrivePractice);
