import type { MatterInvoice } from '#events/messages';
import type { TxItem } from '../../aws/transactions.ts';
import { practiceTable } from './book.ts';

/**
 * Practice's copy of a matter's invoices, as accounting last reported them: one item per bill.
 *
 * | item | sort key | what it holds |
 * |---|---|---|
 * | a bill's invoices | `INVOICES#MATTER#<matterId>#BILL#<billId>` | `{ matterId, billId, billVersion, invoices[], updatedAt }`: the bill's invoices as of accounting's bill version `billVersion` |
 *
 * Every bill of a matter sits under `INVOICES#MATTER#<matterId>#BILL#`, so the
 * matter's invoices are one Query (`ofMatter`).
 *
 * Transition: `put` replaces a bill's copy only with a newer report (no item
 * yet, or a lower `billVersion`), so a late, older report changes nothing. A
 * report with no invoices (the bill was reverted to draft, or deleted) keeps
 * the item, empty, at its version: that is the tombstone that stops a late,
 * older report from bringing the invoices back. Items are never deleted (one
 * small item per bill the matter ever had posted).
 */
const ofMatterPrefix = (matterId: string) => `INVOICES#MATTER#${matterId}#BILL#`;
const billKey = (matterId: string, billId: string) => `${ofMatterPrefix(matterId)}${billId}`;

export interface BillInvoicesRecord {
  matterId: string;
  billId: string;
  billVersion: number;
  invoices: MatterInvoice[];
  updatedAt: string;
}

export const matterInvoicesEntity = {
  /** Stores a bill's invoices, only if the report is newer than the copy stored (item 0 fails otherwise). */
  put: (firmId: string, r: BillInvoicesRecord): TxItem => {
    const { Put } = practiceTable.put(firmId, billKey(r.matterId, r.billId), {
      matterId: r.matterId,
      billId: r.billId,
      billVersion: r.billVersion,
      invoices: r.invoices,
      updatedAt: r.updatedAt,
    });
    return {
      Put: {
        ...Put!,
        ConditionExpression: 'attribute_not_exists(pk) OR billVersion < :version',
        ExpressionAttributeValues: { ':version': r.billVersion },
      },
    };
  },

  /** Every bill's copy of the matter (empty ones included), in bill id order. */
  ofMatter: async (firmId: string, matterId: string): Promise<BillInvoicesRecord[]> =>
    (await practiceTable.all<BillInvoicesRecord>(firmId, ofMatterPrefix(matterId))).map((i) => ({
      matterId: i.matterId,
      billId: i.billId,
      billVersion: i.billVersion,
      invoices: i.invoices,
      updatedAt: i.updatedAt,
    })),
};
