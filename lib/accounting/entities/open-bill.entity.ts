import type { TxItem } from '../../aws/transactions.ts';
import { accountingTable } from './book.ts';

/**
 * Open-bill claims: a file has at most one draft bill at a time, so users
 * never draft the same work twice by accident. (That no ledger entry is ever
 * on two posted bills does not rest on this: posting bills each entry only
 * if it is still unbilled.)
 *
 * | item | sort key | what it holds |
 * |---|---|---|
 * | open-bill claim | `OPENBILL#<fileId>` | `{ billId }`: the file's draft |
 *
 * Transitions: `claim` (with the draft, or by a revert, only if the file has
 * no draft), `release` (when the bill is posted or its draft deleted, only
 * that bill's own claim).
 */
const sk = (fileId: string) => `OPENBILL#${fileId}`;

export const openBillEntity = {
  /** The file's draft, if it has one. */
  holder: async (firmId: string, fileId: string): Promise<string | undefined> =>
    (await accountingTable.get<{ billId: string }>(firmId, sk(fileId)))?.billId,

  /** Holds the file for `billId`: fails if another bill holds it (the same bill holding it already is fine). */
  claim: (firmId: string, fileId: string, billId: string): TxItem => ({
    Put: {
      ...accountingTable.put(firmId, sk(fileId), { billId }).Put!,
      ConditionExpression: 'attribute_not_exists(pk) OR billId = :bill',
      ExpressionAttributeValues: { ':bill': billId },
    },
  }),

  /** Frees the file for its next draft, if `billId` holds it (or nobody does). */
  release: (firmId: string, fileId: string, billId: string): TxItem => ({
    Delete: {
      ...accountingTable.delete(firmId, sk(fileId)).Delete!,
      ConditionExpression: 'attribute_not_exists(pk) OR billId = :bill',
      ExpressionAttributeValues: { ':bill': billId },
    },
  }),
};
