import { documentUrl } from '../../aws/s3.ts';
import { deliveryEntity } from '../entities/delivery.entity.ts';
import type { BillRecord } from './model.ts';
import type { Bill } from './schemas.ts';

const filename = (bill: BillRecord, kind: string, contactId?: string) =>
  `${kind === 'ledes' ? 'ledes' : 'invoice'}-${bill.invoiceNumber ?? bill.id}${contactId ? `-${contactId}` : ''}.${kind === 'ledes' ? 'txt' : 'pdf'}`;

/** A bill as the API shows it: documents as short-lived presigned links, and the emails sent. */
export async function billToApi(bill: BillRecord, options: { withLinks?: boolean } = { withLinks: true }): Promise<Bill> {
  const [documents, deliveries] = await Promise.all([
    options.withLinks === false
      ? []
      : Promise.all(
          bill.documents.map(async (d) => ({
            kind: d.kind,
            ...(d.contactId ? { contactId: d.contactId } : {}),
            url: await documentUrl(d.key, filename(bill, d.kind, d.contactId)),
          })),
        ),
    bill.status === 'finalized' || bill.status === 'paid'
      ? deliveryEntity.ofBill(bill.firmId, bill.id)
      : [],
  ]);
  return {
    id: bill.id,
    fileId: bill.fileId,
    matterNumber: bill.matterNumber,
    matterName: bill.matterName,
    status: bill.status,
    ...(bill.description ? { description: bill.description } : {}),
    ...(bill.throughDate ? { throughDate: bill.throughDate } : {}),
    period: bill.period,
    invoiceNumber: bill.invoiceNumber,
    invoiceDate: bill.invoiceDate,
    lines: bill.lines,
    feesTotal: bill.feesTotal,
    disbursementsTotal: bill.disbursementsTotal,
    total: bill.total,
    allocations: bill.allocations,
    paid: bill.paid,
    outstanding: bill.outstanding,
    documents,
    deliveries: deliveries
      .filter((d) => d.status === 'sent')
      .map((d) => ({ to: d.to, sentAt: d.sentAt!, messageId: d.messageId! }))
      .sort((a, b) => a.sentAt.localeCompare(b.sentAt)),
    version: bill.version,
    createdAt: bill.createdAt,
    updatedAt: bill.updatedAt,
  };
}
