/**
 * The figures an operator watches, as CloudWatch metrics (Powertools Metrics,
 * embedded metric format). One list, read by the code that emits them and by
 * the dashboard and alarms in the stack, so names cannot drift apart.
 */
export const METRICS_NAMESPACE = 'LawBillingSync';

export const metricNames = {
  /** A contact or matter link settled `synchronized` (practice side). */
  contactsSynchronized: { name: 'ContactsSynchronized', unit: 'Count' },
  /** From a practice edit to its link settling, in milliseconds. */
  syncLatency: { name: 'SyncLatency', unit: 'Milliseconds' },
  /** Time entries booked into the accounting ledger. */
  entriesExported: { name: 'EntriesExported', unit: 'Count' },
  /** Bills approved (posted). */
  billsPosted: { name: 'BillsPosted', unit: 'Count' },
  /** Bills produced (finalized with their documents). */
  billsProduced: { name: 'BillsProduced', unit: 'Count' },
  /** Invoice emails sent. */
  emailsSent: { name: 'EmailsSent', unit: 'Count' },
  /** Messages given up on after their last delivery (dimension: queue). */
  giveUps: { name: 'GiveUps', unit: 'Count' },
} as const;
export type MetricName = keyof typeof metricNames;
