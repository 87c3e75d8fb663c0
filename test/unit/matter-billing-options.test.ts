import { describe, expect, it } from 'vitest';
import { billingOf, edited, newMatter, upsertMessage, type MatterRecord } from '../../lib/practice/matters/model.ts';
import { fileOptionsOf } from '../../lib/accounting/files/model.ts';

const now = '2026-12-01T00:00:00.000Z';
const clients = [{ practiceContactId: 'ct_1', accountingContactId: 'ac_1' }];

describe('matter billing options printInvoices and paymentTermsDays', () => {
  it('a new matter prints no invoices and takes the firm\'s terms unless told', () => {
    const m = newMatter('f', 'mt_1', { name: 'M', clientIds: ['ct_1'] }, now);
    expect(billingOf(m)).toMatchObject({ printInvoices: false });
    expect(billingOf(m)).not.toHaveProperty('paymentTermsDays');
    expect(upsertMessage(m, clients).options).toEqual({ emailInvoices: false, ledesEnabled: false, printInvoices: false });
  });

  it('given options reach the message; PATCH null puts the terms back to the firm default', () => {
    const m = newMatter('f', 'mt_1', { name: 'M', clientIds: ['ct_1'], billing: { printInvoices: true, paymentTermsDays: 0 } }, now);
    expect(upsertMessage(m, clients).options).toEqual({ emailInvoices: false, ledesEnabled: false, printInvoices: true, paymentTermsDays: 0 });
    const cleared = edited(m, { billing: { paymentTermsDays: null } }, now);
    expect(upsertMessage(cleared, clients).options).toEqual({ emailInvoices: false, ledesEnabled: false, printInvoices: true });
  });

  it('a matter stored before the options existed reads as no printing, firm terms, and an edit keeps it so', () => {
    const current = newMatter('f', 'mt_1', { name: 'M', clientIds: ['ct_1'] }, now);
    const { printInvoices: _p, ...oldBilling } = current.billing;
    const old: MatterRecord = { ...current, billing: oldBilling };
    expect(billingOf(old)).toEqual({ customRatesEnabled: false, rateOverrides: [], emailInvoices: false, ledesEnabled: false, printInvoices: false });
    expect(edited(old, { name: 'N' }, now).billing).toMatchObject({ printInvoices: false });
  });

  it('accounting reads a message (or a stored file) without printInvoices as false, without terms as the firm\'s', () => {
    expect(fileOptionsOf({ emailInvoices: true, ledesEnabled: false })).toEqual({ emailInvoices: true, ledesEnabled: false, printInvoices: false });
    expect(fileOptionsOf({ emailInvoices: true, ledesEnabled: false, printInvoices: true, paymentTermsDays: 45 })).toEqual({
      emailInvoices: true, ledesEnabled: false, printInvoices: true, paymentTermsDays: 45,
    });
  });
});
