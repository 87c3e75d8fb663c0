import { describe, expect, it } from 'vitest';
import { envName } from '../../lib/declaration.ts';
import { entriesNews } from '../../lib/accounting/bills/news.ts';
import { AccountingBillEntries } from '../../events/messages.ts';
import type { BillLineRecord, BillRecord } from '../../lib/accounting/bills/model.ts';

process.env[envName.table('outbox')] ??= 'outbox';

const bill = { firmId: 'firm-1', id: 'bl_1', version: 3, invoices: [{ invoiceNumber: '7' }] } as unknown as BillRecord;
const lines = (n: number) => Array.from({ length: n }, (_, i) => ({ kind: 'time', id: `le_${i}`, timeEntryId: `te_${i}` }) as BillLineRecord);
const sizes = (n: number) =>
  entriesNews(bill, lines(n), 'billed').map((item) => AccountingBillEntries.parse(JSON.parse(String(item.Put!.Item!.body))).timeEntryIds.length);

describe("a posting's news of its entries to practice", () => {
  it('goes in messages of 250 entries, so a batch of ten stays far inside the practice consumer\'s 10 s', () => {
    expect(sizes(10)).toEqual([10]);
    expect(sizes(1000)).toEqual([250, 250, 250, 250]);
    expect(sizes(10_000)).toEqual(Array(40).fill(250));
  });

  it('a bill of more than 10,000 lines keeps to 40 messages (inside its posting transaction), up to the 1,000 a message takes', () => {
    expect(sizes(20_000)).toEqual(Array(40).fill(500));
    expect(sizes(60_000)).toEqual(Array(60).fill(1000));
  });

  it('names every entry once, in order', () => {
    const ids = entriesNews(bill, lines(2_345), 'billed').flatMap((item) => JSON.parse(String(item.Put!.Item!.body)).timeEntryIds as string[]);
    expect(ids).toEqual(lines(2_345).map((l) => l.timeEntryId));
  });
});
