import { Duration, Stack } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { METRICS_NAMESPACE, metricNames } from '#lib/shared/metric-names';
import type { QueueWithDlq } from './queue-with-dlq.ts';
import { entriesOf } from './records.ts';

export interface OperationsDashboardProps {
  readonly queues: Readonly<Record<string, QueueWithDlq>>;
  /** Queues that only collect failures (stream batches, schedules), by a readable name. */
  readonly failureQueues: Readonly<Record<string, sqs.IQueue>>;
  readonly functions: Readonly<Record<string, lambda.IFunction>>;
  readonly api: apigw.HttpApi;
  readonly alarms: readonly cloudwatch.IAlarm[];
}

const FIVE_MINUTES = Duration.minutes(5);

/**
 * The figures the code emits (`lib/shared/metric-names.ts`), found by name in
 * their namespace whatever dimensions the emitter adds (Powertools adds
 * `service`; give-ups add `queue`), one line per dimension set.
 */
function emitted(name: string, statistic: string, label: string): cloudwatch.MathExpression {
  return new cloudwatch.MathExpression({
    expression: `SEARCH('Namespace="${METRICS_NAMESPACE}" MetricName="${name}"', '${statistic}', ${FIVE_MINUTES.toSeconds()})`,
    label,
    usingMetrics: {},
    period: FIVE_MINUTES,
  });
}

const graph = (title: string, left: cloudwatch.IMetric[], width = 8) =>
  new cloudwatch.GraphWidget({ title, left, width, height: 6, legendPosition: cloudwatch.LegendPosition.RIGHT });

/**
 * One CloudWatch dashboard for the operator: the alarms, the business
 * figures the handlers emit, every queue's depth and oldest message, the
 * dead-letter and failure queues, the functions' errors, throttles and
 * duration, and the API's 4xx, 5xx and latency.
 */
export class OperationsDashboard extends Construct {
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: OperationsDashboardProps) {
    super(scope, id);
    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: `${Stack.of(this).stackName}-operations`,
      defaultInterval: Duration.hours(6),
    });
    const d = this.dashboard;
    const queues = entriesOf(props.queues);
    const functions = entriesOf(props.functions);
    const perFunction = (metric: (fn: lambda.IFunction) => cloudwatch.Metric) =>
      functions.map(([name, fn]) => metric(fn).with({ label: name, period: FIVE_MINUTES }));

    d.addWidgets(new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: [...props.alarms], width: 24, height: 4 }));

    const m = metricNames;
    d.addWidgets(
      graph('Contacts synchronized (per 5 min)', [emitted(m.contactsSynchronized.name, 'Sum', 'synchronized')]),
      graph('Sync latency (ms)', [emitted(m.syncLatency.name, 'p50', 'p50'), emitted(m.syncLatency.name, 'p99', 'p99')]),
      graph('Give-ups by queue (per 5 min)', [emitted(m.giveUps.name, 'Sum', 'give-ups')]),
    );
    d.addWidgets(
      graph('Time entries exported (per 5 min)', [emitted(m.entriesExported.name, 'Sum', 'exported')]),
      graph('Bills posted and produced (per 5 min)', [
        emitted(m.billsPosted.name, 'Sum', 'posted'),
        emitted(m.billsProduced.name, 'Sum', 'produced'),
      ]),
      graph('Invoice emails sent (per 5 min)', [emitted(m.emailsSent.name, 'Sum', 'sent')]),
    );

    d.addWidgets(
      graph('Queue depth (visible messages)', queues.map(([name, q]) =>
        q.queue.metricApproximateNumberOfMessagesVisible({ label: name, period: FIVE_MINUTES, statistic: 'Maximum' }))),
      graph('Oldest message (seconds)', queues.map(([name, q]) =>
        q.queue.metricApproximateAgeOfOldestMessage({ label: name, period: FIVE_MINUTES, statistic: 'Maximum' }))),
      graph('Dead-letter and failure queues (messages)', [
        ...queues.map(([name, q]) => q.dlq.metricApproximateNumberOfMessagesVisible({ label: `${name} DLQ`, period: FIVE_MINUTES, statistic: 'Maximum' })),
        ...entriesOf(props.failureQueues).map(([name, q]) =>
          q.metricApproximateNumberOfMessagesVisible({ label: name, period: FIVE_MINUTES, statistic: 'Maximum' })),
      ]),
    );

    d.addWidgets(
      graph('Function errors', perFunction((fn) => fn.metricErrors({ statistic: 'Sum' }))),
      graph('Function throttles', perFunction((fn) => fn.metricThrottles({ statistic: 'Sum' }))),
      graph('Function duration p99 (ms)', perFunction((fn) => fn.metricDuration({ statistic: 'p99' }))),
    );

    const api = props.api;
    d.addWidgets(
      graph('API requests, 4xx, 5xx (per 5 min)', [
        api.metricCount({ label: 'requests', period: FIVE_MINUTES, statistic: 'Sum' }),
        api.metricClientError({ label: '4xx', period: FIVE_MINUTES, statistic: 'Sum' }),
        api.metricServerError({ label: '5xx', period: FIVE_MINUTES, statistic: 'Sum' }),
      ], 12),
      graph('API latency (ms)', [
        api.metricLatency({ label: 'p50', period: FIVE_MINUTES, statistic: 'p50' }),
        api.metricLatency({ label: 'p99', period: FIVE_MINUTES, statistic: 'p99' }),
        api.metricIntegrationLatency({ label: 'integration p99', period: FIVE_MINUTES, statistic: 'p99' }),
      ], 12),
    );
  }
}
