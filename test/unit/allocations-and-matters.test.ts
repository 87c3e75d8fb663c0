import { describe, expect, it, vi } from 'vitest';
import { initialAllocations, reallocate, splitWasSetByHand, toHundredths, validateAllocations } from '../../lib/accounting/files/allocations.ts';
import { fileNumberSpace } from '../../lib/accounting/files/numbering.ts';
import { primaryClientOf, splitOf } from '../../lib/accounting/files/model.ts';
import { leadInvoicedClient } from '../../lib/accounting/bills/model.ts';
import { priced } from '../../lib/accounting/bills/drafts.ts';
import { readiness, announced, newMatter } from '../../lib/practice/matters/model.ts';
import { balanceOf } from '../../lib/accounting/balances.ts';
import { balanceEntity } from '../../lib/accounting/entities/balance.entity.ts';
import type { Link } from '../../lib/sync/link.ts';

describe('split billing', () => {
  it('gives a new file\'s primary client everything', () => {
    expect(initialAllocations(['a', 'b'])).toEqual([{ contactId: 'a', percent: '100.00' }, { contactId: 'b', percent: '0.00' }]);
  });

  it('follows the primary while the split was never set by hand: the primary, new or not, pays everything', () => {
    const current = initialAllocations(['a', 'b']);
    expect(reallocate(current, ['b', 'a'], false)).toEqual([{ contactId: 'b', percent: '100.00' }, { contactId: 'a', percent: '0.00' }]);
    expect(reallocate(current, ['a', 'b', 'c'], false)).toEqual([
      { contactId: 'a', percent: '100.00' },
      { contactId: 'b', percent: '0.00' },
      { contactId: 'c', percent: '0.00' },
    ]);
    expect(reallocate(current, ['b'], false)).toEqual([{ contactId: 'b', percent: '100.00' }]);
    expect(reallocate(reallocate(current, ['b'], false), ['b', 'a'], false)).toEqual([{ contactId: 'b', percent: '100.00' }, { contactId: 'a', percent: '0.00' }]);
  });

  it('once set by hand, keeps shares with their clients: a removed client\'s share goes to the primary, new clients start at zero', () => {
    const current = [{ contactId: 'a', percent: '33.34' }, { contactId: 'b', percent: '33.33' }, { contactId: 'c', percent: '33.33' }];
    expect(reallocate(current, ['b', 'a', 'c'], true)).toEqual([
      { contactId: 'b', percent: '33.33' },
      { contactId: 'a', percent: '33.34' },
      { contactId: 'c', percent: '33.33' },
    ]);
    expect(reallocate([{ contactId: 'a', percent: '0.00' }, { contactId: 'b', percent: '100.00' }], ['a', 'b'], true)).toEqual([
      { contactId: 'a', percent: '0.00' },
      { contactId: 'b', percent: '100.00' },
    ]);
    expect(reallocate(current, ['b', 'c'], true)).toEqual([{ contactId: 'b', percent: '66.67' }, { contactId: 'c', percent: '33.33' }]);
    expect(reallocate(current, ['c', 'd', 'a'], true)).toEqual([
      { contactId: 'c', percent: '66.66' },
      { contactId: 'd', percent: '0.00' },
      { contactId: 'a', percent: '33.34' },
    ]);
  });

  it('knows a split set by hand, also on files stored before the flag', () => {
    const clientIds = ['a', 'b'];
    expect(splitWasSetByHand({ splitSetByHand: false, clientIds, allocations: [{ contactId: 'a', percent: '50.00' }, { contactId: 'b', percent: '50.00' }] })).toBe(false);
    expect(splitWasSetByHand({ splitSetByHand: true, clientIds, allocations: initialAllocations(clientIds) })).toBe(true);
    expect(splitWasSetByHand({ clientIds, allocations: initialAllocations(clientIds) })).toBe(false);
    expect(splitWasSetByHand({ clientIds, allocations: [{ contactId: 'a', percent: '100' }, { contactId: 'b', percent: '0' }] })).toBe(false);
    expect(splitWasSetByHand({ clientIds, allocations: [{ contactId: 'a', percent: '0.00' }, { contactId: 'b', percent: '100.00' }] })).toBe(true);
    expect(splitWasSetByHand({ clientIds, allocations: [{ contactId: 'a', percent: '60.00' }, { contactId: 'b', percent: '40.00' }] })).toBe(true);
  });

  it('accepts exact splits of the file\'s clients only', () => {
    expect(validateAllocations([{ contactId: 'a', percent: 60 }, { contactId: 'b', percent: '40' }], ['a', 'b'])).toEqual({
      ok: true,
      allocations: [{ contactId: 'a', percent: '60.00' }, { contactId: 'b', percent: '40.00' }],
    });
    expect(validateAllocations([{ contactId: 'a', percent: '100' }], ['a', 'b'])).toMatchObject({ ok: true });
    expect(validateAllocations([{ contactId: 'a', percent: '60' }], ['a', 'b'])).toMatchObject({ ok: false });
    expect(validateAllocations([{ contactId: 'x', percent: '100' }], ['a'])).toMatchObject({ ok: false });
    expect(validateAllocations([{ contactId: 'a', percent: '50' }, { contactId: 'a', percent: '50' }], ['a'])).toMatchObject({ ok: false });
    expect(toHundredths('1e2')).toBeUndefined();
    expect(toHundredths(-1)).toBeUndefined();
    expect(toHundredths('100.01')).toBeUndefined();
    expect(toHundredths(0.1)).toBe(10);
  });
});

describe('file numbers', () => {
  const space = fileNumberSpace({ prefix: 'M', width: 5 });
  it('pads the counter behind the prefix and reads numbers of that shape back', () => {
    expect(space.format(42)).toBe('M00042');
    expect(space.valueOf('M00042')).toBe(42);
    expect(space.valueOf('M123456')).toBe(123456);
    expect(space.valueOf('X00042')).toBeUndefined();
    expect(space.valueOf('M-42')).toBeUndefined();
  });
});

describe('matters waiting for their clients', () => {
  const linked = (name: string, otherId: string) => ({ name, link: { status: 'synchronized' as const, otherId } });
  it('is ready when every client is linked, waiting while any is pending, failed when any cannot link', () => {
    const contacts = new Map<string, { name: string; link: Link }>([
      ['a', linked('A', 'ac_a')],
      ['p', { name: 'P', link: { status: 'pending' as const } }],
      ['e', { name: 'E', link: { status: 'error' as const, error: { code: 'duplicate_number' as const, message: 'x' } } }],
    ]);
    expect(readiness(['a'], contacts)).toEqual({ kind: 'ready', clients: [{ practiceContactId: 'a', accountingContactId: 'ac_a' }] });
    expect(readiness(['a', 'p'], contacts)).toEqual({ kind: 'waiting', contactIds: ['p'] });
    const failed = readiness(['p', 'e', 'gone'], contacts);
    expect(failed.kind).toBe('failed');
    if (failed.kind === 'failed') {
      expect(failed.contactIds.sort()).toEqual(['e', 'gone', 'p']);
      expect(failed.message).toContain('E (duplicate_number)');
    }
  });

  it('shows client_not_linked while it cannot be sent, and keeps waiting for the clients', () => {
    const matter = newMatter('f', 'mt_1', { name: 'M', clientIds: ['e'] }, '2026-11-22T00:00:00.000Z');
    const { record, send } = announced(matter, { kind: 'failed', contactIds: ['e'], message: 'no' }, '2026-11-22T00:00:01.000Z');
    expect(send).toBe(false);
    expect(record.link).toMatchObject({ status: 'error', error: { code: 'client_not_linked' } });
    expect(record.sync.waitingFor).toEqual(['e']);
    expect(record.version).toBe(2);
    const again = announced(record, { kind: 'ready', clients: [{ practiceContactId: 'e', accountingContactId: 'ac_e' }] }, '2026-11-22T00:00:02.000Z');
    expect(again.send).toBe(true);
    expect(again.record.link.status).toBe('pending');
    expect(again.record.sync.waitingFor).toBeUndefined();
  });
});

describe('balances', () => {
  it('are whole cents, shown as exact money with outstanding = billed − paid', () => {
    expect(balanceOf({ unbilledCents: 123486, billedCents: 30, paidCents: 10 })).toEqual({
      unbilled: '1234.86', billed: '0.30', paid: '0.10', outstanding: '0.20',
    });
    expect(balanceOf({ unbilledCents: 0, billedCents: 0, paidCents: 0 }).outstanding).toBe('0.00');
  });

  it('move by atomic ADDs of whole cents, never floats', () => {
    vi.stubEnv('TABLE_ACCOUNTING', 'accounting-test');
    const update = balanceEntity.add('f', { id: 'fl_1', practiceMatterId: 'mt_1' }, { unbilled: '0.10', billed: '-0.30' }) as any;
    expect(update.Update.UpdateExpression).toContain('ADD unbilledCents :u, billedCents :b, paidCents :p, seq :one');
    expect(update.Update.ExpressionAttributeValues).toMatchObject({ ':u': 10, ':b': -30, ':p': 0, ':one': 1 });
  });

  it('are one update per file (deltas summed) and one announcement in the outbox table naming each file that moved; zero moves write nothing', () => {
    vi.stubEnv('TABLE_ACCOUNTING', 'accounting-test');
    vi.stubEnv('TABLE_OUTBOX', 'outbox-test');
    const a = { id: 'fl_a', practiceMatterId: 'mt_a' };
    const b = { id: 'fl_b', practiceMatterId: 'mt_b' };
    const items = balanceEntity.changes('f', [
      { file: a, delta: { unbilled: '10.00' } },
      { file: b, delta: { unbilled: '0.00', billed: '-0.00' } },
      { file: a, delta: { paid: '1.00' } },
    ]) as any[];
    // A transaction may touch an item once: file a's two deltas make one update.
    expect(items.map((i) => i.Update?.TableName ?? i.Put.TableName)).toEqual(['accounting-test', 'outbox-test']);
    expect(items[0].Update.ExpressionAttributeValues).toMatchObject({ ':u': 1000, ':b': 0, ':p': 100 });
    expect(items[1].Put.Item).toMatchObject({ entity: 'balance_announcement', sk: 'ANNOUNCE', firmId: 'f', fileIds: ['fl_a'] });
    expect(items[1].Put.Item.expiresAt).toBeGreaterThan(Date.now() / 1000);
    expect(balanceEntity.changes('f', [{ file: a, delta: { unbilled: '0.00' } }])).toEqual([]);
    expect(balanceEntity.changes('f', [{ file: a, delta: { unbilled: '5.00' } }, { file: a, delta: { unbilled: '-5.00' } }])).toEqual([]);
  });
});

describe('the primary client of a bill', () => {
  const line = { billId: 'bl_1', id: 'db_1', kind: 'disbursement' as const, date: '2026-11-01', description: 'Fee', amount: '10.00' };

  it('is the file\'s primary, not the first share; bills go only to clients with a share', () => {
    const file = { clientIds: ['c', 'b'], primaryClientId: 'c', allocations: [{ contactId: 'c', percent: '0.00' }, { contactId: 'b', percent: '100.00' }] };
    const totals = priced([line], null, file, undefined);
    expect(totals.primaryClientId).toBe('c');
    expect(totals.allocations).toEqual([{ contactId: 'b', percent: '100.00', amount: '10.00' }]);
    // The primary has no share here, so the bill's lead invoice (preview, LEDES CLIENT_ID) is the first client billed.
    expect(leadInvoicedClient(totals)).toBe('b');
  });

  it('leads with the primary whenever it has a share, wherever it stands in the split', () => {
    const allocations = [{ contactId: 'a', percent: '50.00', amount: '5.00' }, { contactId: 'p', percent: '50.00', amount: '5.00' }];
    expect(leadInvoicedClient({ allocations, primaryClientId: 'p' })).toBe('p');
    expect(leadInvoicedClient({ allocations, primaryClientId: undefined })).toBe('a');
    expect(leadInvoicedClient({ allocations: [], primaryClientId: 'p' })).toBeUndefined();
  });

  it('of a file stored before it was kept is its first client', () => {
    expect(primaryClientOf({ clientIds: ['x', 'y'] })).toBe('x');
    expect(primaryClientOf({ clientIds: ['x', 'y'], primaryClientId: 'x' })).toBe('x');
  });
});
