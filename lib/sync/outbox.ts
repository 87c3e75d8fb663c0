import type { Draft, MessageOf } from '#events/messages';
import type { QueueName } from '../declaration.ts';
import { newId } from '../shared/ids.ts';
import { nowEpochSeconds, nowIso } from '../shared/clock.ts';
import { config } from '../shared/config.ts';
import type { TxItem } from '../aws/book-store.ts';

/**
 * JSON with every non-ASCII character escaped (`\u00e9`): the same value once
 * parsed, but a body every queue accepts (SQS refuses some code points, such
 * as U+FFFE, that users can type).
 */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Outbox entries outlive any sane relay delay, then DynamoDB's TTL removes them. */
const OUTBOX_TTL_SECONDS = 7 * 24 * 3600;
export const outboxExpiry = () => nowEpochSeconds() + OUTBOX_TTL_SECONDS;

/**
 * The outbox table: the one streamed table. Both books put their outbox
 * entries there in the same transaction as the state they announce (a
 * transaction may span tables); the books' own tables have no stream, so
 * their writes never pay for stream records, and a relay reads only what it
 * relays.
 */
export function putInOutbox(item: { pk: string; sk: string; entity: string; expiresAt: number }): TxItem {
  return { Put: { TableName: config.tableName('outbox'), Item: { ...item } } };
}

export interface OutboxEntry {
  pk: string;
  sk: 'OUTBOX';
  entity: 'outbox';
  destination: QueueName;
  messageType: string;
  firmId: string;
  body: string;
  expiresAt: number;
}

/**
 * The outbox entry announcing a message. It is written in the same
 * transaction as the state it announces; the outbox table's stream carries it
 * to its book's relay, which puts it on the destination queue. No dual write, no lost sync.
 */
export function outboxEntry<Q extends QueueName>(destination: Q, draft: Draft<MessageOf<Q>>): OutboxEntry {
  const message = { ...draft, id: newId('msg'), occurredAt: nowIso() };
  return {
    pk: `OUTBOX#${message.id}`,
    sk: 'OUTBOX',
    entity: 'outbox',
    destination,
    messageType: draft.type,
    firmId: draft.firmId,
    body: asciiJson(message),
    expiresAt: outboxExpiry(),
  };
}
