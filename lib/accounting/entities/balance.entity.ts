import { firmPk, strip } from '../../aws/book-store.ts';
import type { TxItem } from '../../aws/transactions.ts';
import { balanceAnnouncement } from '../../sync/outbox.entity.ts';
import { centsOf, netChanges, type BalanceChange, type BalanceDelta, type BalanceRecord } from '../balances.ts';
import { accountingTable } from './book.ts';

/**
 * File balances (the figures and their rules are in `balances.ts`).
 *
 * | item | key | what it holds |
 * |---|---|---|
 * | balance | `BALANCE#FILE#<fileId>` | a BalanceRecord: whole cents and `seq`, moved only by atomic ADDs |
 * | announcement | in the outbox table (lib/sync/outbox.entity.ts) | the files a transaction moved; the balance publisher reads their balances and tells practice |
 *
 * Transitions: `add` (an unconditional ADD of the delta's cents and of `seq`,
 * so concurrent changes never conflict or get lost; the first one makes the
 * item) and `changes` (the adds of a transaction, one per file, and their
 * announcement).
 */

const sk = (fileId: string) => `BALANCE#FILE#${fileId}`;

/** The update that moves a file's balance by `delta` (money strings, may be negative). */
function add(firmId: string, file: { id: string; practiceMatterId: string }, delta: BalanceDelta): TxItem {
  const cents = centsOf(delta);
  return {
    Update: {
      TableName: accountingTable.table,
      Key: { pk: firmPk(firmId), sk: sk(file.id) },
      UpdateExpression:
        'SET entity = :entity, firmId = :firm, fileId = :file, practiceMatterId = :matter ADD unbilledCents :u, billedCents :b, paidCents :p, seq :one',
      ExpressionAttributeValues: {
        ':entity': 'balance',
        ':firm': firmId,
        ':file': file.id,
        ':matter': file.practiceMatterId,
        ':u': cents.unbilled,
        ':b': cents.billed,
        ':p': cents.paid,
        ':one': 1,
      },
    },
  };
}

export const balanceEntity = {
  /** The balances of these files (files whose balance never moved are absent), by file id. */
  async getMany(firmId: string, fileIds: readonly string[]): Promise<Map<string, BalanceRecord>> {
    const found = await accountingTable.getMany<BalanceRecord>(firmId, fileIds.map(sk));
    return new Map([...found.values()].map((b) => [b.fileId, strip(b)]));
  },

  add,

  /**
   * The items that move the files' balances and announce it: one update per
   * file (a transaction may touch an item only once, so deltas of the same
   * file are summed), files whose sum is zero left out; none if nothing moves.
   */
  changes(firmId: string, changes: readonly BalanceChange[]): TxItem[] {
    const moving = netChanges(changes);
    if (!moving.length) return [];
    return [...moving.map((c) => add(firmId, c.file, c.delta)), balanceAnnouncement(firmId, moving.map((c) => c.file.id))];
  },
};
