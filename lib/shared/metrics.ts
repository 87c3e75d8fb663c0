import { Metrics } from '@aws-lambda-powertools/metrics';
import { logger } from './logger.ts';
import { METRICS_NAMESPACE, metricNames, type MetricName } from './metric-names.ts';

/**
 * One Powertools Metrics instance per container (CloudWatch embedded metric
 * format: each flush is one JSON line on stdout, which CloudWatch turns into
 * metrics). Every metric carries the dimension `service`
 * (POWERTOOLS_SERVICE_NAME); GiveUps also `queue`. The firm is metadata, not
 * a dimension: it rides in the same log line (searchable in Logs Insights)
 * without making a metric per firm.
 *
 * Handlers flush through their middleware (lib/shared/lambda.ts); a queue
 * consumer also flushes after each record, so each line names its firm.
 */
export const metrics = new Metrics({
  namespace: METRICS_NAMESPACE,
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'law-billing-sync',
  logger,
});

/** Adds `value` to one of the figures of lib/shared/metric-names.ts. */
export function countMetric(name: MetricName, value = 1): void {
  if (value <= 0) return;
  const { name: metricName, unit } = metricNames[name];
  metrics.addMetric(metricName, unit, value);
}

/** One sample of a figure measured in milliseconds. */
export function timeMetric(name: MetricName, ms: number): void {
  const { name: metricName, unit } = metricNames[name];
  metrics.addMetric(metricName, unit, Math.max(0, ms));
}

/** The firm the next flush is about (metadata, see above). */
export function metricsForFirm(firmId: string): void {
  if (firmId) metrics.addMetadata('firmId', firmId);
}

/** A message given up on after its last delivery: a line of its own, with its queue as dimension. */
export function countGiveUp(queue: string, firmId: string | undefined): void {
  const single = metrics.singleMetric();
  single.addDimension('queue', queue);
  if (firmId) single.addMetadata('firmId', firmId);
  single.addMetric(metricNames.giveUps.name, metricNames.giveUps.unit, 1);
}

/**
 * Writes what was counted since the last flush, if anything (an empty flush
 * would only log Powertools' "no metrics" warning), and forgets the firm.
 */
export function flushMetrics(): void {
  if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
  else metrics.clearMetadata();
}
