import type * as z from 'zod';
import type { AccountingBalanceChanged, Balance, MessageDraft } from '#events/messages';
import { money } from '../shared/money.ts';

/**
 * A file's balance: unbilled billable work and disbursements, billed, paid,
 * and outstanding (billed − paid), kept in whole cents. Each change moves it
 * in the same transaction as the change that causes it and announces that it
 * moved (entities/balance.entity.ts); the balance publisher then reads it and
 * tells practice (see balance-publisher.ts). The pure rules are here.
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

/** A move of one file's balance. */
export interface BalanceChange {
  file: { id: string; practiceMatterId: string };
  delta: BalanceDelta;
}

const cents = (amount: string) => money(amount).times(100).toNumber();
const fromCents = (value: number) => money(value).div(100).toFixed(2);

/** A delta in whole cents (absent fields move nothing). */
export const centsOf = (delta: BalanceDelta) => ({
  unbilled: cents(delta.unbilled ?? '0'),
  billed: cents(delta.billed ?? '0'),
  paid: cents(delta.paid ?? '0'),
});

/** The changes summed per file, in order of each file's first change; files whose sum is zero left out. */
export function netChanges(changes: readonly BalanceChange[]): BalanceChange[] {
  const byFile = new Map<string, BalanceChange>();
  for (const { file, delta } of changes) {
    const sum = byFile.get(file.id) ?? { file, delta: {} };
    for (const [field, amount] of Object.entries(delta) as [keyof BalanceDelta, string | undefined][]) {
      if (amount !== undefined) sum.delta[field] = money(sum.delta[field] ?? '0').plus(amount).toFixed(2);
    }
    byFile.set(file.id, sum);
  }
  return [...byFile.values()].filter((c) => Object.values(c.delta).some((amount) => !money(amount!).eq(0)));
}

export function balanceOf(r: Pick<BalanceRecord, 'unbilledCents' | 'billedCents' | 'paidCents'>): Balance {
  return {
    unbilled: fromCents(r.unbilledCents),
    billed: fromCents(r.billedCents),
    paid: fromCents(r.paidCents),
    outstanding: fromCents(r.billedCents - r.paidCents),
  };
}

/** The message announcing a balance, from the balance as read after the commits that moved it. */
export function balanceMessage(r: BalanceRecord, asOf: string): MessageDraft<z.infer<typeof AccountingBalanceChanged>> {
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
