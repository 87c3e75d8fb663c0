import { practiceKeys, practiceStore } from '../store.ts';
import type { TxItem } from '../../aws/book-store.ts';
import type { Page } from '../../api/common-schemas.ts';
import type { PracticeContactRecord } from './model.ts';

/** Practice contacts in the practice table: one named function per access pattern. */
export const contactsRepo = {
  load: (firmId: string, id: string) => practiceStore.get<PracticeContactRecord>(firmId, practiceKeys.contact(id)),

  /** The practice contact that mirrors an accounting contact, if practice made one. */
  async loadByAccountingId(firmId: string, accountingContactId: string): Promise<PracticeContactRecord | undefined> {
    const link = await practiceStore.get<{ contactId: string }>(firmId, practiceKeys.contactLink(accountingContactId));
    return link ? contactsRepo.load(firmId, link.contactId) : undefined;
  },

  put: (record: PracticeContactRecord, expected: number | null): TxItem =>
    practiceStore.putRecord(practiceKeys.contact(record.id), record, expected),

  putLink: (firmId: string, accountingContactId: string, contactId: string): TxItem =>
    practiceStore.putUnique(firmId, practiceKeys.contactLink(accountingContactId), { contactId }),

  list: (
    firmId: string,
    options: { limit: number; cursor?: string | undefined; filter?: (r: PracticeContactRecord) => boolean },
  ): Promise<Page<PracticeContactRecord>> => practiceStore.list(firmId, practiceKeys.contactPrefix, options),
};
