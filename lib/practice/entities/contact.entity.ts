import { versionedRecords } from '../../aws/entity.ts';
import type { TxItem } from '../../aws/transactions.ts';
import { pickCommon } from '#events/contact';
import type { PracticeContactRecord } from '../contacts/model.ts';
import type { PracticeContact } from '../contacts/schemas.ts';
import { practiceTable } from './book.ts';

/**
 * Practice contacts.
 *
 * | item | sort key | what it holds |
 * |---|---|---|
 * | contact | `CONTACT#<id>` | the record (version-guarded; in the `pending` index while its link is pending) |
 * | link map | `LINK#CONTACT#<accountingContactId>` | `{ contactId }`: made once with the contact accounting created, so a re-sent message never makes a second one |
 *
 * Transitions (the pure rules are in `contacts/model.ts`): created pending,
 * edited (pending again), applied from accounting, linked, link failed.
 */
const records = versionedRecords<PracticeContactRecord>(practiceTable, 'CONTACT#');
const linkKey = (accountingContactId: string) => `LINK#CONTACT#${accountingContactId}`;

export const contactEntity = {
  ...records,

  /** The practice contact that mirrors an accounting contact, if practice made one. */
  async getByAccountingId(firmId: string, accountingContactId: string): Promise<PracticeContactRecord | undefined> {
    const link = await practiceTable.get<{ contactId: string }>(firmId, linkKey(accountingContactId));
    return link ? records.get(firmId, link.contactId) : undefined;
  },

  /** The link map of a contact made from accounting's: fails if one was made already. */
  putLink: (firmId: string, accountingContactId: string, contactId: string): TxItem =>
    practiceTable.putUnique(firmId, linkKey(accountingContactId), { contactId }),

  toApi: (r: PracticeContactRecord): PracticeContact => ({
    id: r.id,
    ...pickCommon(r),
    numberingSequence: r.numberingSequence,
    reference: r.reference,
    rateOverrides: r.rateOverrides,
    link: r.link,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }),
};
