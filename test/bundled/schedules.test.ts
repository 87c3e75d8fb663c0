import { describe, expect, it } from 'vitest';
import { functions } from '#lib/declaration';
import { client, newFirm, runSchedule, settledRecord, stack } from '../integration/helpers.ts';
import { putLostContact } from '../integration/support/lost-contact.ts';

/*
 * The scheduled functions, from their bundles (npm run test:bundled): the
 * integration files of the bundled run reach every other function through the
 * API, the queues and the stream, but nothing there waits for a schedule.
 * Each runs as EventBridge would run it, with the template's environment and
 * its role's policies (the reconcilers query the books' pending index, which
 * only the table grant's `index/*` allows).
 */

const scheduled = Object.entries(functions).filter(([, decl]) => decl.trigger.kind === 'schedule').map(([name]) => name);

describe('scheduled functions, bundled', () => {
  it('the stack runs bundled functions', () => {
    expect(stack.bundled, 'the bundled project starts the stack with --bundled').toBeDefined();
  });

  it('the practice reconciler re-sends a contact whose message was lost, and it links', async () => {
    const firm = newFirm();
    const api = await client(firm);
    // Longer ago than the deployed default redrive delay (SYNC_REDRIVE_AFTER_SECONDS is not in the template).
    const longAgo = new Date(Date.now() - 10 * 60_000).toISOString();
    await putLostContact({ firm, id: 'ct_lost', name: 'Lost in transit', sentAt: longAgo, attempts: 1 });
    const report = await runSchedule('practiceReconciler');
    expect(report.resent).toBeGreaterThanOrEqual(1);
    const linked = await settledRecord(api, '/practice/contacts/ct_lost', 30_000);
    expect(linked.link.status).toBe('synchronized');
    expect(linked.reference).toBe('1');
  });

  it.each(scheduled.filter((name) => name !== 'practiceReconciler'))('%s runs from its bundle and reports', async (name) => {
    const report = await runSchedule(name);
    expect(report).toEqual(expect.any(Object));
  });
});
