import { describe, expect, it } from 'vitest';
import type { ExportedEntry } from '#events/messages';
import { BATCH_BYTES, batchesOf } from '../../lib/practice/billing/batches.ts';
import { asciiJson } from '../../lib/sync/outbox.entity.ts';

const entry = (i: number, description: string): ExportedEntry => ({
  timeEntryId: `te_${String(i).padStart(26, '0')}`,
  accountingFileId: 'fl_1',
  matterName: 'Lovelace v. Babbage',
  timekeeperEmail: 'grace@firm.test',
  timekeeperName: 'Grace Hopper',
  date: '2026-11-20',
  description,
  hours: '0.3',
  billableHours: '0.3',
  rateType: 'hourly',
  rate: '200.00',
  amount: '60.00',
  behavior: 'bill',
});

describe('export batches', () => {
  it('keep a page of ordinary entries in one batch', () => {
    const page = Array.from({ length: 90 }, (_, i) => entry(i, `Work ${i}`));
    expect(batchesOf(page)).toEqual([page]);
    expect(batchesOf([])).toEqual([]);
  });

  it('split a page whose escaped text would not fit one message, in order, each batch under the limit', () => {
    // 2,000 characters that the outbox writes as \\uXXXX: 12 KB each, 90 of them ≈ 1.1 MB.
    const page = Array.from({ length: 90 }, (_, i) => entry(i, 'é'.repeat(1995) + String(i).padStart(5, '0')));
    const batches = batchesOf(page);
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.length).toBeLessThanOrEqual(6); // the page's transaction has room for six messages
    expect(batches.flat()).toEqual(page);
    for (const b of batches) expect(asciiJson(b).length).toBeLessThanOrEqual(BATCH_BYTES);
  });

  it('send an entry larger than the limit on its own rather than lose it', () => {
    const big = entry(1, 'x'.repeat(50));
    expect(batchesOf([entry(0, 'a'), big, entry(2, 'b')], 300)).toEqual([[entry(0, 'a')], [big], [entry(2, 'b')]]);
  });
});
