import { accountingKeys, accountingStore } from '../store.ts';
import type { TxItem } from '../../aws/book-store.ts';
import type { Page } from '../../shared/page.ts';
import type { AccountingContactRecord } from './model.ts';

/** Accounting contacts in the accounting table: one named function per access pattern. */
export const contactsRepo = {
  load: (firmId: string, id: string) => accountingStore.get<AccountingContactRecord>(firmId, accountingKeys.contact(id)),

  /** The accounting contact that mirrors a practice contact, if accounting made one. */
  async loadByPracticeId(firmId: string, practiceContactId: string): Promise<AccountingContactRecord | undefined> {
    const link = await accountingStore.get<{ contactId: string }>(firmId, accountingKeys.contactLink(practiceContactId));
    return link ? contactsRepo.load(firmId, link.contactId) : undefined;
  },

  put: (record: AccountingContactRecord, expected: number | null): TxItem =>
    accountingStore.putRecord(accountingKeys.contact(record.id), record, expected),

  putLink: (firmId: string, practiceContactId: string, contactId: string): TxItem =>
    accountingStore.putUnique(firmId, accountingKeys.contactLink(practiceContactId), { contactId }),

  list: (
    firmId: string,
    options: { limit: number; cursor?: string | undefined; filter?: (r: AccountingContactRecord) => boolean },
  ): Promise<Page<AccountingContactRecord>> => accountingStore.list(firmId, accountingKeys.contactPrefix, options),
};
