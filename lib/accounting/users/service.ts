import { commit, TransactionRefused } from '../../aws/transactions.ts';
import { newId } from '../../shared/ids.ts';
import { nowIso } from '../../shared/clock.ts';
import { Conflict } from '../../shared/errors.ts';
import type { ListQuery, Page } from '../../shared/page.ts';
import { userEntity, type UserRecord } from '../entities/user.entity.ts';
import type { AccountingUser, CreateAccountingUser } from './schemas.ts';

/**
 * Accounting's users. Time sent for billing is booked to the accounting user
 * with the timekeeper's email (case-insensitive), so emails are unique.
 */
export async function createAccountingUser(firmId: string, input: CreateAccountingUser): Promise<AccountingUser> {
  const now = nowIso();
  const record: UserRecord = { entity: 'user', firmId, id: newId('au'), ...input, version: 1, createdAt: now, updatedAt: now };
  try {
    await commit([userEntity.put(record, null), userEntity.claimEmail(firmId, input.email, record.id)]);
  } catch (error) {
    if (error instanceof TransactionRefused && error.failedAt(1)) {
      throw new Conflict('duplicate_email', `An accounting user with the email ${input.email} already exists.`);
    }
    throw error;
  }
  return userEntity.toApi(record);
}

export async function listAccountingUsers(firmId: string, query: ListQuery): Promise<Page<AccountingUser>> {
  const page = await userEntity.list(firmId, query);
  return { items: page.items.map(userEntity.toApi), nextCursor: page.nextCursor };
}

/** The ids of the accounting users with these emails (case-insensitive), by lower-cased email. */
export const accountingUsersByEmail = (firmId: string, emails: readonly string[]): Promise<Map<string, string>> =>
  userEntity.idsByEmail(firmId, emails);
