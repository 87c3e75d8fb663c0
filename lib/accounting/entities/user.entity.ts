import { versionedRecords } from '../../aws/entity.ts';
import type { TxItem } from '../../aws/transactions.ts';
import type { AccountingUser } from '../users/schemas.ts';
import { accountingTable } from './book.ts';

/**
 * Accounting users. Time sent for billing is booked to the accounting user
 * with the timekeeper's email (case-insensitive), so emails are unique.
 *
 * | item | sort key | what it holds |
 * |---|---|---|
 * | user | `USER#<id>` | the record |
 * | email claim | `USEREMAIL#<lower-cased email>` | `{ userId }`: holds the email, one user per email |
 *
 * Transitions: created (`put(record, null)`) with its email claimed in the
 * same transaction (`claimEmail`, only if no user holds the email).
 */
export interface UserRecord extends AccountingUser {
  entity: 'user';
  firmId: string;
}

const records = versionedRecords<UserRecord>(accountingTable, 'USER#');
const emailKey = (email: string) => `USEREMAIL#${email.toLowerCase()}`;

export const userEntity = {
  put: records.put,
  list: records.list,

  /** Holds an email for a user: fails if another user holds it. */
  claimEmail: (firmId: string, email: string, userId: string): TxItem => accountingTable.putUnique(firmId, emailKey(email), { userId }),

  /** The ids of the users with these emails (case-insensitive), by lower-cased email. */
  async idsByEmail(firmId: string, emails: readonly string[]): Promise<Map<string, string>> {
    const claims = await accountingTable.getMany<{ userId: string }>(firmId, emails.map(emailKey));
    const ids = new Map<string, string>();
    for (const email of emails) {
      const claim = claims.get(emailKey(email));
      if (claim) ids.set(email.toLowerCase(), claim.userId);
    }
    return ids;
  },

  toApi: (r: UserRecord): AccountingUser => ({
    id: r.id,
    name: r.name,
    email: r.email,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }),
};
