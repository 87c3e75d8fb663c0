import { outboxMessage } from '../../sync/outbox.entity.ts';
import type { TxItem } from '../../aws/transactions.ts';
import { contactEntity } from '../entities/contact.entity.ts';
import { matterEntity } from '../entities/matter.entity.ts';
import { announced, readiness, upsertMessage, type MatterRecord } from './model.ts';

/**
 * Decides whether a matter can be sent to accounting now: only when all its
 * clients are linked (their accounting ids go in the message). Otherwise it
 * waits, with a wait item per client that wakes it when that client links.
 * Returns the matter to store and the items to write with it.
 */
export async function announce(record: MatterRecord, now: string): Promise<{ record: MatterRecord; items: TxItem[] }> {
  const contacts = await contactEntity.getMany(record.firmId, record.clientIds);
  const ready = readiness(record.clientIds, contacts);
  const { record: next, send } = announced(record, ready, now);
  const items: TxItem[] = [];
  if (send && ready.kind === 'ready') {
    items.push(outboxMessage('toAccounting', upsertMessage(next, ready.clients)));
  } else {
    for (const contactId of next.sync.waitingFor ?? []) items.push(matterEntity.waitFor(record.firmId, contactId, record.id));
  }
  return { record: next, items };
}
