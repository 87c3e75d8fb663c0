import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { mintToken } from '../../infra/local/keys.ts';
import { KillableStack } from './stack-process.ts';

/**
 * SIGKILL the whole local stack at random moments during a 5,000-entry export
 * and a 200-bill post (approve) and production, start it again, and let it
 * finish: every entry exported once, every bill posted and finalized once,
 * invoice numbers without gaps, no email twice, and no job left running.
 */
const stack = new KillableStack();
let token = '';
const firm = `firm-chaos-${Date.now()}`;

const api = async (method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> => {
  for (let attempt = 0; ; attempt++) {
    try {
      const res = await fetch(`http://127.0.0.1:${stack.port}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    } catch (error) {
      // The stack may be down between a kill and its restart.
      if (attempt > 200) throw error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
};

const ok = async (method: string, path: string, body?: unknown) => {
  const res = await api(method, path, body);
  expect(res.status, `${method} ${path} ${JSON.stringify(res.body)}`).toBeLessThan(300);
  return res.body;
};

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const settled = (path: string) => until(async () => {
  const r = await api('GET', path);
  return r.status === 200 && r.body.link.status === 'synchronized' ? r.body : undefined;
}, 60_000, `${path} synchronized`);

/** Kills the stack `times` times at random moments while `work` runs, restarting it each time. */
async function withCrashes(times: number, maxDelayMs: number, work: () => Promise<void>): Promise<void> {
  let done = false;
  const chaos = (async () => {
    for (let i = 0; i < times && !done; i++) {
      await new Promise((r) => setTimeout(r, 300 + Math.random() * maxDelayMs));
      if (done) break;
      await stack.kill();
      await stack.start();
    }
  })();
  try {
    await work();
  } finally {
    done = true;
    await chaos;
  }
}

beforeAll(async () => {
  await stack.start();
  token = await mintToken(`${stack.stateDir}/keys`, { firm, user: 'chaos', scope: 'practice accounting billing admin' });
});

afterAll(async () => {
  await stack.stop();
});

describe('crashes', () => {
  it('a 5,000-entry export killed three times finishes with every entry exported once', async () => {
    const label = await ok('POST', '/practice/rate-labels', { name: 'Standard', type: 'hourly', baseValue: '100.00' });
    const tk = await ok('POST', '/practice/users', { name: 'Grace', email: 'grace@firm.test', defaultRateLabelId: label.id });
    await ok('POST', '/accounting/users', { name: 'Grace', email: 'grace@firm.test' });
    const contact = await ok('POST', '/practice/contacts', { kind: 'person', name: 'Client' });
    await settled(`/practice/contacts/${contact.id}`);
    const matter = await ok('POST', '/practice/matters', { name: 'Big matter', clientIds: [contact.id] });
    const linked = await settled(`/practice/matters/${matter.id}`);
    const sample = await ok('POST', '/practice/time-entries', { matterId: matter.id, timekeeperId: tk.id, date: '2026-11-01', description: 'Sample', hours: '0.1', behavior: 'bill' });

    // 4,999 more open entries written straight into the practice table, shaped like the sample.
    const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1', endpoint: stack.info.endpoints.dynamodb, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }));
    const stored = (await ddb.send(new GetCommand({ TableName: stack.info.tables.practice, Key: { pk: `FIRM#${firm}`, sk: `ENTRY#${sample.id}` } }))).Item!;
    const items = Array.from({ length: 4999 }, (_, i) => {
      const id = `te_chaos${String(i).padStart(6, '0')}`;
      const date = `2026-11-${String(1 + (i % 28)).padStart(2, '0')}`;
      return { ...stored, id, sk: `ENTRY#${id}`, date, gsi1sk: `${date}#${id}`, gsi2sk: `${date}#${id}`, gsi3sk: `${date}#${id}` };
    });
    for (let i = 0; i < items.length; i += 25) {
      await ddb.send(new BatchWriteCommand({ RequestItems: { [stack.info.tables.practice]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } }));
    }

    let jobId = '';
    await withCrashes(3, 2500, async () => {
      jobId = (await ok('POST', '/practice/billing/time-exports', {})).id;
      await until(async () => {
        const job = (await api('GET', `/jobs/${jobId}`)).body;
        return job && ['succeeded', 'failed', 'partially_failed'].includes(job.status) ? job : undefined;
      }, 240_000, 'the export to finish');
    });
    const job = (await api('GET', `/jobs/${jobId}`)).body;
    expect(stack.kills).toBeGreaterThanOrEqual(1);
    expect(job).toMatchObject({ status: 'succeeded', progress: { done: 5000, total: 5000 } });

    const ledger: any[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await ok('GET', `/accounting/files/${linked.link.otherId}/ledger?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      ledger.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(ledger).toHaveLength(5000);
    expect(new Set(ledger.map((l) => l.timeEntryId)).size).toBe(5000);
    expect((await ok('GET', `/practice/time-entries?status=open&limit=10`)).items).toHaveLength(0);
    const balance = await until(async () => {
      const b = (await api('GET', `/practice/matters/${matter.id}/balance`)).body;
      return b?.unbilled === '50000.00' ? b : undefined;
    }, 60_000, 'the balance');
    expect(balance.unbilled).toBe('50000.00');
  });

  it('SIGKILL during a 200-bill post-and-produce → every bill posted once, numbers gap-free', async () => {
    const contact = await ok('POST', '/practice/contacts', { kind: 'person', name: 'Biller', email: 'biller@client.test' });
    await settled(`/practice/contacts/${contact.id}`);
    const billIds: string[] = [];
    const queue = Array.from({ length: 200 }, (_, i) => i);
    await Promise.all(Array.from({ length: 16 }, async () => {
      for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
        const matter = await ok('POST', '/practice/matters', { name: `Bill matter ${i}`, clientIds: [contact.id], billing: { emailInvoices: true } });
        const linked = await settled(`/practice/matters/${matter.id}`);
        await ok('POST', `/accounting/files/${linked.link.otherId}/disbursements`, { date: '2026-11-02', description: 'Fee', amount: '10.00' });
        billIds.push((await ok('POST', '/accounting/bills', { fileId: linked.link.otherId })).id);
      }
    }));

    // Approve = post (numbers taken then), 20 at a time, then produce, while the stack is killed three times.
    // A request cut off by a kill is sent again (api); a retried approve of a bill it did post answers 409
    // wrong_status: done. `busy` (too many at once) and a 5xx while the stack comes up are tried again.
    const approveAnswers = new Map<string, string>();
    const jobIds: string[] = [];
    const settledJob = (jobId: string) => until(async () => {
      const job = (await api('GET', `/jobs/${jobId}`)).body;
      return job && ['succeeded', 'failed', 'partially_failed'].includes(job.status) ? job : undefined;
    }, 400_000, `production job ${jobId} to finish`);
    await withCrashes(3, 8000, async () => {
      const todo = [...billIds];
      await Promise.all(Array.from({ length: 20 }, async () => {
        for (let id = todo.shift(); id !== undefined; id = todo.shift()) {
          for (let attempt = 0; ; attempt++) {
            const res = await api('POST', `/accounting/bills/${id}/approve`);
            const answer = res.status === 200 ? 'approved' : res.status === 409 && res.body?.code === 'wrong_status' ? 'already approved' : undefined;
            if (answer) {
              approveAnswers.set(id, answer);
              break;
            }
            if (attempt > 50 || !(res.status >= 500 || res.body?.code === 'busy')) {
              approveAnswers.set(id, `${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
              break;
            }
            await new Promise((r) => setTimeout(r, 250));
          }
        }
      }));
      jobIds.push((await ok('POST', '/billing/production/produce', {})).id);
      await settledJob(jobIds[0]!);
    });
    expect(stack.kills).toBeGreaterThanOrEqual(1);
    expect([...approveAnswers.values()].filter((a) => a !== 'approved' && a !== 'already approved')).toEqual([]);
    expect(approveAnswers.size).toBe(200);

    // A bill the job could not produce (failed on every try around a kill) is produced by a rerun, as a user would.
    for (let rerun = 0; rerun < 3; rerun++) {
      const left = (await Promise.all(billIds.map((id) => ok('GET', `/billing/bills/${id}`)))).filter((b) => b.status === 'approved').map((b) => b.id);
      if (!left.length) break;
      const jobId = (await ok('POST', '/billing/production/produce', { billIds: left })).id;
      jobIds.push(jobId);
      await settledJob(jobId);
    }
    const jobs = await Promise.all(jobIds.map((id) => ok('GET', `/jobs/${id}`)));
    // No job left running, and every failure named with its reason.
    expect(jobs.filter((j) => !['succeeded', 'failed', 'partially_failed'].includes(j.status) || j.errors.some((e: any) => !e.code || !e.message))).toEqual([]);

    const bills = await Promise.all(billIds.map((id) => ok('GET', `/billing/bills/${id}`)));
    // Posted once: one invoice each, documents of the first posting only, finalized.
    expect(bills.filter((b) => b.status !== 'finalized' || b.invoices.length !== 1 || b.heldInvoiceNumbers.length !== 0)
      .map((b) => `${b.id}: ${b.status}, ${b.invoices.length} invoices`)).toEqual([]);
    expect(bills.filter((b) => {
      const pdfs = b.documents.filter((d: any) => d.kind === 'invoice_pdf');
      return pdfs.length !== 1 || pdfs[0].version !== 1 || pdfs[0].invoiceNumber !== b.invoices[0].invoiceNumber;
    }).map((b) => b.id)).toEqual([]);
    // Numbers: 200 distinct ones on the bills. A kill between reserving a bill's number and posting it leaves that
    // number on no invoice; the checker (run by the accounting reconciler, 5 s grace here) lists it void, so every
    // number 1..N ends on an invoice or listed void.
    const onBills = bills.map((b) => Number(b.invoices[0].invoiceNumber));
    expect(new Set(onBills).size).toBe(200);
    const max = Math.max(...onBills);
    const listInvoices = async () => {
      const listed: any[] = [];
      let cursor: string | null = null;
      do {
        const page: any = await ok('GET', `/billing/invoices?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        listed.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return listed;
    };
    const listed = await until(async () => {
      await ok('POST', '/__local/schedules/accountingReconciler');
      const all = await listInvoices();
      return all.length >= max ? all : (await new Promise((r) => setTimeout(r, 1000)), undefined);
    }, 60_000, 'every number to be on an invoice or void');
    expect(listed.map((i) => Number(i.invoiceNumber)).sort((a, b) => a - b)).toEqual(Array.from({ length: max }, (_, i) => i + 1));
    const byNumber = new Map(bills.map((b) => [b.invoices[0].invoiceNumber, b.id]));
    expect(listed.filter((i) => (i.status === 'void' ? byNumber.has(i.invoiceNumber) || !i.voidReason : i.status !== 'open' || i.billId !== byNumber.get(i.invoiceNumber)))).toEqual([]);
    console.log(`chaos: ${max - 200} of ${max} invoice numbers void (reserved by an approval the kill cut off)`);
    // No entry on two bills: each file's one disbursement billed, on its one bill.
    const doubled = await Promise.all(bills.map(async (b) => {
      const items = (await ok('GET', `/accounting/files/${b.fileId}/disbursements`)).items as any[];
      return items.length === 1 && items[0].status === 'billed' && b.lines.length === 1 && b.lines[0].id === items[0].id ? undefined : b.id;
    }));
    expect(doubled.filter(Boolean)).toEqual([]);
    // Never two emails for one invoice (one that may have been cut off mid-send is listed on the job instead).
    expect(bills.filter((b) => b.deliveries.length > 1).map((b) => b.id)).toEqual([]);
    const mailed = new Map<string, number>();
    for (const name of readdirSync(stack.info.mailDir)) {
      const numbers = new Set([...readFileSync(join(stack.info.mailDir, name), 'utf8').matchAll(/invoice-(\d+)\.pdf/g)].map((m) => m[1]!));
      for (const n of numbers) mailed.set(n, (mailed.get(n) ?? 0) + 1);
    }
    expect([...mailed].filter(([, count]) => count > 1)).toEqual([]);
    const uncertain = new Set(jobs.flatMap((j) => j.errors.filter((e: any) => e.code === 'email_uncertain' || e.code === 'email_failed').map((e: any) => e.billId)));
    expect(bills.filter((b) => b.deliveries.length === 0 && !uncertain.has(b.id)).map((b) => b.id)).toEqual([]);
  });
});
