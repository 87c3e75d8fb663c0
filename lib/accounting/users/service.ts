import { accountingKeys, accountingStore } from '../store.ts';
import { TransactionRefused } from '../../aws/book-store.ts';
import { newId } from '../../shared/ids.ts';
import { nowIso } from '../../shared/clock.ts';
import { Conflict } from '../../shared/errors.ts';
import type { Page } from '../../shared/page.ts';
import type { AccountingUser, CreateAccountingUser } from './schemas.ts';

/**
 * Accounting's users. Time sent for billing is booked to the accounting user
 * with the timekeeper's email (case-insensitive), so emails are unique.
 */
interface UserRecord extends AccountingUser {
  entity: 'user';
  firmId: string;
}

const toApi = ({ entity: _e, firmId: _f, ...user }: UserRecord): AccountingUser => user;

export async function createAccountingUser(firmId: string, input: CreateAccountingUser): Promise<AccountingUser> {
  const now = nowIso();
  const record: UserRecord = { entity: 'user', firmId, id: newId('au'), ...input, version: 1, createdAt: now, updatedAt: now };
  try {
    await accountingStore.commit([
      accountingStore.putRecord(accountingKeys.user(record.id), record, null),
      accountingStore.putUnique(firmId, accountingKeys.userEmail(input.email), { userId: record.id }),
    ]);
  } catch (error) {
    if (error instanceof TransactionRefused && error.failedAt(1)) {
      throw new Conflict('duplicate_email', `An accounting user with the email ${input.email} already exists.`);
    }
    throw error;
  }
  return toApi(record);
}

export async function listAccountingUsers(firmId: string, query: { limit: number; cursor?: string | undefined }): Promise<Page<AccountingUser>> {
  const page = await accountingStore.list<UserRecord>(firmId, accountingKeys.userPrefix, query);
  return { items: page.items.map(toApi), nextCursor: page.nextCursor };
}

/** The accounting users with these emails (case-insensitive), by lower-cased email. */
export async function accountingUsersByEmail(firmId: string, emails: readonly string[]): Promise<Map<string, string>> {
  const claims = await accountingStore.getMany<{ userId: string; sk: string }>(firmId, emails.map(accountingKeys.userEmail));
  return new Map([...claims.values()].map((c) => [c.sk.slice('USEREMAIL#'.length), c.userId]));
}
