import type { Balance } from '#events/messages';
import type { TxItem } from '../../aws/transactions.ts';
import type { MatterBalance } from '../matters/schemas.ts';
import { practiceTable } from './book.ts';

/**
 * Practice's copy of a matter's balance, as accounting last reported it.
 *
 * | item | sort key | what it holds |
 * |---|---|---|
 * | balance | `BALANCE#MATTER#<matterId>` | `{ seq, balance, asOf }`: accounting's report number `seq`, the amounts, when accounting computed them |
 *
 * Transition: `put` replaces the copy only with a newer report (no item yet,
 * or a lower `seq`), so a late, older report changes nothing.
 */
const balanceKey = (matterId: string) => `BALANCE#MATTER#${matterId}`;

const zeroBalance: Balance = { unbilled: '0.00', billed: '0.00', paid: '0.00', outstanding: '0.00' };

export interface MatterBalanceRecord {
  seq: number;
  balance: Balance;
  asOf: string;
}

export const matterBalanceEntity = {
  get: async (firmId: string, matterId: string): Promise<MatterBalanceRecord | undefined> => {
    const item = await practiceTable.get<MatterBalanceRecord>(firmId, balanceKey(matterId));
    return item && { seq: item.seq, balance: item.balance, asOf: item.asOf };
  },

  /** Stores a reported balance, only if it is newer than the one stored. */
  put: (firmId: string, matterId: string, report: MatterBalanceRecord): TxItem => {
    const { Put } = practiceTable.put(firmId, balanceKey(matterId), { seq: report.seq, balance: report.balance, asOf: report.asOf });
    return {
      Put: { ...Put!, ConditionExpression: 'attribute_not_exists(pk) OR seq < :seq', ExpressionAttributeValues: { ':seq': report.seq } },
    };
  },

  /** The balance as the API shows it: zero, with no date, until accounting has reported one. */
  toApi: (r: MatterBalanceRecord | undefined): MatterBalance => ({ ...(r?.balance ?? zeroBalance), updatedAt: r?.asOf ?? null }),
};
