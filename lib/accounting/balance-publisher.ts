import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBBatchItemFailure, DynamoDBRecord } from 'aws-lambda';
import { sqs } from '../aws/sqs.ts';
import { config } from '../shared/config.ts';
import { newId } from '../shared/ids.ts';
import { balanceMessage, type BalanceRecord } from './balances.ts';

/**
 * Carries every new file balance from the accounting table's stream to
 * practice. Only the newest image of each file in a batch is sent (older ones
 * are superseded, and practice keeps the highest `seq` anyway).
 */
export async function publishBalances(records: DynamoDBRecord[]): Promise<DynamoDBBatchItemFailure[]> {
  const latest = new Map<string, { record: BalanceRecord; sequenceNumbers: string[]; asOf: string }>();
  for (const r of records) {
    const image = r.dynamodb?.NewImage;
    const seqNo = r.dynamodb?.SequenceNumber;
    if (!image || !seqNo) continue;
    const balance = unmarshall(image as Record<string, AttributeValue>) as BalanceRecord;
    if (balance.entity !== 'balance') continue;
    const key = `${balance.firmId}|${balance.fileId}`;
    const asOf = new Date((r.dynamodb?.ApproximateCreationDateTime ?? Date.now() / 1000) * 1000).toISOString();
    const seen = latest.get(key);
    if (!seen || balance.seq > seen.record.seq) latest.set(key, { record: balance, sequenceNumbers: [...(seen?.sequenceNumbers ?? []), seqNo], asOf });
    else seen.sequenceNumbers.push(seqNo);
  }
  const pending = [...latest.values()];
  const failed: string[] = [];
  for (let i = 0; i < pending.length; i += 10) {
    const chunk = pending.slice(i, i + 10);
    try {
      const out = await sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: config.queueUrl('toPractice'),
          Entries: chunk.map((p, index) => ({
            Id: String(index),
            MessageBody: JSON.stringify({ ...balanceMessage(p.record, p.asOf), id: newId('msg'), occurredAt: p.asOf }),
          })),
        }),
      );
      for (const f of out.Failed ?? []) failed.push(...chunk[Number(f.Id)]!.sequenceNumbers);
    } catch {
      failed.push(...chunk.flatMap((p) => p.sequenceNumbers));
    }
  }
  return failed.map((itemIdentifier) => ({ itemIdentifier }));
}
