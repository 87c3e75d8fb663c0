import { describe, expect, it } from 'vitest';
import { compareInvoiceNumbers, isOverdue, matterInvoices, pageOf } from '../../lib/practice/matters/invoice-list.ts';

const inv = (invoiceNumber: string, extra: Record<string, string> = {}) => ({
  invoiceNumber, contactId: 'ac_1', invoiceDate: '2026-11-01', dueDate: '2026-12-01', amount: '1.00', paid: '0.00', outstanding: '1.00',
  status: 'open' as const, ...extra,
});

describe('a matter\'s invoice list', () => {
  it('orders invoice numbers by value, leading zeros and all', () => {
    const sorted = ['10', '9', '0011', '100', '2', '012'].sort(compareInvoiceNumbers);
    expect(sorted).toEqual(['2', '9', '10', '0011', '012', '100']);
    expect(compareInvoiceNumbers('007', '7')).not.toBe(0); // same value, different text: still a strict order
  });

  it('is overdue only while open and past the due date', () => {
    expect(isOverdue({ status: 'open', dueDate: '2026-12-01' }, '2026-12-02')).toBe(true);
    expect(isOverdue({ status: 'open', dueDate: '2026-12-02' }, '2026-12-02')).toBe(false);
    expect(isOverdue({ status: 'paid', dueDate: '2026-01-01' }, '2026-12-02')).toBe(false);
    expect(isOverdue({ status: 'void', dueDate: '2026-01-01' }, '2026-12-02')).toBe(false);
  });

  it('pages without losing or repeating, and refuses a cursor it never gave', () => {
    const all = matterInvoices([{ billId: 'b2', invoices: [inv('3'), inv('1')] }, { billId: 'b1', invoices: [inv('2')] }, { billId: 'b3', invoices: [] }], '2026-12-02');
    expect(all.map((i) => [i.invoiceNumber, i.billId, i.overdue])).toEqual([['1', 'b2', true], ['2', 'b1', true], ['3', 'b2', true]]);
    const first = pageOf(all, { limit: 2 });
    expect(first.items.map((i) => i.invoiceNumber)).toEqual(['1', '2']);
    const second = pageOf(all, { limit: 2, cursor: first.nextCursor! });
    expect(second).toEqual({ items: [all[2]], nextCursor: null });
    expect(pageOf(all, { limit: 3 }).nextCursor).toBeNull();
    for (const bad of ['x', Buffer.from('[1,2]').toString('base64url'), Buffer.from('["1"]').toString('base64url')]) {
      expect(() => pageOf(all, { limit: 2, cursor: bad })).toThrow(/cursor/);
    }
  });
});
