import type * as z from 'zod';
import type { PracticeContactLinked, PracticeContactUpserted } from '#events/messages';
import { accountingSettingsForSync } from '../settings/service.ts';
import { outboxMessage } from '../../sync/outbox.entity.ts';
import { commit, TransactionRefused, type TxItem } from '../../aws/transactions.ts';
import { newId } from '../../shared/ids.ts';
import { nowIso } from '../../shared/clock.ts';
import { NotFound } from '../../shared/errors.ts';
import { faultPoint } from '../../shared/faults.ts';
import { logger } from '../../shared/logger.ts';
import { Retry, retrying } from '../../shared/retry.ts';
import { commitWithNumber, DuplicateNumber } from '../numbering/claims.ts';
import { contactNumberSpace, numberingSequenceFor, renumbering } from './numbering.ts';
import { contactEntity } from '../entities/contact.entity.ts';
import { numberingEntity } from '../entities/numbering.entity.ts';
import {
  applyLinked,
  fromPractice,
  isNewer,
  linkedMessage,
  linkFailedMessage,
  settled,
  withRemote,
  type AccountingContactRecord,
} from './model.ts';

/**
 * How accounting applies what practice says about contacts. Idempotent on the
 * practice contact id and its clock: a duplicate delivery or a retry after a
 * crash changes nothing twice and never makes a second contact or number.
 */

type Upserted = z.infer<typeof PracticeContactUpserted>;

const answer = (record: AccountingContactRecord) => outboxMessage('toPractice', linkedMessage(record));

export function onPracticeContactUpserted(m: Upserted): Promise<void> {
  // A message without our id is nearly always a new contact: create it straight away rather than look it up
  // first. The link item's condition catches one that exists (a re-send, a duplicate delivery), and only then
  // is it loaded and updated.
  let mayBeNew = !m.accountingContactId;
  return retrying(async () => {
    const settings = await accountingSettingsForSync(m.firmId);
    if (!settings.integrationEnabled) {
      await refuse(m, 'invalid', 'The practice integration is switched off in accounting.');
      return;
    }
    if (mayBeNew) {
      if (await createFromPractice(m, settings.separateContactNumbering)) return;
      mayBeNew = false;
    }
    const current = m.accountingContactId
      ? await contactEntity.get(m.firmId, m.accountingContactId)
      : await contactEntity.getByPracticeId(m.firmId, m.practiceContactId);
    if (!current) {
      // Practice names a twin that is gone: make it again (under its id, while accounting still maps the
      // practice contact to it), or afresh when accounting has forgotten the pair altogether.
      if (m.accountingContactId) {
        const linked = await contactEntity.linkedIdOf(m.firmId, m.practiceContactId);
        if (linked === m.accountingContactId) return recreateTwin(m, linked, settings.separateContactNumbering);
        if (linked !== undefined) throw new NotFound(`Accounting contact ${m.accountingContactId}`);
      }
      mayBeNew = true;
      throw new Retry('linked contact not found; create it');
    }
    await updateFromPractice(current, m);
  });
}

/**
 * The contact, its number, its link map entry and the answer, in one
 * transaction. False when the practice contact is linked already (nothing written).
 */
async function createFromPractice(m: Upserted, accountingSeparate: boolean): Promise<boolean> {
  const id = newId('ac');
  const numberSpace = numberingSequenceFor(accountingSeparate, m.practiceSeparateNumbering, m.numberingSequence);
  faultPoint('accounting.contact.beforeCreate', m.firmId);
  try {
    await commitWithNumber({ firmId: m.firmId, space: contactNumberSpace(numberSpace), requested: m.reference, ownerId: id }, (contactNumber) => {
      const record = fromPractice(id, m, { contactNumber, numberSpace }, nowIso());
      return [contactEntity.put(record, null), contactEntity.putLink(m.firmId, m.practiceContactId, id), answer(record)];
    });
  } catch (error) {
    // Linked already: this message is a re-send or a duplicate, or another delivery created it first.
    if (error instanceof TransactionRefused && error.failedAt(1)) return false;
    if (error instanceof DuplicateNumber) {
      await refuse(m, 'duplicate_number', error.message);
      return true;
    }
    throw error;
  }
  faultPoint('accounting.contact.afterCreate', m.firmId);
  return true;
}

/**
 * The accounting contact that practice's contact is linked to is gone (lost,
 * or removed by hand) while its link map remains: it is made again under the
 * same id, with the number practice shows, so every reference to it holds
 * again and practice's link settles on the next answer. Made only if it
 * does not exist (two deliveries at once make it once); its number is
 * claimed unless someone else holds it now (then a duplicate_number, as for
 * any taken number; the user picks another and saves again). Without a
 * number it is numbered as a new contact would be, without moving the
 * sequence back.
 */
async function recreateTwin(m: Upserted, id: string, accountingSeparate: boolean): Promise<void> {
  const numberSpace = numberingSequenceFor(accountingSeparate, m.practiceSeparateNumbering, m.numberingSequence);
  const space = contactNumberSpace(numberSpace);
  const make = (contactNumber: string) => {
    const record = fromPractice(id, m, { contactNumber, numberSpace }, nowIso());
    return [contactEntity.put(record, null), contactEntity.rememberLink(m.firmId, m.practiceContactId, id), answer(record)];
  };
  logger.warn('accounting contact gone; making it again', { accountingContactId: id, practiceContactId: m.practiceContactId });
  const own = m.reference ? make(m.reference) : [];
  try {
    if (m.reference) await commit([...own, numberingEntity.claimOwn(m.firmId, space.name, m.reference, id)]);
    else await commitWithNumber({ firmId: m.firmId, space, ownerId: id }, make);
  } catch (error) {
    if (error instanceof TransactionRefused && error.failedAt(0)) throw new Retry('made again concurrently');
    // The claim, right after the contact's own items, is held by someone else now.
    if (m.reference && error instanceof TransactionRefused && error.failedAt(own.length)) {
      return refuse(m, 'duplicate_number', new DuplicateNumber(m.reference).message);
    }
    throw error;
  }
}

async function updateFromPractice(current: AccountingContactRecord, m: Upserted): Promise<void> {
  const order = isNewer(m, current);
  if (order < 0) {
    logger.info('older contact state ignored', { contactId: current.id });
    return;
  }
  if (order === 0) {
    // Already applied (a duplicate, or a re-send after a lost answer): settle and answer again.
    const next = settled(current, m.practiceContactId, nowIso());
    await commitChange(current, next, answer(next ?? current));
    return;
  }
  const contactNumber = m.reference ?? current.contactNumber;
  const next = withRemote(current, m, contactNumber, nowIso());
  if (contactNumber === current.contactNumber) {
    await commitChange(current, next, answer(next));
    return;
  }
  const items = [contactEntity.put(next, current.version), answer(next)];
  try {
    await commitWithNumber(renumbering(current, contactNumber), () => items);
  } catch (error) {
    if (error instanceof DuplicateNumber) return refuse(m, 'duplicate_number', error.message);
    if (error instanceof TransactionRefused && error.failedAt(0)) throw new Retry('contact changed meanwhile');
    throw error;
  }
}

/** Tells practice its latest state could not be taken; nothing else is written. */
async function refuse(m: Upserted, code: 'duplicate_number' | 'invalid', message: string): Promise<void> {
  logger.info('contact refused', { practiceContactId: m.practiceContactId, code });
  await commit([outboxMessage('toPractice', linkFailedMessage(m, code, message))]);
}

async function commitChange(current: AccountingContactRecord, next: AccountingContactRecord | undefined, ...extra: TxItem[]) {
  try {
    await commit([...(next ? [contactEntity.put(next, current.version)] : []), ...extra]);
  } catch (error) {
    if (error instanceof TransactionRefused && next && error.failedAt(0)) throw new Retry('contact changed meanwhile');
    throw error;
  }
}

/** Practice holds our state: the link is settled (and remembered for later messages). */
export function onPracticeContactLinked(m: z.infer<typeof PracticeContactLinked>): Promise<void> {
  return retrying(async () => {
    const current = await contactEntity.get(m.firmId, m.accountingContactId);
    if (!current) throw new NotFound(`Accounting contact ${m.accountingContactId}`);
    const next = applyLinked(current, m, nowIso());
    if (!next) return;
    await commitChange(current, next, contactEntity.rememberLink(m.firmId, m.practiceContactId, current.id));
  });
}
