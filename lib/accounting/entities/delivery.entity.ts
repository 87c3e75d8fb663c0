import type { TxItem } from '../../aws/transactions.ts';
import { strip } from '../../aws/book-store.ts';
import { accountingTable } from './book.ts';

/**
 * Invoice emails.
 *
 * | item | sort key | what it holds |
 * |---|---|---|
 * | automatic email | `DELIVERY#<billId>#auto#<contactId>` | a DeliveryRecord: claimed (`sending`) before the email is sent, so producing twice never emails twice; `sent` once it went |
 * | email sent by hand | `DELIVERY#<billId>#manual#<sentAt>#<contactId>` | a DeliveryRecord, `sent` |
 *
 * Transitions: `claimAuto` (only if that email has no claim), `markAutoSent`
 * and `recordManual` (written as they stand).
 */
export interface DeliveryRecord {
  billId: string;
  /** The contact emailed. */
  key: string;
  to: string;
  status: 'sending' | 'sent';
  claimedAt?: string;
  sentAt?: string;
  messageId?: string;
}

const autoKey = (billId: string, contactId: string) => `DELIVERY#${billId}#auto#${contactId}`;
const manualKey = (billId: string, contactId: string, sentAt: string) => `DELIVERY#${billId}#manual#${sentAt}#${contactId}`;
const prefixOf = (billId: string) => `DELIVERY#${billId}#`;

export const deliveryEntity = {
  /** The claim of the automatic email of a bill to a client, if made. */
  async getAuto(firmId: string, billId: string, contactId: string): Promise<DeliveryRecord | undefined> {
    const item = await accountingTable.get<DeliveryRecord>(firmId, autoKey(billId, contactId));
    return item && strip(item);
  },

  /** Claims the automatic email of a bill to a client before it is sent: fails if it is claimed already. */
  claimAuto: (firmId: string, billId: string, contactId: string, to: string, claimedAt: string): TxItem =>
    accountingTable.putUnique(firmId, autoKey(billId, contactId), { billId, key: contactId, to, status: 'sending', claimedAt }),

  /** The automatic email went out. */
  markAutoSent: (firmId: string, billId: string, contactId: string, to: string, sentAt: string, messageId: string): TxItem =>
    accountingTable.put(firmId, autoKey(billId, contactId), { billId, key: contactId, to, status: 'sent', sentAt, messageId }),

  /** An email sent by hand. */
  recordManual: (firmId: string, billId: string, contactId: string, to: string, sentAt: string, messageId: string): TxItem =>
    accountingTable.put(firmId, manualKey(billId, contactId, sentAt), { billId, key: contactId, to, status: 'sent', sentAt, messageId }),

  /** Every email of a bill, claimed or sent. */
  ofBill: (firmId: string, billId: string): Promise<DeliveryRecord[]> => accountingTable.all<DeliveryRecord>(firmId, prefixOf(billId)),
};
