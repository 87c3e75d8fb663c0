import type * as z from 'zod';
import type { AccountingContactLinkFailed, AccountingContactLinked, AccountingContactUpserted } from '#events/messages';
import { outboxMessage } from '../../sync/outbox.entity.ts';
import { commit, TransactionRefused, type TxItem } from '../../aws/transactions.ts';
import { newId } from '../../shared/ids.ts';
import { nowIso } from '../../shared/clock.ts';
import { NotFound } from '../../shared/errors.ts';
import { faultPoint } from '../../shared/faults.ts';
import { logger } from '../../shared/logger.ts';
import { Retry, retrying } from '../../shared/retry.ts';
import { countIfSettled } from '../../sync/link-metrics.ts';
import { contactEntity } from '../entities/contact.entity.ts';
import {
  applyLinked,
  applyLinkFailed,
  applyRemote,
  fromAccounting,
  linkedMessage,
  type PracticeContactRecord,
} from './model.ts';

/**
 * How practice applies what accounting says about contacts. Each function is
 * idempotent: a message applied twice, or re-applied after a crash, ends in
 * the same state and never makes a second contact.
 */

const answer = (record: PracticeContactRecord) => outboxMessage('toAccounting', linkedMessage(record));

/** Writes `next` over `current` (with any extra items) unless someone changed it meanwhile. */
async function commitChange(current: PracticeContactRecord, next: PracticeContactRecord | undefined, ...extra: TxItem[]): Promise<void> {
  if (!next) return;
  try {
    await commit([contactEntity.put(next, current.version), ...extra]);
  } catch (error) {
    if (error instanceof TransactionRefused && error.failedAt(0)) throw new Retry('contact changed meanwhile');
    throw error;
  }
  countIfSettled(current, next);
}

export function onAccountingContactUpserted(m: z.infer<typeof AccountingContactUpserted>): Promise<void> {
  return retrying(async () => {
    const current = m.practiceContactId
      ? await contactEntity.get(m.firmId, m.practiceContactId)
      : await contactEntity.getByAccountingId(m.firmId, m.accountingContactId);
    if (!current) {
      if (m.practiceContactId) throw new NotFound(`Practice contact ${m.practiceContactId}`);
      await createFromAccounting(m);
      return;
    }
    const outcome = applyRemote(current, m, nowIso());
    if (outcome.kind === 'stale') {
      logger.info('older contact state ignored', { contactId: current.id });
      return;
    }
    if (outcome.kind === 'already_applied') {
      await commit([answer(current)]);
      return;
    }
    await commitChange(current, outcome.record, answer(outcome.record));
  });
}

/** The contact, its link map entry (which makes a second creation fail) and the answer, in one transaction. */
async function createFromAccounting(m: z.infer<typeof AccountingContactUpserted>): Promise<void> {
  const record = fromAccounting(newId('ct'), m, nowIso());
  faultPoint('practice.contact.beforeCreate', m.firmId);
  try {
    await commit([
      contactEntity.put(record, null),
      contactEntity.putLink(m.firmId, m.accountingContactId, record.id),
      answer(record),
    ]);
  } catch (error) {
    // Another delivery of the same message made it first: apply as an update instead.
    if (error instanceof TransactionRefused && error.failedAt(1)) throw new Retry('created concurrently');
    throw error;
  }
  countIfSettled(undefined, record);
  faultPoint('practice.contact.afterCreate', m.firmId);
}

export function onAccountingContactLinked(m: z.infer<typeof AccountingContactLinked>): Promise<void> {
  return retrying(async () => {
    const current = await contactEntity.get(m.firmId, m.practiceContactId);
    if (!current) throw new NotFound(`Practice contact ${m.practiceContactId}`);
    await commitChange(current, applyLinked(current, m, nowIso()));
  });
}

export function onAccountingContactLinkFailed(m: z.infer<typeof AccountingContactLinkFailed>): Promise<void> {
  return retrying(async () => {
    const current = await contactEntity.get(m.firmId, m.practiceContactId);
    if (!current) throw new NotFound(`Practice contact ${m.practiceContactId}`);
    await commitChange(current, applyLinkFailed(current, m, nowIso()));
  });
}
