import type { TxItem } from '../aws/transactions.ts';
import type { Redrive } from '../sync/reconciler.ts';
import { contactUpsert } from './contacts/service.ts';
import { announce } from './matters/announce.ts';
import type { PracticeContactRecord } from './contacts/model.ts';
import type { MatterRecord } from './matters/model.ts';

type PracticeSynced = PracticeContactRecord | MatterRecord;

/** How the reconciler re-drives each kind of practice record left pending. */
export const redrivePractice: Redrive<PracticeSynced> = async (record, now) => {
  if (record.entity === 'matter') return announce(record, now);
  const items: TxItem[] = [await contactUpsert(record)];
  return { record, items };
};
