import { describe, expect, it } from 'vitest';
import { attachmentName, invoiceMessage } from '../../lib/accounting/bills/email.ts';

const base = {
  clientName: 'Zoë Żuławska',
  firm: { name: 'Hargrove & Chen LLP', email: 'billing@hargrove.example', phone: '+1 215 555 0142' },
  invoiceNumber: '42',
  matterName: 'Estate of Babbage',
  matterNumber: 'M-00042',
  remittance: 'Payee: Hargrove & Chen LLP\nABA 031000053 · Account 0042',
};

describe('invoice emails', () => {
  it('says what is due and by when, in the firm\'s currency, with how to pay; a note goes above the summary', () => {
    const { text, html } = invoiceMessage({ ...base, summary: { currency: 'USD', amount: '15394.58', paid: '0.00', balanceDue: '15394.58', dueDate: '2026-12-31' }, note: 'Thank you <b>for</b> the quick reply.' });
    expect(text).toContain('Balance due: $15,394.58');
    expect(text).toContain('Due date: December 31, 2026');
    expect(text).toContain('Please pay $15,394.58 by December 31, 2026, quoting invoice no. 42.');
    expect(text).toContain('How to pay:\nPayee: Hargrove & Chen LLP');
    expect(text.indexOf('Thank you')).toBeLessThan(text.indexOf('Please find attached'));
    expect(text).not.toContain('15394.58 USD');
    expect(html).toContain('<strong>$15,394.58</strong>');
    expect(html).toContain('Thank you &#60;b&#62;for&#60;/b&#62; the quick reply.'); // escaped, never markup
    expect(html).toContain('billing@hargrove.example · +1 215 555 0142');
  });

  it('a paid invoice re-sent says what its PDF says, and what came in since', () => {
    const asIssued = { currency: 'EUR', amount: '1000.00', paid: '0.00', balanceDue: '1000.00', dueDate: '2026-12-31' };
    const { text } = invoiceMessage({ ...base, summary: asIssued, balanceNow: '0.00' });
    expect(text).toContain('Balance due: EUR 1,000.00'); // as the attached PDF shows
    expect(text).toContain('Since this invoice was issued we have received further payments; the balance now is EUR 0.00.');
    const paid = invoiceMessage({ ...base, summary: { ...asIssued, paid: '1000.00', balanceDue: '0.00' }, balanceNow: '0.00' }).text;
    expect(paid).toContain('This invoice is paid in full. Thank you.');
    expect(paid).not.toContain('How to pay');
    expect(paid).not.toContain('Since this invoice');
  });

  it('names the attachment after the invoice number, safely', () => {
    expect(attachmentName('INV-2026-0042')).toBe('invoice-INV-2026-0042.pdf');
    expect(attachmentName('A/B "x"\r\n')).toBe('invoice-A_B_x_.pdf');
  });
});
