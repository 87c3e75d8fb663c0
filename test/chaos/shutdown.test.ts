import { afterEach, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { StackProcess } from '../../infra/local/stack-process.ts';
import { alive, dynamoPid, stackApi, until } from './stack-api.ts';

/**
 * Ctrl-C on `npm start`: the stack stops every process it started within 3 s,
 * also once the app has sent invoice email (its pooled SMTP connection stays
 * open and used to hold the mail sink's close for 30 s), and a second Ctrl-C
 * during a stop that hangs leaves at once, taking DynamoDB Local's JVM with it.
 * The signal goes to the stack process alone (`kill -INT`), so the stack must
 * stop its JVM itself (a terminal's Ctrl-C would also reach the JVM directly).
 */
const STOP_WITHIN_MS = 3_000;

let stack: StackProcess | undefined;
let jvm: number | undefined;

const newStack = () =>
  new StackProcess({
    label: 'shutdown',
    memory: true,
    visibilityTimeoutSeconds: 5,
    scheduleEveryMs: 3_600_000,
    logLevel: 'ERROR',
    startTimeoutMs: 120_000,
    stopTimeoutMs: 15_000,
    keepStateVariable: 'KEEP_TEST_STATE',
  });

afterEach(async () => {
  // A failed test may leave the JVM paused: let it run so that the stop (or the reaper) can end it.
  if (jvm && alive(jvm)) process.kill(jvm, 'SIGCONT');
  await stack?.stop();
  stack = jvm = undefined;
});

/** A client with an address, a linked matter, an approved bill, and its invoice emailed by hand (the email route). */
async function sendAnInvoiceEmail(s: StackProcess): Promise<void> {
  const { call, ok, synchronized } = await stackApi(s, `firm-shutdown-${Date.now()}`);
  const contact = await ok('POST', '/practice/contacts', { kind: 'person', name: 'Mailed Client', email: 'client@shutdown.test' });
  await synchronized(`/practice/contacts/${contact.id}`);
  const matter = await ok('POST', '/practice/matters', { name: 'Mailed matter', clientIds: [contact.id], billing: { emailInvoices: true } });
  const fileId = (await synchronized(`/practice/matters/${matter.id}`)).link.otherId;
  await ok('POST', `/accounting/files/${fileId}/disbursements`, { date: '2026-11-02', description: 'Fee', amount: '10.00' });
  const bill = await ok('POST', '/accounting/bills', { fileId });
  await ok('POST', `/accounting/bills/${bill.id}/approve`);
  // The PDF is prepared just after posting: until it is stored, the route answers 409 invoice_not_stored (retry).
  const sent = await until(async () => {
    const r = await call('POST', `/billing/bills/${bill.id}/email`, { to: 'ap@shutdown.test' });
    if (r.status === 409 && r.body?.code === 'invoice_not_stored') return undefined;
    if (r.status !== 200) throw new Error(`email answered ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }, 60_000, 'the invoice email');
  expect(sent.deliveries).toEqual([expect.objectContaining({ to: 'ap@shutdown.test' })]);
  expect(readdirSync(s.info.mailDir).length).toBeGreaterThanOrEqual(1);
}

describe('stopping the local stack', () => {
  it('Ctrl-C after an invoice email was sent stops everything within 3 s', async () => {
    stack = newStack();
    await stack.start();
    jvm = dynamoPid(stack);
    await sendAnInvoiceEmail(stack);

    const started = performance.now();
    stack.signal('SIGINT');
    const exit = await stack.exited(30_000);
    const ms = performance.now() - started;
    console.log(`Ctrl-C after an invoice email: the stack exited after ${Math.round(ms)} ms`);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(ms).toBeLessThan(STOP_WITHIN_MS);
    // The JVM went with it (init reaps it a moment after its parent is gone).
    await until(async () => (alive(jvm!) ? undefined : true), 2_000, 'the DynamoDB JVM to be gone', 50);
  });

  it('a second Ctrl-C during a stop that hangs exits at once', async () => {
    stack = newStack();
    await stack.start();
    jvm = dynamoPid(stack);
    // A hung emulator: the stream reader's next request to DynamoDB Local never returns, so a graceful stop never ends.
    process.kill(jvm, 'SIGSTOP');
    await new Promise((r) => setTimeout(r, 300));

    stack.signal('SIGINT');
    expect(await stack.exited(2_000), 'the first Ctrl-C waits for the stop').toBeUndefined();
    const started = performance.now();
    stack.signal('SIGINT');
    const exit = await stack.exited(5_000);
    const ms = performance.now() - started;
    console.log(`second Ctrl-C during a hung stop: the stack exited after ${Math.round(ms)} ms`);
    expect(exit).toEqual({ code: 130, signal: null });
    expect(ms).toBeLessThan(1_000);
    // Killed on the way out (SIGKILL ends a paused process too), not left to hold its port.
    await until(async () => (alive(jvm!) ? undefined : true), 2_000, 'the DynamoDB JVM to be gone', 50);
  });
});
