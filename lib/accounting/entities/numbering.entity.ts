import { firmPk } from '../../aws/book-store.ts';
import type { TxItem } from '../../aws/transactions.ts';
import type { ReadOf } from '../../aws/entity.ts';
import type { NumberingSequence } from '#events/contact';
import { numberKey } from '#events/contact-number';
import { accountingTable } from './book.ts';

/**
 * Numbers the accounting book hands out: contact numbers (one space per
 * numbering sequence), file numbers and invoice numbers.
 *
 * | item | sort key | what it holds |
 * |---|---|---|
 * | contact counter | `COUNTER#CONTACT#<sequence>` | `{ value }`: where the sequence stands (the last automatic number, or the value of the last hand-given one) |
 * | contact number claim | `NUMBER#CONTACT#<sequence>#<key>` | `{ ownerId, number }`: holds the number; its existence makes numbers unique |
 * | file counter | `COUNTER#FILE` | `{ value }`: where file numbering stands |
 * | file number claim | `NUMBER#FILE#<key>` | `{ ownerId, number }` |
 * | invoice counter | `COUNTER#INVOICE` | `{ value }`: the last invoice number (gap-free, no claims) |
 *
 * A claim's `<key>` is the number's comparison form (`numberKey`: `ABC` and
 * `abc`, `0124` and `124`, `M00050` and `m50` are one claim); `number` is
 * the spelling its owner typed. (Claims written before comparison keys are
 * keyed by their exact spelling: see docs/sync.md, "Contact and file numbers".)
 *
 * Transitions: `claim` (only if the number is free), `claimOwn` (free or
 * already the owner's), `release` (only the
 * owner's own claim), `moveCounter` (from `from` to `to`, only if the
 * counter still stands at `from`; a counter never written stands at 0),
 * `takeInvoiceNumbers` (the invoice counter on by the numbers a posting takes, the same way). Named
 * reads: `taken` (which of some numbers are held), `heldAs` (a held
 * number as its holder spelled it). The rules of taking a number with a
 * record are in `numbering/claims.ts`.
 */

/** A number space: the contact numbers of a sequence, or file numbers. */
export type NumberSpaceName = { kind: 'contact'; sequence: NumberingSequence } | { kind: 'file' };
type CounterName = NumberSpaceName | { kind: 'invoice' };

const INVOICE: CounterName = { kind: 'invoice' };

const counterKey = (c: CounterName) =>
  c.kind === 'contact' ? `COUNTER#CONTACT#${c.sequence}` : c.kind === 'file' ? 'COUNTER#FILE' : 'COUNTER#INVOICE';
const claimKey = (space: NumberSpaceName, number: string) =>
  space.kind === 'contact' ? `NUMBER#CONTACT#${space.sequence}#${numberKey(number)}` : `NUMBER#FILE#${numberKey(number)}`;

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

  /** Claims `number` for `ownerId` if it is free or already that owner's (a record made again under its own id keeps its number). */
  claimOwn: (firmId: string, space: NumberSpaceName, number: string, ownerId: string): TxItem => ({
    Put: {
      ...accountingTable.put(firmId, claimKey(space, number), { ownerId, number }).Put!,
      ConditionExpression: 'attribute_not_exists(pk) OR ownerId = :owner',
      ExpressionAttributeValues: { ':owner': ownerId },
    },
  }),

  /**
   * Frees `number` of the space if `ownerId` holds it (or nobody does): a
   * claim held by someone else fails the condition and stays, so an owner can
   * never free another's number.
   */
  release: (firmId: string, space: NumberSpaceName, number: string, ownerId: string): TxItem => ({
    Delete: {
      ...accountingTable.delete(firmId, claimKey(space, number)).Delete!,
      ConditionExpression: 'attribute_not_exists(pk) OR ownerId = :owner',
      ExpressionAttributeValues: { ':owner': ownerId },
    },
  }),

  /** How the holder of `number` (in any spelling) typed it, if anyone holds it: for telling a user why it is taken. */
  heldAs: async (firmId: string, space: NumberSpaceName, number: string): Promise<string | undefined> =>
    (await accountingTable.get<{ number?: string }>(firmId, claimKey(space, number)))?.number,

  /** Which of `numbers` are held in the space (strongly consistent; one read per 100). */
  taken: async (firmId: string, space: NumberSpaceName, numbers: readonly string[]): Promise<Set<string>> => {
    const held = await accountingTable.getMany(firmId, numbers.map((n) => claimKey(space, n)));
    return new Set(numbers.filter((n) => held.has(claimKey(space, n))));
  },

  /** The firm's last invoice number (0 before the first). */
  invoiceCounter: (firmId: string): Promise<number> => readCounter(firmId, INVOICE),

  /** `invoiceCounter` as a read to make together with others (`readTogether`). */
  readInvoiceCounter: (firmId: string): ReadOf<number> => ({
    store: accountingTable,
    firmId,
    sks: [counterKey(INVOICE)],
    answer: (found) => (found.get(counterKey(INVOICE)) as { value?: number } | undefined)?.value ?? 0,
  }),

  /** Takes invoice numbers `counter + 1` … `counter + count` together: the counter moves on, only if it still stands at `counter`. */
  takeInvoiceNumbers: (firmId: string, counter: number, count: number): TxItem => moveCounter(firmId, INVOICE, counter, counter + count),
};
