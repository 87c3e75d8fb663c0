import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { mintToken } from '../../infra/local/keys.ts';
import { KillableStack } from './stack-process.ts';

/**
 * SIGKILL the whole local stack at random moments during a 5,000-entry export
 * and a 200-bill production, start it again, and let it finish: every entry
 * exported once, every bill finalized once, invoice numbers without gaps, and
 * no job left running.
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

  it('a 200-bill production killed three times finalizes every bill once, with invoice numbers 1..200', async () => {
    const contact = await ok('POST', '/practice/contacts', { kind: 'person', name: 'Biller', email: 'biller@client.test' });
    await settled(`/practice/contacts/${contact.id}`);
    const billIds: string[] = [];
    const queue = Array.from({ length: 200 }, (_, i) => i);
    await Promise.all(Array.from({ length: 16 }, async () => {
      for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
        const matter = await ok('POST', '/practice/matters', { name: `Bill matter ${i}`, clientIds: [contact.id], billing: { emailInvoices: true } });
        const linked = await settled(`/practice/matters/${matter.id}`);
        await ok('POST', `/accounting/files/${linked.link.otherId}/disbursements`, { date: '2026-11-02', description: 'Fee', amount: '10.00' });
        const draft = await ok('POST', '/accounting/bills', { fileId: linked.link.otherId });
        await ok('POST', `/accounting/bills/${draft.id}/approve`);
        billIds.push(draft.id);
      }
    }));
    let jobId = '';
    await withCrashes(3, 2000, async () => {
      jobId = (await ok('POST', '/billing/production/produce', {})).id;
      await until(async () => {
        const job = (await api('GET', `/jobs/${jobId}`)).body;
        return job && ['succeeded', 'failed', 'partially_failed'].includes(job.status) ? job : undefined;
      }, 400_000, 'production to finish');
    });
    const job = (await api('GET', `/jobs/${jobId}`)).body;
    expect(job.status).toBe('succeeded');
    expect(job.progress).toEqual({ done: 200, total: 200 });
    const bills = await Promise.all(billIds.map((id) => ok('GET', `/billing/bills/${id}`)));
    expect(bills.every((b) => b.status === 'finalized' && b.documents.length === 1)).toBe(true);
    expect(bills.map((b) => Number(b.invoiceNumber)).sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    // Never two emails for one invoice (one that may have been cut off mid-send is listed on the job instead).
    expect(bills.every((b) => b.deliveries.length <= 1)).toBe(true);
  });
});
