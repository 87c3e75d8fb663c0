import { versionedRecords } from '../../aws/entity.ts';
import type { TxItem } from '../../aws/transactions.ts';
import type { UserRecord } from '../users/model.ts';
import type { User } from '../users/schemas.ts';
import { practiceTable } from './book.ts';

/**
 * Practice users (timekeepers).
 *
 * | item | sort key | what it holds |
 * |---|---|---|
 * | user | `USER#<id>` | the record (version-guarded) |
 * | email claim | `USEREMAIL#<email, lower-cased>` | `{ userId }`: holds the email, so two users of a firm never share one (case-insensitively) |
 *
 * Transitions: created (with its email claim), edited (a changed email
 * claims the new one and releases the old in the same transaction),
 * rewritten when a rate label it names is merged away. A claim fails if
 * another user holds the email.
 */
const records = versionedRecords<UserRecord>(practiceTable, 'USER#');
const emailKey = (email: string) => `USEREMAIL#${email.toLowerCase()}`;

export const userEntity = {
  ...records,

  /** Which of these ids are not users of the firm. */
  async missing(firmId: string, ids: readonly string[]): Promise<Set<string>> {
    const found = await records.getMany(firmId, ids);
    return new Set(ids.filter((id) => !found.has(id)));
  },

  /** Holds the email for this user: fails if another user of the firm has it. */
  claimEmail: (firmId: string, email: string, userId: string): TxItem => practiceTable.putUnique(firmId, emailKey(email), { userId }),

  releaseEmail: (firmId: string, email: string): TxItem => practiceTable.delete(firmId, emailKey(email)),

  toApi: (r: UserRecord): User => ({
    id: r.id,
    name: r.name,
    ...(r.firstName !== undefined ? { firstName: r.firstName } : {}),
    ...(r.lastName !== undefined ? { lastName: r.lastName } : {}),
    email: r.email,
    ...(r.systemRoleId !== undefined ? { systemRoleId: r.systemRoleId } : {}),
    ...(r.defaultRateLabelId !== undefined ? { defaultRateLabelId: r.defaultRateLabelId } : {}),
    ...(r.classification !== undefined ? { classification: r.classification } : {}),
    ...(r.ledesId !== undefined ? { ledesId: r.ledesId } : {}),
    customRates: r.customRates,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }),
};
