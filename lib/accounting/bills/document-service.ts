import { getAccountingSettings } from '../settings/service.ts';
import { contactEntity } from '../entities/contact.entity.ts';
import { fileEntity } from '../entities/file.entity.ts';
import { ledgerEntryEntity } from '../entities/ledger-entry.entity.ts';
import { primaryClientOf } from '../files/model.ts';
import { firmFolder, putDocument, documentUrl } from '../../aws/s3.ts';
import { renderInvoicePdf } from '../../documents/invoice-pdf.ts';
import { writeLedes, validateLedes, type LedesInvoice } from '../../documents/ledes.ts';
import { Conflict, NotFound, type FieldError } from '../../shared/errors.ts';
import { loadBill } from './drafts.ts';
import { recordDocuments } from './documents.ts';
import { invoiceContext, invoiceView } from './invoice-data.ts';
import { assertInvoiced, leadInvoicedClient, type BillRecord } from './model.ts';

/** A rendered document: its bytes, their content type and the file name to offer. */
export interface RenderedDocument {
  content: Buffer;
  contentType: string;
  filename: string;
}

/** The bill's lead client (see leadInvoicedClient), with the primary its file names for a bill stored before bills kept it. */
async function leadClientOf(bill: BillRecord): Promise<string | undefined> {
  if (bill.primaryClientId) return leadInvoicedClient(bill);
  const file = await fileEntity.get(bill.firmId, bill.fileId);
  return leadInvoicedClient({ allocations: bill.allocations, primaryClientId: file ? primaryClientOf(file) : undefined });
}

/**
 * The primary client's invoice as the bill would produce it (or, when a split
 * set by hand gives the primary nothing, the first invoiced client's), marked
 * as a preview while the bill is a draft or approved; nothing is finalized or stored.
 */
export async function previewBill(firmId: string, billId: string): Promise<RenderedDocument> {
  const bill = await loadBill(firmId, billId);
  const ctx = await invoiceContext(bill);
  const contactId = (await leadClientOf(bill)) ?? '';
  const content = await renderInvoicePdf(invoiceView(bill, contactId, ctx, bill.status === 'draft' || bill.status === 'approved'));
  return { content, contentType: 'application/pdf', filename: `preview-${bill.id}.pdf` };
}

/**
 * LEDES 1998B for a finalized bill, from the bill, the firm settings and its
 * client: `CLIENT_ID` is the primary client's number (or, only when a split
 * set by hand gives the primary nothing, that of the first client billed).
 */
async function ledesInvoice(bill: BillRecord): Promise<LedesInvoice> {
  const settings = await getAccountingSettings(bill.firmId);
  const clientId = await leadClientOf(bill);
  const client = clientId ? await contactEntity.get(bill.firmId, clientId) : undefined;
  const ledger = await ledgerEntryEntity.getMany(bill.firmId, bill.lines.filter((l) => l.kind === 'time').map((l) => l.id));
  return {
    invoiceDate: bill.invoiceDate!,
    invoiceNumber: bill.invoiceNumber!,
    clientId: client?.contactNumber ?? '',
    lawFirmMatterId: bill.matterNumber,
    billingStartDate: bill.period.from,
    billingEndDate: bill.period.to,
    invoiceDescription: bill.description ?? `Legal services: ${bill.matterName}`,
    lawFirmId: settings.firm.lawFirmId,
    ...(bill.clientMatterId ? { clientMatterId: bill.clientMatterId } : {}),
    lines: bill.lines.map((l) => {
      if (l.kind === 'disbursement') {
        return { type: 'E' as const, units: '1', unitCost: l.amount, adjustment: '0.00', date: l.date, ...(l.expenseCode ? { expenseCode: l.expenseCode } : {}), description: l.description };
      }
      const source = ledger.get(l.id);
      const fixed = source?.fixed === true;
      return {
        type: 'F' as const,
        units: fixed ? '1' : l.hours!,
        unitCost: fixed ? l.amount : l.rate!,
        adjustment: '0.00',
        date: l.date,
        ...(l.taskCode ? { taskCode: l.taskCode } : {}),
        ...(l.activityCode ? { activityCode: l.activityCode } : {}),
        ...(source?.timekeeperLedesId ? { timekeeperId: source.timekeeperLedesId } : {}),
        ...(l.timekeeperName ? { timekeeperName: l.timekeeperName } : {}),
        ...(source?.timekeeperClassification ? { timekeeperClassification: source.timekeeperClassification } : {}),
        description: l.description,
      };
    }),
  };
}

/**
 * Writes one LEDES 1998B file per bill to S3, after the pre-flight validator
 * passed it. A bill of a matter without e-billing, or not finalized, is a 409;
 * a file the validator rejects is a 409 that lists every problem.
 */
export async function ebill(firmId: string, billIds: string[]): Promise<{ items: { billId: string; url: string }[] }> {
  const bills = await Promise.all(billIds.map(async (id) => {
    const bill = await loadBill(firmId, id).catch(() => {
      throw new NotFound(`Bill ${id}`);
    });
    if (!bill.ledesEnabled) throw new Conflict('ledes_disabled', `The matter ${bill.matterNumber} of bill ${id} does not use LEDES e-billing.`);
    assertInvoiced(bill, 'e-billed');
    return bill;
  }));
  const files = await Promise.all(bills.map(async (bill) => ({ bill, text: writeLedes(await ledesInvoice(bill)) })));
  const problems: FieldError[] = files.flatMap(({ bill, text }) =>
    validateLedes(text).problems.map((p) => ({ path: `billIds.${billIds.indexOf(bill.id)}`, message: `line ${p.line}${p.field ? ` ${p.field}` : ''}: ${p.message}` })),
  );
  if (problems.length) {
    throw new Conflict('ledes_invalid', 'The LEDES files did not pass the pre-flight check; fix the data named below and try again.', problems);
  }
  const items = [];
  for (const { bill, text } of files) {
    const key = `${firmFolder(firmId)}/bills/${bill.id}/ledes-${bill.invoiceNumber}.txt`;
    await putDocument(key, text, 'text/plain; charset=us-ascii');
    await recordDocuments(firmId, bill.id, [{ kind: 'ledes', key }]);
    items.push({ billId: bill.id, url: await documentUrl(key, `ledes-${bill.invoiceNumber}.txt`) });
  }
  return { items };
}
