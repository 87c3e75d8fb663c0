import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { pendingIndexKeys } from '../../../lib/aws/pending-index.ts';
import { ddb, stack } from '../helpers.ts';

/**
 * Stores a practice contact as if its sync message had been lost: pending
 * since `sentAt`, sent `attempts` times, with no outbox entry, so only the
 * reconciler can move it. Written straight to the table, keyed as the store
 * keys it (`indexKeys` overrides where it sits in the pending index).
 */
export async function putLostContact(o: {
  firm: string;
  id: string;
  name: string;
  sentAt: string;
  attempts: number;
  indexKeys?: { pendingPk: string; pendingSk: string };
}): Promise<void> {
  const sk = `CONTACT#${o.id}`;
  await ddb.send(new PutCommand({
    TableName: stack.tables.practice,
    Item: {
      pk: `FIRM#${o.firm}`,
      sk,
      entity: 'contact',
      firmId: o.firm,
      id: o.id,
      kind: 'person',
      name: o.name,
      numberingSequence: 'client',
      reference: null,
      rateOverrides: [],
      link: { status: 'pending' },
      version: 1,
      createdAt: o.sentAt,
      updatedAt: o.sentAt,
      sync: { clock: { counter: 1, origin: 'practice' }, attempts: o.attempts, sentAt: o.sentAt },
      ...(o.indexKeys ?? pendingIndexKeys(o.firm, sk, o.sentAt)),
    },
  }));
}
