import { linkMap, pendingLinks, versionedRecords } from '../../aws/entity.ts';
import { pickCommon, type ContactCommon } from '#events/contact';
import type { AccountingContactRecord } from '../contacts/model.ts';
import type { AccountingContact } from '../contacts/schemas.ts';
import { accountingTable } from './book.ts';

/**
 * Accounting contacts.
 *
 * | item | sort key | what it holds |
 * |---|---|---|
 * | contact | `CONTACT#<id>` | the record (version-guarded; in the `pending` index while its link is pending) |
 * | link map | `LINK#CONTACT#<practiceContactId>` | `{ contactId }`: which accounting contact mirrors a practice contact |
 *
 * The contact's number is held by a claim item of its number space (see
 * numbering.entity.ts), taken and freed in the same transaction as the contact.
 *
 * Transitions (the pure rules are in `contacts/model.ts`): created (pending
 * when it syncs), edited, created or updated from practice, linked, settled.
 * Each is a put of the record guarded by the version read (`null`: it must be
 * new). The link map is made with a contact created from practice's, only if
 * none exists (`putLink`: a re-sent message never makes a second contact);
 * when practice answers for a contact made here it is written as it stands
 * (`rememberLink`, no condition).
 */
const records = versionedRecords<AccountingContactRecord>(accountingTable, 'CONTACT#');
const links = linkMap(accountingTable, 'LINK#CONTACT#', 'contactId', records.get);

export const contactEntity = {
  ...records,

  /** The accounting contact that mirrors a practice contact, if there is one. */
  getByPracticeId: links.mirrorOf,

  /** The link map of a contact made from practice's: fails if one was made already. */
  putLink: links.create,

  /** Which accounting contact the link map names for a practice contact (it may be gone). */
  linkedIdOf: links.idOf,

  /** The link map of a contact made here, once practice says which contact mirrors it (written whatever is there). */
  rememberLink: links.remember,

  /** Contacts whose link stayed pending (the only records of this book in the `pending` index), for the reconciler. */
  pendingLinks: pendingLinks<AccountingContactRecord>(accountingTable),

  toApi: (r: AccountingContactRecord): AccountingContact => ({
    id: r.id,
    ...pickCommon(r as ContactCommon),
    kind: r.kind,
    numberingSequence: r.numberingSequence,
    contactNumber: r.contactNumber,
    link: r.link,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }),
};
