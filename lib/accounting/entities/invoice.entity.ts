import { versionedRecords, type ReadOf } from '../../aws/entity.ts';
import type { TxItem } from '../../aws/transactions.ts';
import type { Page, PageOptions } from '../../shared/page.ts';
import { invoiceIdOf, type InvoiceRecord } from '../bills/model.ts';
import { accountingTable } from './book.ts';

/**
 * Invoices: one record per invoice number ever taken, so every number of the
 * firm's sequence is accounted for (on an invoice, held by a reverted bill,
 * or void) and a number can never be on two invoices (the record of a new
 * number must not exist).
 *
 * | item | sort key | index | what it holds |
 * |---|---|---|---|
 * | invoice | `INVOICE#<id>` (`in_<number>`) | gsi1: `FIRM#<firmId>#INVOICES` / `<number, 12 digits>` (all, by number); gsi2: `FIRM#<firmId>#CONTACT#<contactId>#INVOICES` / same (a client's); gsi3: `FIRM#<firmId>#INVOICE#<status>` / same (open ones: aging, overdue) | an InvoiceRecord (version-guarded) |
 *
 * Transitions: issued at posting (`put(record, null)` for a new number, or
 * `put(record, version)` over its held record when a reverted bill is
 * approved again), paid (with each payment), held (its bill reverted), void
 * (its held bill deleted, or re-posted without that client): each a `put`
 * guarded by the version read.
 */
const padded = (n: string) => n.padStart(12, '0');
const indexKeys = (r: InvoiceRecord) => ({
  gsi1pk: `FIRM#${r.firmId}#INVOICES`,
  gsi1sk: padded(r.invoiceNumber),
  gsi2pk: `FIRM#${r.firmId}#CONTACT#${r.contactId}#INVOICES`,
  gsi2sk: padded(r.invoiceNumber),
  gsi3pk: `FIRM#${r.firmId}#INVOICE#${r.status}`,
  gsi3sk: padded(r.invoiceNumber),
});

const records = versionedRecords<InvoiceRecord>(accountingTable, 'INVOICE#', indexKeys);

export const invoiceEntity = {
  /** The record of an invoice number. */
  get: (firmId: string, invoiceNumber: string) => records.get(firmId, invoiceIdOf(invoiceNumber)),
  /** The records of several numbers (strongly consistent), by number. */
  async getMany(firmId: string, numbers: readonly string[]): Promise<Map<string, InvoiceRecord>> {
    const found = await records.getMany(firmId, numbers.map(invoiceIdOf));
    return new Map([...found.values()].map((r) => [r.invoiceNumber, r]));
  },
  /** `getMany` as a read to make together with others (`readTogether`), by number. */
  readMany: (firmId: string, numbers: readonly string[]): ReadOf<Map<string, InvoiceRecord>> => {
    const read = records.readMany(firmId, numbers.map(invoiceIdOf));
    return { ...read, answer: (found) => new Map([...read.answer(found).values()].map((r) => [r.invoiceNumber, r])) };
  },
  /** A write of the record at the version read (`null`: the number is new). */
  put: (record: InvoiceRecord, expected: number | null): TxItem => records.put(record, expected),

  /** A page of the firm's invoices by number: of one client, or of one status, or all; filtered in code. */
  page(firmId: string, o: PageOptions<InvoiceRecord> & { contactId?: string | undefined; status?: InvoiceRecord['status'] | undefined }): Promise<Page<InvoiceRecord>> {
    const options = { limit: o.limit, cursor: o.cursor, ...(o.filter ? { filter: o.filter } : {}) };
    if (o.contactId) {
      const status = o.status;
      return accountingTable.listIndex<InvoiceRecord>('gsi2', `FIRM#${firmId}#CONTACT#${o.contactId}#INVOICES`, {
        ...options, filter: (r) => (!status || r.status === status) && (!o.filter || o.filter(r)),
      });
    }
    if (o.status) return accountingTable.listIndex<InvoiceRecord>('gsi3', `FIRM#${firmId}#INVOICE#${o.status}`, options);
    return accountingTable.listIndex<InvoiceRecord>('gsi1', `FIRM#${firmId}#INVOICES`, options);
  },
};
