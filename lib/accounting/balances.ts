import type * as z from 'zod';
import type { AccountingBalanceChanged, Balance, Draft } from '#events/messages';
import { accountingKeys, accountingStore } from './store.ts';
import { firmPk, type TxItem } from '../aws/book-store.ts';
import { money } from '../shared/money.ts';
import { newId } from '../shared/ids.ts';
import { outboxExpiry, putInOutbox } from '../sync/outbox.ts';

/**
 * A file's balance: unbilled billable work and disbursements, billed, paid,
 * and outstanding (billed − paid). Each change is an atomic ADD of whole
 * cents (and of `seq`) in the same transaction as the change that causes it,
 * so concurrent changes never conflict or get lost. The same transaction puts
 * one announcement naming the files it moved in the outbox table; the balance
 * publisher reads those balances and tells practice (see balance-publisher).
 */
export interface BalanceRecord {
  entity: 'balance';
  firmId: string;
  fileId: string;
  practiceMatterId: string;
  unbilledCents: number;
  billedCents: number;
  paidCents: number;
  seq: number;
}

export type BalanceDelta = Partial<Record<'unbilled' | 'billed' | 'paid', string>>;

const cents = (amount: string) => money(amount).times(100).toNumber();
const fromCents = (value: number) => money(value).div(100).toFixed(2);

/**
 * Says that a transaction moved these files' balances. It carries no figures:
 * the publisher reads each balance after the commit, so what practice hears is
 * never older than this change, and `seq` orders what it hears.
 */
export interface BalanceAnnouncement {
  pk: string;
  sk: 'ANNOUNCE';
  entity: 'balance_announcement';
  firmId: string;
  fileIds: string[];
  expiresAt: number;
}

/**
 * The items that move the files' balances and announce it: one update per
 * file (a transaction may touch an item only once, so deltas of the same file
 * are summed), files whose sum is zero left out; none if nothing moves.
 */
export function balanceChanges(firmId: string, changes: readonly { file: { id: string; practiceMatterId: string }; delta: BalanceDelta }[]): TxItem[] {
  const byFile = new Map<string, { file: { id: string; practiceMatterId: string }; delta: BalanceDelta }>();
  for (const { file, delta } of changes) {
    const sum = byFile.get(file.id) ?? { file, delta: {} };
    for (const [field, amount] of Object.entries(delta) as [keyof BalanceDelta, string | undefined][]) {
      if (amount !== undefined) sum.delta[field] = money(sum.delta[field] ?? '0').plus(amount).toFixed(2);
    }
    byFile.set(file.id, sum);
  }
  const moving = [...byFile.values()].filter((c) => Object.values(c.delta).some((amount) => !money(amount!).eq(0)));
  if (!moving.length) return [];
  const announcement: BalanceAnnouncement = {
    pk: `BALANCE#${newId('msg')}`,
    sk: 'ANNOUNCE',
    entity: 'balance_announcement',
    firmId,
    fileIds: moving.map((c) => c.file.id),
    expiresAt: outboxExpiry(),
  };
  return [...moving.map((c) => balanceAdd(firmId, c.file, c.delta)), putInOutbox(announcement)];
}

/** The update that moves a file's balance by `delta` (money strings, may be negative). */
export function balanceAdd(firmId: string, file: { id: string; practiceMatterId: string }, delta: BalanceDelta): TxItem {
  return {
    Update: {
      TableName: accountingStore.table,
      Key: { pk: firmPk(firmId), sk: accountingKeys.balance(file.id) },
      UpdateExpression:
        'SET entity = :entity, firmId = :firm, fileId = :file, practiceMatterId = :matter ADD unbilledCents :u, billedCents :b, paidCents :p, seq :one',
      ExpressionAttributeValues: {
        ':entity': 'balance',
        ':firm': firmId,
        ':file': file.id,
        ':matter': file.practiceMatterId,
        ':u': cents(delta.unbilled ?? '0'),
        ':b': cents(delta.billed ?? '0'),
        ':p': cents(delta.paid ?? '0'),
        ':one': 1,
      },
    },
  };
}

export function balanceOf(r: Pick<BalanceRecord, 'unbilledCents' | 'billedCents' | 'paidCents'>): Balance {
  return {
    unbilled: fromCents(r.unbilledCents),
    billed: fromCents(r.billedCents),
    paid: fromCents(r.paidCents),
    outstanding: fromCents(r.billedCents - r.paidCents),
  };
}

export async function loadBalance(firmId: string, fileId: string): Promise<Balance> {
  const record = await accountingStore.get<BalanceRecord>(firmId, accountingKeys.balance(fileId));
  return balanceOf(record ?? { unbilledCents: 0, billedCents: 0, paidCents: 0 });
}

/** The message announcing a balance, from the balance item as the stream shows it. */
export function balanceMessage(r: BalanceRecord, asOf: string): Draft<z.infer<typeof AccountingBalanceChanged>> {
  return {
    type: 'accounting.file.balance_changed',
    firmId: r.firmId,
    practiceMatterId: r.practiceMatterId,
    accountingFileId: r.fileId,
    seq: r.seq,
    balance: balanceOf(r),
    asOf,
  };
}
