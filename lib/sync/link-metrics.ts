import { countMetric, timeMetric } from '../shared/metrics.ts';
import type { Link } from './link.ts';

interface Linked {
  link: Link;
  updatedAt: string;
}

/**
 * Called on the practice side after a record's change is committed: a link
 * that has just become `synchronized` counts once in ContactsSynchronized
 * (contacts and matters alike, and a contact made from accounting's), and,
 * when it was pending, SyncLatency gets the time since the pending state was
 * written (the practice edit). A change that leaves the status as it was
 * counts nothing, so a duplicate or replayed answer is never counted twice.
 */
export function countIfSettled(before: Linked | undefined, after: Linked | undefined, now = Date.now()): void {
  if (after?.link.status !== 'synchronized' || before?.link.status === 'synchronized') return;
  countMetric('contactsSynchronized');
  if (before?.link.status === 'pending') timeMetric('syncLatency', now - Date.parse(before.updatedAt));
}
