import type { Draft, Message } from '#events/messages';
import type { QueueName } from '../declaration.ts';
import { newId } from '../shared/ids.ts';
import { nowEpochSeconds, nowIso } from '../shared/clock.ts';

/** Outbox entries outlive any sane relay delay, then DynamoDB's TTL removes them. */
const OUTBOX_TTL_SECONDS = 7 * 24 * 3600;

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
 * transaction as the state it announces; the table's stream carries it to the
 * relay, which puts it on the destination queue. No dual write, no lost sync.
 */
export function outboxEntry<M extends Message>(destination: QueueName, draft: Draft<M>): OutboxEntry {
  const message = { ...draft, id: newId('msg'), occurredAt: nowIso() };
  return {
    pk: `OUTBOX#${message.id}`,
    sk: 'OUTBOX',
    entity: 'outbox',
    destination,
    messageType: draft.type,
    firmId: draft.firmId,
    body: JSON.stringify(message),
    expiresAt: nowEpochSeconds() + OUTBOX_TTL_SECONDS,
  };
}
