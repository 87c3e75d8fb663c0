import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBBatchItemFailure, DynamoDBRecord } from 'aws-lambda';
import { sqs } from '../aws/sqs.ts';
import { config } from '../shared/config.ts';
import { newId } from '../shared/ids.ts';
import { nowIso } from '../shared/clock.ts';
import { balanceEntity, type BalanceAnnouncement } from './entities/balance.entity.ts';
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
  const announced = new Map<string, Announced>();
  for (const r of records) {
    const image = r.dynamodb?.NewImage;
    const seqNo = r.dynamodb?.SequenceNumber;
    if (!image || !seqNo) continue;
    const a = unmarshall(image as Record<string, AttributeValue>) as BalanceAnnouncement;
    if (a.entity !== 'balance_announcement') continue;
    for (const fileId of a.fileIds) {
      const key = `${a.firmId}|${fileId}`;
      const seen = announced.get(key) ?? { firmId: a.firmId, fileId, sequenceNumbers: [] };
      seen.sequenceNumbers.push(seqNo);
      announced.set(key, seen);
    }
  }

  const failed = new Set<string>();
  const byFirm = new Map<string, Announced[]>();
  for (const a of announced.values()) {
    const files = byFirm.get(a.firmId) ?? [];
    files.push(a);
    byFirm.set(a.firmId, files);
  }
  const balances: { announced: Announced; balance: BalanceRecord }[] = [];
  await Promise.all(
    [...byFirm].map(async ([firmId, files]) => {
      try {
        const found = await balanceEntity.getMany(firmId, files.map((f) => f.fileId));
        for (const f of files) {
          const balance = found.get(f.fileId);
          if (balance) balances.push({ announced: f, balance });
        }
      } catch {
        for (const f of files) f.sequenceNumbers.forEach((s) => failed.add(s));
      }
    }),
  );

  const asOf = nowIso();
  for (let i = 0; i < balances.length; i += 10) {
    const chunk = balances.slice(i, i + 10);
    try {
      const out = await sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: config.queueUrl('toPractice'),
          Entries: chunk.map((p, index) => ({
            Id: String(index),
            MessageBody: JSON.stringify({ ...balanceMessage(p.balance, asOf), id: newId('msg'), occurredAt: asOf }),
          })),
        }),
      );
      for (const f of out.Failed ?? []) chunk[Number(f.Id)]!.announced.sequenceNumbers.forEach((s) => failed.add(s));
    } catch {
      for (const p of chunk) p.announced.sequenceNumbers.forEach((s) => failed.add(s));
    }
  }
  return [...failed].map((itemIdentifier) => ({ itemIdentifier }));
}
