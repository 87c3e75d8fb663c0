import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { MessageDraft, MessageOf } from '#events/messages';
import type { QueueName } from '../declaration.ts';
import { newId } from '../shared/ids.ts';
import { nowEpochSeconds, nowIso } from '../shared/clock.ts';
import { config } from '../shared/config.ts';
import type { TxItem } from '../aws/transactions.ts';

/**
 * The outbox table: the one streamed table. Both books put their outbox
 * items there in the same transaction as the state they announce (a
 * transaction may span tables); the books' own tables have no stream, so
 * their writes never pay for stream records, and a relay reads only what it
 * relays.
 *
 * | item | key (pk / sk) | read by |
 * |---|---|---|
 * | message | `OUTBOX#<message id>` / `OUTBOX` (`entity: outbox`, `destination`) | its book's relay (stream filter on entity and destination), which puts `body` on the destination queue |
 * | balance announcement | `BALANCE#<id>` / `ANNOUNCE` (`entity: balance_announcement`, `fileIds`) | the balance publisher, which reads those files' balances and tells practice |
 *
 * Items are written once and never changed; DynamoDB's TTL removes them
 * after {@link OUTBOX_TTL_SECONDS} (they outlive any sane relay delay).
 */
const OUTBOX_TTL_SECONDS = 7 * 24 * 3600;
const expiry = () => nowEpochSeconds() + OUTBOX_TTL_SECONDS;
const table = () => config.tableName('outbox');

/**
 * JSON with every non-ASCII character escaped (`\u00e9`): the same value once
 * parsed, but a body every queue accepts (SQS refuses some code points, such
 * as U+FFFE, that users can type).
 */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
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

export interface BalanceAnnouncement {
  pk: string;
  sk: 'ANNOUNCE';
  entity: 'balance_announcement';
  firmId: string;
  fileIds: string[];
  expiresAt: number;
}

/** The outbox entry of a message (its id and time stamped now). `outboxMessage` is what use cases commit. */
export function outboxEntry<Q extends QueueName>(destination: Q, draft: MessageDraft<MessageOf<Q>>): OutboxEntry {
  const message = { ...draft, id: newId('msg'), occurredAt: nowIso() };
  return {
    pk: `OUTBOX#${message.id}`,
    sk: 'OUTBOX',
    entity: 'outbox',
    destination,
    messageType: draft.type,
    firmId: draft.firmId,
    body: asciiJson(message),
    expiresAt: expiry(),
  };
}

/** Sends a message to `destination` once the transaction it is in commits: the relay carries it. No dual write, no lost sync. */
export const outboxMessage = <Q extends QueueName>(destination: Q, draft: MessageDraft<MessageOf<Q>>): TxItem => ({
  Put: { TableName: table(), Item: { ...outboxEntry(destination, draft) } },
});

/** Announces that these files' balances moved (in the transaction that moved them). */
export const balanceAnnouncement = (firmId: string, fileIds: string[]): TxItem => ({
  Put: {
    TableName: table(),
    Item: { pk: `BALANCE#${newId('msg')}`, sk: 'ANNOUNCE', entity: 'balance_announcement', firmId, fileIds, expiresAt: expiry() } satisfies BalanceAnnouncement,
  },
});

/** The outbox items a stream batch inserted, of one kind, each with the sequence number a batch failure names. */
export function outboxItemsOf<E extends OutboxEntry | BalanceAnnouncement>(records: readonly DynamoDBRecord[], entity: E['entity']): { sequenceNumber: string; item: E }[] {
  const found: { sequenceNumber: string; item: E }[] = [];
  for (const record of records) {
    const image = record.dynamodb?.NewImage;
    const sequenceNumber = record.dynamodb?.SequenceNumber;
    if (!image || !sequenceNumber) continue;
    const item = unmarshall(image as Record<string, AttributeValue>) as E;
    if (item.entity === entity) found.push({ sequenceNumber, item });
  }
  return found;
}
