import type { DynamoDBBatchItemFailure, DynamoDBRecord } from 'aws-lambda';
import { newId } from '../shared/ids.ts';
import { nowIso } from '../shared/clock.ts';
import { asciiJson, outboxItemsOf, type BalanceAnnouncement } from '../sync/outbox.entity.ts';
import { sendToQueues } from '../sync/queue-sender.ts';
import { balanceEntity } from './entities/balance.entity.ts';
import { balanceMessage, type BalanceRecord } from './balances.ts';

interface Announced {
  firmId: string;
  fileId: string;
  /** The stream records that named this file: each is done once the file's balance is sent. */
  sequenceNumbers: string[];
}

/**
 * Tells practice the balances that a batch of announcements (from the outbox
 * table's stream) says moved. Each file's balance is read once per batch,
 * after the commits that moved it, so the message is never older than any
 * announcement that named it; practice keeps the highest `seq`, so messages
 * that overtake each other do no harm.
 */
export async function publishBalances(records: DynamoDBRecord[]): Promise<DynamoDBBatchItemFailure[]> {
  const byFirm = new Map<string, Map<string, Announced>>();
  for (const { sequenceNumber, item } of outboxItemsOf<BalanceAnnouncement>(records, 'balance_announcement')) {
    const files = byFirm.get(item.firmId) ?? new Map<string, Announced>();
    for (const fileId of item.fileIds) {
      const seen = files.get(fileId) ?? { firmId: item.firmId, fileId, sequenceNumbers: [] };
      seen.sequenceNumbers.push(sequenceNumber);
      files.set(fileId, seen);
    }
    byFirm.set(item.firmId, files);
  }

  const failed = new Set<string>();
  const balances: { announced: Announced; balance: BalanceRecord }[] = [];
  await Promise.all(
    [...byFirm].map(async ([firmId, files]) => {
      try {
        const found = await balanceEntity.getMany(firmId, [...files.keys()]);
        for (const f of files.values()) {
          const balance = found.get(f.fileId);
          if (balance) balances.push({ announced: f, balance });
        }
      } catch {
        for (const f of files.values()) f.sequenceNumbers.forEach((s) => failed.add(s));
      }
    }),
  );

  const asOf = nowIso();
  const notSent = await sendToQueues(
    balances.map(({ balance }) => {
      const message = { ...balanceMessage(balance, asOf), id: newId('msg'), occurredAt: asOf };
      return { queue: 'toPractice' as const, body: asciiJson(message), type: message.type, firmId: message.firmId };
    }),
  );
  for (const i of notSent) balances[i]!.announced.sequenceNumbers.forEach((s) => failed.add(s));
  return [...failed].map((itemIdentifier) => ({ itemIdentifier }));
}
