import { firmPk } from '../../aws/book-store.ts';
import { numbersIndexKeys, numbersPartitions } from '../../aws/pending-index.ts';
import type { TxItem } from '../../aws/transactions.ts';
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
 * | invoice counter | `COUNTER#INVOICE` | `{ value, checked, watch }`: the last invoice number taken; every number up to `checked` is known to be on an invoice record (issued, held or void); `watch` is a value the counter stood at one grace period or more ago; while numbers are unchecked it is in the `pending` index under `NUMBERS#<shard>` (numbersIndexKeys) |
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
 * `reserveInvoiceNumbers` (the invoice counter on by a plain ADD, outside any
 * transaction, so approvals never conflict on it; `giveBackInvoiceNumbers`
 * undoes the last reservation if nothing came after it), and the checker's
 * `watchInvoiceCounter` / `invoiceNumbersChecked` (lib/accounting/bills/unused-numbers.ts). Named
 * reads: `taken` (which of some numbers are held), `heldAs` (a held
 * number as its holder spelled it). The rules of taking a number with a
 * record are in `numbering/claims.ts`.
 */

/** A number space: the contact numbers of a sequence, or file numbers. */
export type NumberSpaceName = { kind: 'contact'; sequence: NumberingSequence } | { kind: 'file' };
type CounterName = NumberSpaceName | { kind: 'invoice' };

const INVOICE: CounterName = { kind: 'invoice' };
const INVOICE_SK = 'COUNTER#INVOICE';

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

  /**
   * Reserves `count` consecutive invoice numbers and answers the first. A
   * plain ADD: concurrent approvals of a firm queue on the item instead of
   * refusing each other's transactions. The counter joins the index of
   * counters with unchecked numbers (if it is not in it yet), so a number a
   * crash left off every invoice is found and voided.
   */
  async reserveInvoiceNumbers(firmId: string, count: number, now: string): Promise<number> {
    const index = numbersIndexKeys(firmId, INVOICE_SK, now);
    const item = await accountingTable.update<InvoiceCounterItem>(firmId, INVOICE_SK, {
      UpdateExpression: 'ADD #value :n SET pendingPk = if_not_exists(pendingPk, :ppk), pendingSk = if_not_exists(pendingSk, :psk)',
      ExpressionAttributeNames: { '#value': 'value' },
      ExpressionAttributeValues: { ':n': count, ':ppk': index.pendingPk, ':psk': index.pendingSk },
    });
    return item.value! - count + 1;
  },

  /**
   * Gives back the numbers `first` … `first + count - 1` of a reservation no
   * invoice will use: only if they are still the last ones taken and the
   * checker has not watched the counter past them. Answers whether it did.
   */
  async giveBackInvoiceNumbers(firmId: string, first: number, count: number): Promise<boolean> {
    return accountingTable.updateIf(firmId, INVOICE_SK, {
      UpdateExpression: 'SET #value = :before',
      ConditionExpression: '#value = :top AND (attribute_not_exists(watch) OR watch <= :before)',
      ExpressionAttributeNames: { '#value': 'value' },
      ExpressionAttributeValues: { ':before': first - 1, ':top': first + count - 1 },
    });
  },

  /** Firms whose invoice counter has had numbers unchecked since before `before`, oldest first. */
  async countersToCheck(before: string, limit: number): Promise<string[]> {
    const keys = await accountingTable.pendingSince(before, limit, numbersPartitions);
    return keys.filter((k) => k.sk === INVOICE_SK).map((k) => k.firmId);
  },

  /** Where the firm's invoice counter and its checking stand. */
  async invoiceCounterState(firmId: string): Promise<InvoiceCounterState> {
    const item = await accountingTable.get<InvoiceCounterItem>(firmId, INVOICE_SK);
    return { value: item?.value ?? 0, checked: item?.checked ?? 0, ...(item?.watch !== undefined ? { watch: item.watch } : {}) };
  },

  /**
   * Notes that the counter stands at `value` now (only if it does): every
   * number up to it was reserved by now, so once a grace period has passed
   * (the index entry is dated `now`) a number without an invoice is unused.
   */
  async watchInvoiceCounter(firmId: string, value: number, now: string): Promise<boolean> {
    return accountingTable.updateIf(firmId, INVOICE_SK, {
      UpdateExpression: 'SET watch = :v, pendingSk = :psk',
      ConditionExpression: '#value = :v',
      ExpressionAttributeNames: { '#value': 'value' },
      ExpressionAttributeValues: { ':v': value, ':psk': numbersIndexKeys(firmId, INVOICE_SK, now).pendingSk },
    });
  },

  /**
   * Every number up to `to` is on an invoice record. Reaching the watch, the
   * counter leaves the index if nothing was reserved since; otherwise the
   * watch goes and the next check watches it afresh.
   */
  async invoiceNumbersChecked(firmId: string, state: InvoiceCounterState & { watch: number }, to: number): Promise<void> {
    const names = { '#value': 'value' };
    const values = { ':from': state.checked, ':to': to, ':w': state.watch };
    const checkedWas = state.checked === 0 ? '(attribute_not_exists(checked) OR checked = :from)' : 'checked = :from';
    const guarded = (update: string, condition: string): Promise<boolean> =>
      accountingTable.updateIf(firmId, INVOICE_SK, { UpdateExpression: update, ConditionExpression: `${checkedWas} AND watch = :w AND ${condition}`, ExpressionAttributeNames: names, ExpressionAttributeValues: values });
    if (to < state.watch) {
      await guarded('SET checked = :to', '#value >= :w');
      return;
    }
    if (await guarded('SET checked = :to REMOVE watch, pendingPk, pendingSk', '#value = :w')) return;
    await guarded('SET checked = :to REMOVE watch', '#value >= :w');
  },
};

export interface InvoiceCounterState {
  /** The last number reserved. */
  value: number;
  /** Every number up to this one is on an invoice record. */
  checked: number;
  /** A value the counter stood at when the checker last looked (see `watchInvoiceCounter`). */
  watch?: number;
}

interface InvoiceCounterItem {
  value?: number;
  checked?: number;
  watch?: number;
}
