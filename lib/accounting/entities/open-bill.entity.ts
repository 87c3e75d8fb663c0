import type { TxItem } from '../../aws/transactions.ts';
import { accountingTable } from './book.ts';

/**
 * Open-bill claims: a file has at most one open (draft or approved) bill, so
 * no ledger entry or disbursement is ever on two bills.
 *
 * | item | sort key | what it holds |
 * |---|---|---|
 * | open-bill claim | `OPENBILL#<fileId>` | `{ billId }`: the file's open bill |
 *
 * Transitions: `claim` (with the draft, only if the file has no open bill),
 * `release` (when the bill is finalized or its draft deleted; no condition).
 */
const sk = (fileId: string) => `OPENBILL#${fileId}`;

export const openBillEntity = {
  /** The file's open bill, if it has one. */
  holder: async (firmId: string, fileId: string): Promise<string | undefined> =>
    (await accountingTable.get<{ billId: string }>(firmId, sk(fileId)))?.billId,

  /** Holds the file for `billId`: fails if it has an open bill already. */
  claim: (firmId: string, fileId: string, billId: string): TxItem => accountingTable.putUnique(firmId, sk(fileId), { billId }),

  /** Frees the file for its next bill. */
  release: (firmId: string, fileId: string): TxItem => accountingTable.delete(firmId, sk(fileId)),
};
