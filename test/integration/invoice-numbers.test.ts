import { afterAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { armFault, newFirm, runSchedule, sleep, stack } from './helpers.ts';
import { firmWithFiles, request } from './support/bill-fixtures.ts';
import { allInvoices, draftOf, gaps } from './support/bill-invariants.ts';
import { useStackEnvironment } from './support/handlers.ts';

/*
 * Invoice numbers are reserved from the firm's counter by a plain ADD just
 * before the posting transaction (lib/accounting/bills/invoice-numbers.ts),
 * so approvals never refuse each other over the counter. What keeps the
 * sequence gap-free: numbers an approval does not use are given back or
 * listed void, and the checker (unused-numbers.ts, run by the accounting
 * reconciler) voids the numbers of an approval that crashed between
 * reserving and posting. The test stack's grace period is 5 s.
 */

const restoreEnvironment = useStackEnvironment(stack);
afterAll(restoreEnvironment);
const { NumberReservation } = await import('../../lib/accounting/bills/invoice-numbers.ts');
const { numberingEntity } = await import('../../lib/accounting/entities/numbering.entity.ts');
const { invoiceEntity } = await import('../../lib/accounting/entities/invoice.entity.ts');

const origin = { billId: 'bl_test', fileId: 'fl_test', matterNumber: 'M1', contactId: 'ct_test', reason: 'refused in a test' };

describe('invoice numbers', () => {
  it('a crash between reserving and posting: the next approval takes the next number, the checker lists the reserved one void, none is missing', async () => {
    const { firm, api, files } = await firmWithFiles({ files: 3, entriesPerFile: 1 });
    const [a, b, c] = await Promise.all(files.map((f) => draftOf(api, f.fileId)));
    expect((await api.post(`/accounting/bills/${a.id}/approve`)).status).toBe(200); // number 1
    await armFault('accounting.bill.afterReserve', firm);
    expect((await request(api, 'POST', `/accounting/bills/${b.id}/approve`)).status).toBe(500); // reserved 2, crashed
    const next = await api.post(`/accounting/bills/${c.id}/approve`);
    expect(next.status).toBe(200);
    expect(next.body.invoices.map((i: any) => i.invoiceNumber)).toEqual(['3']);

    // The checker looks twice, a grace period apart: first it notes where the counter stands, then it checks.
    let voids: any[] = [];
    for (let t = 0; t < 60 && voids.length === 0; t++) {
      await runSchedule('accountingReconciler');
      voids = (await allInvoices(api)).filter((i) => i.status === 'void');
      if (!voids.length) await sleep(500);
    }
    expect(voids.map((v) => [v.invoiceNumber, v.voidReason])).toEqual([['2', expect.stringMatching(/stopped before posting/)]]);
    const listed = await allInvoices(api);
    expect(gaps(listed.map((i) => i.invoiceNumber))).toEqual({ doubled: [], missing: [], count: 3 });
    expect(listed.filter((i) => i.status !== 'void').map((i) => i.billId).sort()).toEqual([a.id, c.id].sort());
    // The crashed approval posted nothing: its bill is still a plain draft.
    const crashed = await api.get(`/accounting/bills/${b.id}`);
    expect([crashed.body.status, crashed.body.invoices]).toEqual(['draft', []]);
    // Checked up to the counter, it leaves the checker's index: another run voids nothing more.
    expect((await runSchedule('accountingReconciler')).invoiceNumbers.voided).toBe(0);
    expect((await allInvoices(api)).filter((i) => i.status === 'void')).toHaveLength(1);
  }, 60_000);

  it('numbers an approval did not use go back to the counter while they are its last, else they are listed void', async () => {
    const firmId = `${newFirm()}-${randomUUID().slice(0, 4)}`;
    const first = new NumberReservation(firmId);
    const second = new NumberReservation(firmId);
    expect(await first.numbers(2)).toEqual(['1', '2']);
    expect(await second.numbers(2)).toEqual(['3', '4']);
    // The first is refused: its numbers are not the last any more, so they are void, with the reason.
    await first.settle([], origin);
    const voided = await invoiceEntity.getMany(firmId, ['1', '2']);
    expect([...voided.values()].sort((x, y) => x.invoiceNumber.localeCompare(y.invoiceNumber)).map((r) => [r.invoiceNumber, r.status, r.voidReason, r.billId])).toEqual([
      ['1', 'void', 'refused in a test', 'bl_test'],
      ['2', 'void', 'refused in a test', 'bl_test'],
    ]);
    // The second used one of its two: the other is the counter's last and goes back.
    await second.settle(['3'], origin);
    expect(await numberingEntity.invoiceCounter(firmId)).toBe(3);
    expect(await invoiceEntity.get(firmId, '4')).toBeUndefined();
    // Kept across retries: asking again for as many takes nothing new.
    const third = new NumberReservation(firmId);
    expect(await third.numbers(1)).toEqual(['4']);
    expect(await third.numbers(1)).toEqual(['4']);
    expect(await numberingEntity.invoiceCounter(firmId)).toBe(4);
  });

  it('many approvals of one firm at once never refuse each other over the counter: 40 bills 20 at a time, numbers 1..40, none void', async () => {
    const { api, files } = await firmWithFiles({ files: 40, entriesPerFile: 1 });
    const drafts = await Promise.all(files.map((f) => draftOf(api, f.fileId)));
    const answers: { status: number; body: any }[] = [];
    for (let i = 0; i < drafts.length; i += 20) {
      answers.push(...(await Promise.all(drafts.slice(i, i + 20).map((d) => api.post(`/accounting/bills/${d.id}/approve`)))));
    }
    expect(answers.filter((r) => r.status !== 200).map((r) => r.body)).toEqual([]);
    const listed = await allInvoices(api);
    expect(gaps(listed.map((i) => i.invoiceNumber))).toEqual({ doubled: [], missing: [], count: 40 });
    expect(listed.filter((i) => i.status === 'void')).toEqual([]);
  }, 120_000);
});
