import type { Balance } from '#events/messages';
import { accountingKeys, accountingStore } from './store.ts';
import { firmPk, type TxItem } from '../aws/book-store.ts';
import { outboxEntry } from '../sync/outbox.ts';
import { money, toMoney } from '../shared/money.ts';
import { nowIso } from '../shared/clock.ts';

/**
 * A file's balance: unbilled work and disbursements, billed, paid, and what
 * is outstanding (billed − paid). Every change is one guarded step of `seq`
 * written with the change that caused it, and announced to practice, which
 * keeps its own copy for `GET /practice/matters/{id}/balance`.
 */
export interface BalanceRecord extends Balance {
  fileId: string;
  seq: number;
}

export type BalanceDelta = Partial<Record<'unbilled' | 'billed' | 'paid', string>>;

export async function loadBalance(firmId: string, fileId: string): Promise<BalanceRecord> {
  return (
    (await accountingStore.get<BalanceRecord>(firmId, accountingKeys.balance(fileId))) ?? {
      fileId,
      seq: 0,
      unbilled: '0.00',
      billed: '0.00',
      paid: '0.00',
      outstanding: '0.00',
    }
  );
}

export function applyDelta(current: BalanceRecord, delta: BalanceDelta): BalanceRecord {
  const unbilled = money(current.unbilled).plus(delta.unbilled ?? 0);
  const billed = money(current.billed).plus(delta.billed ?? 0);
  const paid = money(current.paid).plus(delta.paid ?? 0);
  return {
    fileId: current.fileId,
    seq: current.seq + 1,
    unbilled: toMoney(unbilled),
    billed: toMoney(billed),
    paid: toMoney(paid),
    outstanding: toMoney(billed.minus(paid)),
  };
}

/**
 * The items that move a file's balance by `delta`: the guarded balance put
 * (it fails if another change got there first: retry from a fresh read) and
 * the message to practice. The balance put is the first item.
 */
export async function balanceChange(
  firmId: string,
  file: { id: string; practiceMatterId: string },
  delta: BalanceDelta,
): Promise<TxItem[]> {
  const current = await loadBalance(firmId, file.id);
  const next = applyDelta(current, delta);
  const { fileId: _f, seq, ...balance } = next;
  return [
    {
      Put: {
        TableName: accountingStore.table,
        Item: { ...next, pk: firmPk(firmId), sk: accountingKeys.balance(file.id) },
        ConditionExpression: current.seq === 0 ? 'attribute_not_exists(pk)' : 'seq = :seq',
        ...(current.seq === 0 ? {} : { ExpressionAttributeValues: { ':seq': current.seq } }),
      },
    },
    accountingStore.putOutbox(
      outboxEntry('toPractice', {
        type: 'accounting.file.balance_changed',
        firmId,
        practiceMatterId: file.practiceMatterId,
        accountingFileId: file.id,
        seq,
        balance,
        asOf: nowIso(),
      }),
    ),
  ];
}
