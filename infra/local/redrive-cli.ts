import { parseArgs } from 'node:util';
import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageBatchCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SQSClient,
  type Message,
} from '@aws-sdk/client-sqs';
import { queues, type QueueName } from '#lib/declaration';
import type { StackInfo } from './stack.ts';

/**
 * `npm run redrive -- --queue toAccounting [--firm F]`: moves the messages of
 * a queue's DLQ (all, or one firm's) back onto the queue of the running local
 * stack, once the cause is fixed. (In AWS: `aws sqs start-message-move-task
 * --source-arn <the DLQ's ARN>`.)
 */
const { values } = parseArgs({
  options: { queue: { type: 'string' }, firm: { type: 'string' }, port: { type: 'string', default: process.env.PORT ?? '3000' } },
});
const queue = values.queue as QueueName | undefined;
if (!queue || !(queue in queues)) {
  console.error(`usage: npm run redrive -- --queue ${Object.keys(queues).join('|')} [--firm <firm id>] [--port 3000]`);
  process.exit(2);
}
const info = (await (await fetch(`http://127.0.0.1:${values.port}/__local/info`)).json()) as StackInfo;
const sqs = new SQSClient({ region: info.region, endpoint: info.endpoints.sqs, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });

const firmOf = (m: Message): string | undefined => {
  try {
    return m.MessageAttributes?.firmId?.StringValue ?? (JSON.parse(m.Body ?? '') as { firmId?: string }).firmId;
  } catch {
    return undefined;
  }
};

let moved = 0;
/** Another firm's messages, held invisible while the DLQ is read through, then left in it, visible again. */
const others: Message[] = [];
for (;;) {
  const out = await sqs.send(new ReceiveMessageCommand({
    QueueUrl: info.dlqUrls[queue], MaxNumberOfMessages: 10, WaitTimeSeconds: 1, VisibilityTimeout: 60, MessageAttributeNames: ['All'],
  }));
  const messages = out.Messages ?? [];
  if (messages.length === 0) break;
  const mine = values.firm ? messages.filter((m) => firmOf(m) === values.firm) : messages;
  others.push(...messages.filter((m) => !mine.includes(m)));
  if (!mine.length) continue;
  await sqs.send(new SendMessageBatchCommand({
    QueueUrl: info.queueUrls[queue],
    Entries: mine.map((m, i) => ({ Id: String(i), MessageBody: m.Body ?? '', MessageAttributes: m.MessageAttributes })),
  }));
  await sqs.send(new DeleteMessageBatchCommand({ QueueUrl: info.dlqUrls[queue], Entries: mine.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })) }));
  moved += mine.length;
}
for (let i = 0; i < others.length; i += 10) {
  await sqs.send(new ChangeMessageVisibilityBatchCommand({
    QueueUrl: info.dlqUrls[queue],
    Entries: others.slice(i, i + 10).map((m, n) => ({ Id: String(n), ReceiptHandle: m.ReceiptHandle!, VisibilityTimeout: 0 })),
  }));
}
console.log(`Moved ${moved} message${moved === 1 ? '' : 's'} from the ${queue} DLQ back to ${queue}${values.firm ? ` (firm ${values.firm})` : ''}.`);
