import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { queueRetentionDays, type QueueDecl } from '#lib/declaration';
import { acknowledge } from './acknowledge.ts';

const secure = { encryption: sqs.QueueEncryption.SQS_MANAGED, enforceSSL: true } as const;

/** A queue that only collects what failed elsewhere, and the alarm that fires on its first message. */
export interface FailureQueue {
  readonly queue: sqs.Queue;
  readonly alarm: cloudwatch.Alarm;
}

/**
 * A dead-letter or on-failure queue (kept the longest SQS allows) and an alarm
 * as soon as one message lands in it. `id` and `${id}Alarm` are the construct
 * ids, in `scope`. Nothing consumes such a queue (an operator redrives it), so
 * it has no DLQ of its own.
 */
export function failureQueue(
  scope: Construct,
  id: string,
  o: {
    alarmDescription: string;
    collects: string;
    /** Only an event source mapping's on-failure destination: no queue, function or rule names it as its DLQ. */
    onFailureDestination?: boolean;
  },
): FailureQueue {
  const queue = new sqs.Queue(scope, id, { ...secure, retentionPeriod: Duration.days(queueRetentionDays.deadLetter) });
  const reason = `This queue is itself where failures end (${o.collects}); nothing consumes it but an operator's redrive, so a DLQ of its own would have nothing to catch.`;
  acknowledge(queue, 'Serverless-SQSRedrivePolicy', reason);
  // cdk-nag knows a queue named as a DLQ (by a queue, function or rule) for one, not a mapping's destination.
  if (o.onFailureDestination) acknowledge(queue, 'AwsSolutions-SQS3', reason);
  const alarm = new cloudwatch.Alarm(scope, `${id}Alarm`, {
    alarmDescription: o.alarmDescription,
    metric: queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' }),
    threshold: 1,
    evaluationPeriods: 1,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });
  return { queue, alarm };
}

/**
 * A declared queue (kept a week), its dead-letter queue (two weeks) with an
 * alarm on its first message, and an alarm on the age of the queue's oldest
 * message (its declared threshold).
 */
export class QueueWithDlq extends Construct {
  readonly queue: sqs.Queue;
  readonly dlq: sqs.Queue;
  readonly dlqAlarm: cloudwatch.Alarm;
  readonly oldestMessageAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, decl: QueueDecl) {
    super(scope, id);
    const dlq = failureQueue(this, 'Dlq', {
      alarmDescription: `Messages gave up after ${decl.maxReceiveCount} deliveries: ${decl.description}`,
      collects: `the messages of ${id} that failed ${decl.maxReceiveCount} deliveries`,
    });
    this.dlq = dlq.queue;
    this.dlqAlarm = dlq.alarm;
    this.queue = new sqs.Queue(this, 'Queue', {
      ...secure,
      visibilityTimeout: Duration.seconds(decl.visibilityTimeoutSeconds),
      retentionPeriod: Duration.days(queueRetentionDays.queue),
      deadLetterQueue: { queue: this.dlq, maxReceiveCount: decl.maxReceiveCount },
    });
    this.oldestMessageAlarm = new cloudwatch.Alarm(this, 'OldestMessageAlarm', {
      alarmDescription: `A message has waited over ${decl.oldestMessageAlarmSeconds} s: the consumer is stuck, throttled or far behind. ${decl.description}`,
      metric: this.queue.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(1), statistic: 'Maximum' }),
      threshold: decl.oldestMessageAlarmSeconds,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
  }
}
