import { firmFolder } from '../../aws/s3.ts';
import type { BillRecord } from './model.ts';

/** Where an invoice's PDF is stored: one fixed key per invoice number and posting (a retry overwrites, never adds). */
export const invoiceKey = (bill: Pick<BillRecord, 'firmId' | 'id' | 'postings'>, invoiceNumber: string) =>
  `${firmFolder(bill.firmId)}/bills/${bill.id}/v${bill.postings}/invoice-${invoiceNumber}.pdf`;
