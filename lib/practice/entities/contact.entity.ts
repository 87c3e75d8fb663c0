import { linkMap, versionedRecords } from '../../aws/entity.ts';
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
const links = linkMap(practiceTable, 'LINK#CONTACT#', 'contactId', records.get);

export const contactEntity = {
  ...records,

  /** The practice contact that mirrors an accounting contact, if practice made one. */
  getByAccountingId: links.mirrorOf,

  /** The link map of a contact made from accounting's: fails if one was made already. */
  putLink: links.create,

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
