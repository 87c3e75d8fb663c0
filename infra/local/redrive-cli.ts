import { parseArgs } from 'node:util';
import { DeleteMessageBatchCommand, ReceiveMessageCommand, SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { queues, type QueueName } from '#lib/declaration';
import type { StackInfo } from './stack.ts';

/**
 * `npm run redrive -- --queue toAccounting`: moves every message of a queue's
 * DLQ back onto the queue of the running local stack, once the cause is fixed.
 * (In AWS: `aws sqs start-message-move-task --source-arn <the DLQ's ARN>`.)
 */
const { values } = parseArgs({ options: { queue: { type: 'string' }, port: { type: 'string', default: process.env.PORT ?? '3000' } } });
const queue = values.queue as QueueName | undefined;
if (!queue || !(queue in queues)) {
  console.error(`usage: npm run redrive -- --queue ${Object.keys(queues).join('|')} [--port 3000]`);
  process.exit(2);
}
const info = (await (await fetch(`http://127.0.0.1:${values.port}/__local/info`)).json()) as StackInfo;
const sqs = new SQSClient({ region: info.region, endpoint: info.endpoints.sqs, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
let moved = 0;
for (;;) {
  const out = await sqs.send(new ReceiveMessageCommand({ QueueUrl: info.dlqUrls[queue], MaxNumberOfMessages: 10, WaitTimeSeconds: 1, MessageAttributeNames: ['All'] }));
  const messages = out.Messages ?? [];
  if (messages.length === 0) break;
  await sqs.send(new SendMessageBatchCommand({
    QueueUrl: info.queueUrls[queue],
    Entries: messages.map((m, i) => ({ Id: String(i), MessageBody: m.Body ?? '', MessageAttributes: m.MessageAttributes })),
  }));
  await sqs.send(new DeleteMessageBatchCommand({ QueueUrl: info.dlqUrls[queue], Entries: messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })) }));
  moved += messages.length;
}
console.log(`Moved ${moved} message${moved === 1 ? '' : 's'} from the ${queue} DLQ back to ${queue}.`);
