import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { client, eventually, newFirm, person, settledRecord, stack } from './helpers.ts';
import { pdfPagesText } from '../support/pdf-text.ts';

/**
 * What a firm sends (issue 17): the invoice PDF with names as spelled, terms,
 * remittance and Tax ID; emails from the firm with Reply-To, text and HTML,
 * the stored PDF attached (an approved bill's prepared right after posting).
 */
async function firmWithBill(names: { client: string; timekeeper: { name: string; firstName: string; lastName: string } }) {
  const firm = newFirm();
  const api = await client(firm);
  const ok = async (res: Promise<any>) => {
    const r = await res;
    expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
    return r.body;
  };
  const { version: _v, updatedAt: _u, ...settings } = (await api.get('/accounting/settings')).body;
  await ok(api.put('/accounting/settings', {
    ...settings,
    firm: { name: 'Kowalska & Παπαδόπουλος LLP', address: 'ul. Piotrkowska 1\n90-001 Łódź', lawFirmId: '12-3456789', email: `billing-${firm}@firm.test`, phone: '+48 42 555 0100', taxId: 'PL 725-000-00-00' },
    billing: { paymentTermsDays: 14, remittance: 'Payee: Kowalska LLP\nIBAN PL61 1090 1014 0000 0712 1981 2874' },
  }));
  const label = await ok(api.post('/practice/rate-labels', { name: 'Standard', type: 'hourly', baseValue: '200.00' }));
  const tk = await ok(api.post('/practice/users', { ...names.timekeeper, email: `tk-${firm}@firm.test`, defaultRateLabelId: label.id, classification: 'PARTNR', ledesId: 'TK1' }));
  expect(tk).toMatchObject({ firstName: names.timekeeper.firstName, lastName: names.timekeeper.lastName });
  await ok(api.post('/accounting/users', { name: 'TK', email: `tk-${firm}@firm.test` }));
  const c = await ok(api.post('/practice/contacts', person(names.client, { email: `client-${firm}@example.test` })));
  const contact = await settledRecord(api, `/practice/contacts/${c.id}`);
  const matter = await ok(api.post('/practice/matters', { name: 'Sprawa Żółć', clientIds: [contact.id], billing: { emailInvoices: false, ledesEnabled: true, clientMatterId: 'CM-1' } }));
  const linked = await settledRecord(api, `/practice/matters/${matter.id}`);
  for (const [i, behavior] of (['bill', 'no_charge'] as const).entries()) {
    await ok(api.post('/practice/time-entries', {
      matterId: matter.id, timekeeperId: tk.id, date: `2026-11-0${i + 1}`, description: `Analiza umowy ${i} – Δ`, hours: '1.5', behavior, taskCode: 'L110', activityCode: 'A102',
    }));
  }
  const started = await ok(api.post('/practice/billing/time-exports', { matterId: matter.id }));
  await eventually(async () => ((await api.get(`/jobs/${started.id}`)).body.status === 'succeeded' ? true : undefined), 30_000);
  const fileId = linked.link.otherId as string;
  const draft = await ok(api.post('/accounting/bills', { fileId }));
  return { firm, api, ok, draft, contact };
}

const mailTo = (address: string) => readdirSync(stack.mailDir).filter((f) => readFileSync(`${stack.mailDir}/${f}`, 'utf8').includes(address));

describe('invoice documents and emails', () => {
  it('prints names as spelled, terms and remittance; emails the stored PDF from the firm, with Reply-To, text and HTML', async () => {
    const names = { client: 'Ζωή Παπαδοπούλου-Жукова', timekeeper: { name: 'Małgorzata Wójcik-Żuławska', firstName: 'Małgorzata', lastName: 'Wójcik-Żuławska' } };
    const { firm, api, ok, draft, contact } = await firmWithBill(names);
    await ok(api.patch(`/accounting/bills/${draft.id}`, { description: 'Usługi prawne – listopad 2026' }));

    // The preview of a draft already shows what the invoice will: names exactly, due date and how to pay.
    const preview = await fetch(`${stack.url}/billing/bills/${draft.id}/preview`, { headers: { authorization: `Bearer ${api.token}` } });
    expect(preview.status).toBe(200);
    const text = (await pdfPagesText(Buffer.from(await preview.arrayBuffer()))).join('\n');
    expect(text).toContain(names.client);
    expect(text).toContain(names.timekeeper.name);
    expect(text).toContain('Kowalska & Παπαδόπουλος LLP');
    expect(text).toContain('Usługi prawne – listopad 2026');
    expect(text).toContain('Net 14 days');
    expect(text).toContain('IBAN PL61 1090 1014 0000 0712 1981 2874');
    expect(text).toContain('Tax ID PL 725-000-00-00');
    expect(text).toContain('No charge');
    expect(text).toContain('L110');

    const approved = await ok(api.post(`/accounting/bills/${draft.id}/approve`));
    // Sent by hand before production: the PDF prepared after posting is attached (a 409 only in the moment before).
    const sent = await eventually(async () => {
      const r = await api.post(`/billing/bills/${draft.id}/email`, { message: 'Dziękujemy za współpracę.' });
      if (r.status === 409) {
        expect(r.body.code).toBe('invoice_not_stored');
        return undefined;
      }
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body;
    }, 30_000, 'the approved bill\'s PDF to be prepared');
    // Prepared, not listed: an approved bill lists its documents once produced.
    expect(sent.documents.filter((d: any) => d.kind === 'invoice_pdf')).toHaveLength(0);
    const [file] = mailTo(`client-${firm}@example.test`);
    const raw = readFileSync(`${stack.mailDir}/${file}`, 'utf8');
    // From: the firm's name (MIME-encoded words, folded) beside the service's own address.
    const from = /^From: ([^]*?<billing@law-billing-sync\.dev>)/m.exec(raw)?.[1] ?? '';
    const fromName = [...from.matchAll(/=\?UTF-8\?B\?([^?]*)\?=/g)].map((m) => Buffer.from(m[1]!, 'base64')).reduce((a, b) => Buffer.concat([a, b]), Buffer.alloc(0)).toString('utf8');
    expect(fromName).toBe('Kowalska & Παπαδόπουλος LLP');
    expect(raw).toContain(`Reply-To: billing-${firm}@firm.test`);
    expect(raw).toContain('Content-Type: text/plain');
    expect(raw).toContain('Content-Type: text/html');
    expect(raw).toContain(`filename=invoice-${approved.invoices[0].invoiceNumber}.pdf`);
    // Decoded text part: the custom message above the standard summary, amounts in the firm's currency.
    const textPart = /Content-Type: text\/plain[^]*?\r?\n\r?\n([^]*?)\r?\n--/.exec(raw)![1]!;
    const decoded = /Content-Transfer-Encoding: base64/.test(raw.slice(raw.indexOf('text/plain'), raw.indexOf('text/plain') + 200))
      ? Buffer.from(textPart.replace(/\s/g, ''), 'base64').toString('utf8')
      : textPart.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
    const summary = Buffer.from(decoded, 'latin1').toString('utf8');
    expect(summary.indexOf('Dziękujemy')).toBeLessThan(summary.indexOf('Please find attached'));
    expect(summary).toContain('Balance due: $300.00');
    expect(summary).toContain('IBAN PL61');
    expect(contact).toBeDefined();

    // The LEDES timekeeper name comes from the user's own first and last names.
    const ledes = await ok(api.post('/billing/ebilling', { billIds: [draft.id] }));
    const ledesText = await (await fetch(ledes.items[0].url)).text();
    expect(ledesText).toContain('|Wojcik-Zulawska, Malgorzata|');
  });

  it('lists characters no embedded font has as warnings on the bill', async () => {
    const { api, ok, draft } = await firmWithBill({ client: 'Client', timekeeper: { name: 'Ada Lovelace', firstName: 'Ada', lastName: 'Lovelace' } });
    const patched = await ok(api.patch(`/accounting/bills/${draft.id}`, { description: 'Review 契約書 draft' }));
    expect(patched.warnings).toEqual([expect.objectContaining({ code: 'unprintable_characters', path: 'description', message: expect.stringContaining('U+5951') })]);
  });

  it('warns of what no font has in every text the invoice prints: client name, letterhead, remittance, payment references', async () => {
    const { api, ok, draft } = await firmWithBill({ client: '山田太郎', timekeeper: { name: 'Ada Lovelace', firstName: 'Ada', lastName: 'Lovelace' } });
    const contactId = draft.allocations[0].contactId as string;
    const { version: _v, updatedAt: _u, ...settings } = (await api.get('/accounting/settings')).body;
    await ok(api.put('/accounting/settings', {
      ...settings,
      firm: { ...settings.firm, address: '1-1 Marunouchi\n東京都 100-0005' },
      billing: { ...settings.billing, remittance: 'الدفع إلى Kowalska LLP\nIBAN PL61 1090 1014 0000 0712 1981 2874' },
    }));
    const byPath = (bill: any) => Object.fromEntries((bill.warnings ?? []).map((w: any) => [w.path, w]));
    const read = byPath(await ok(api.get(`/billing/bills/${draft.id}`)));
    expect(Object.keys(read).sort()).toEqual(['billing.remittance', 'client.name', 'firm.address']);
    // The client's name is that client's copy only: the warning says whose.
    expect(read['client.name']).toEqual({ code: 'unprintable_characters', path: 'client.name', contactId, message: expect.stringMatching(/"山" \(U\+5C71\).*"郎" \(U\+90CE\)/) });
    expect(read['billing.remittance']).toEqual({ code: 'unprintable_characters', path: 'billing.remittance', message: expect.stringContaining('U+0627') });
    expect(read['firm.address'].message).toContain('U+6771');
    // What the warning says is what the PDF does: "?" where the name was.
    const preview = await fetch(`${stack.url}/billing/bills/${draft.id}/preview`, { headers: { authorization: `Bearer ${api.token}` } });
    const text = (await pdfPagesText(Buffer.from(await preview.arrayBuffer()))).join('\n');
    expect(text).not.toContain('山田');
    expect(text).toContain('?');

    // A payment's reference is printed on its client's copy once posted.
    await ok(api.post(`/accounting/bills/${draft.id}/approve`));
    await ok(api.post(`/billing/bills/${draft.id}/payments`, { amount: '10.00', date: new Date().toISOString().slice(0, 10), method: 'check', reference: '小切手 7' }));
    const paid = byPath(await ok(api.get(`/billing/bills/${draft.id}`)));
    expect(paid['payments.0.reference']).toEqual({ code: 'unprintable_characters', path: 'payments.0.reference', contactId, message: expect.stringContaining('U+5C0F') });
    // A list's summaries carry no warnings (GET the bill for them).
    const listed = (await ok(api.get(`/billing/bills?fileId=${draft.fileId}`))).items;
    expect(listed.map((b: any) => [b.id, b.warnings])).toEqual([[draft.id, undefined]]);
  });

  it('refuses CR, LF and other control characters in a manual email\'s subject and address (400 naming the field) and sends nothing', async () => {
    const { firm, api, ok, draft } = await firmWithBill({ client: 'Client', timekeeper: { name: 'Ada Lovelace', firstName: 'Ada', lastName: 'Lovelace' } });
    await ok(api.post(`/accounting/bills/${draft.id}/approve`));
    const client = `client-${firm}@example.test`;
    const refusals: [Record<string, string>, string][] = [
      [{ subject: 'Invoice\r\nBcc: evil@x.test' }, 'subject'],
      [{ subject: 'Invoice\nBcc: evil@x.test' }, 'subject'],
      [{ subject: 'Invoice\u0085Bcc: evil@x.test' }, 'subject'],
      [{ subject: 'Invoice\r\n' }, 'subject'],
      [{ to: 'a@b.test\r\nBcc: evil@x.test' }, 'to'],
      [{ to: `${client}\nBcc: evil@x.test` }, 'to'],
    ];
    for (const [body, field] of refusals) {
      const r = await api.post(`/billing/bills/${draft.id}/email`, body);
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(r.headers.get('content-type')).toContain('application/problem+json');
      expect(r.body).toMatchObject({ status: 400, type: expect.any(String), title: expect.any(String) });
      expect(r.body.errors, JSON.stringify(body)).toEqual([{ path: field, message: 'must be one line: no CR, LF or other control characters' }]);
    }
    // The same request with a plain subject goes out (once the PDF is stored): the refusals were the header values alone.
    await eventually(async () => {
      const r = await api.post(`/billing/bills/${draft.id}/email`, { subject: 'Invoice for November' });
      return r.status === 200 ? r.body : undefined;
    }, 30_000, 'the approved bill\'s PDF to be prepared');
    const sent = mailTo(client);
    expect(sent).toHaveLength(1);
    expect(readFileSync(`${stack.mailDir}/${sent[0]}`, 'utf8')).toContain('Subject: Invoice for November');
    expect(mailTo('evil@x.test')).toEqual([]);
    expect((await ok(api.get(`/billing/bills/${draft.id}`))).deliveries).toHaveLength(1);
  });
});
