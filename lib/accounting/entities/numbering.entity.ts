import { firmPk } from '../../aws/book-store.ts';
import type { TxItem } from '../../aws/transactions.ts';
import type { NumberingSequence } from '#events/contact';
import { accountingTable } from './book.ts';

/**
 * Numbers the accounting book hands out: contact numbers (one space per
 * numbering sequence), file numbers and invoice numbers.
 *
 * | item | sort key | what it holds |
 * |---|---|---|
 * | contact counter | `COUNTER#CONTACT#<sequence>` | `{ value }`: the last automatic contact number of the sequence |
 * | contact number claim | `NUMBER#CONTACT#<sequence>#<number>` | `{ ownerId, number }`: holds the number; its existence makes numbers unique |
 * | file counter | `COUNTER#FILE` | `{ value }`: the last automatic file number |
 * | file number claim | `NUMBER#FILE#<number>` | `{ ownerId, number }` |
 * | invoice counter | `COUNTER#INVOICE` | `{ value }`: the last invoice number (gap-free, no claims) |
 *
 * Transitions: `claim` (only if the number is free), `release` (the number
 * an owner leaves), `moveCounter` (from `from` to `to`, only if the counter
 * still stands at `from`; a counter never written stands at 0),
 * `takeInvoiceNumber` (the invoice counter one on, the same way). The rules
 * of taking a number with a record are in `numbering/claims.ts`.
 */

/** A number space: the contact numbers of a sequence, or file numbers. */
export type NumberSpaceName = { kind: 'contact'; sequence: NumberingSequence } | { kind: 'file' };
type CounterName = NumberSpaceName | { kind: 'invoice' };

const INVOICE: CounterName = { kind: 'invoice' };

const counterKey = (c: CounterName) =>
  c.kind === 'contact' ? `COUNTER#CONTACT#${c.sequence}` : c.kind === 'file' ? 'COUNTER#FILE' : 'COUNTER#INVOICE';
const claimKey = (space: NumberSpaceName, number: string) =>
  space.kind === 'contact' ? `NUMBER#CONTACT#${space.sequence}#${number}` : `NUMBER#FILE#${number}`;

const readCounter = async (firmId: string, counter: CounterName): Promise<number> =>
  (await accountingTable.get<{ value: number }>(firmId, counterKey(counter)))?.value ?? 0;

function moveCounter(firmId: string, counter: CounterName, from: number, to: number): TxItem {
  return {
    Update: {
      TableName: accountingTable.table,
      Key: { pk: firmPk(firmId), sk: counterKey(counter) },
      UpdateExpression: 'SET #value = :to',
      ConditionExpression: from === 0 ? 'attribute_not_exists(#value) OR #value = :from' : '#value = :from',
      ExpressionAttributeNames: { '#value': 'value' },
      ExpressionAttributeValues: { ':to': to, ':from': from },
    },
  };
}

export const numberingEntity = {
  /** Where a space's counter stands (0 before its first number). */
  counter: (firmId: string, space: NumberSpaceName): Promise<number> => readCounter(firmId, space),

  /** Moves a space's counter from `from` to `to`, only if it still stands at `from`. */
  moveCounter: (firmId: string, space: NumberSpaceName, from: number, to: number): TxItem => moveCounter(firmId, space, from, to),

  /** Holds `number` of the space for `ownerId`: fails if it is held already. */
  claim: (firmId: string, space: NumberSpaceName, number: string, ownerId: string): TxItem =>
    accountingTable.putUnique(firmId, claimKey(space, number), { ownerId, number }),

  /** Frees `number` of the space. */
  release: (firmId: string, space: NumberSpaceName, number: string): TxItem => accountingTable.delete(firmId, claimKey(space, number)),

  /** The firm's last invoice number (0 before the first). */
  invoiceCounter: (firmId: string): Promise<number> => readCounter(firmId, INVOICE),

  /** Takes invoice number `counter + 1`: the counter moves on by one, only if it still stands at `counter`. */
  takeInvoiceNumber: (firmId: string, counter: number): TxItem => moveCounter(firmId, INVOICE, counter, counter + 1),
};
