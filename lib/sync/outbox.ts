/** @deprecated moved to lib/sync/outbox.entity.ts; kept only while the books' use cases move over. */
import { config } from '../shared/config.ts';
import type { TxItem } from '../aws/transactions.ts';
import { nowEpochSeconds } from '../shared/clock.ts';

export { asciiJson, outboxEntry, type OutboxEntry } from './outbox.entity.ts';
export const outboxExpiry = () => nowEpochSeconds() + 7 * 24 * 3600;
export function putInOutbox(item: { pk: string; sk: string; entity: string; expiresAt: number }): TxItem {
  return { Put: { TableName: config.tableName('outbox'), Item: { ...item } } };
}
