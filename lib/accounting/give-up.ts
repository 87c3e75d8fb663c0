import type { MessageDraft, TimeBookingMessage, ToAccountingMessage, ToPracticeMessage } from '#events/messages';
import { commit } from '../aws/transactions.ts';
import { outboxMessage } from '../sync/outbox.entity.ts';
import { describeError } from '../jobs/job.entity.ts';
import { logger } from '../shared/logger.ts';
import { bookingOf } from './ledger/import.ts';
import type { GiveUpOutcome } from '../queue/give-up.ts';

/**
 * Gives up on a practice message (lib/queue/give-up.ts) whose last delivery
 * failed too: tell practice, so the record it concerns shows an error with the
 * reason, rather than waiting silently while the message sits in the DLQ. A
 * contact or matter message still goes to the DLQ, for a redrive once the
 * cause is fixed (its success then settles the link); an export batch
 * answered as refused does not, since its entries are open again in practice.
 */
export async function giveUpOnPracticeMessage(message: ToAccountingMessage | TimeBookingMessage, error: unknown): Promise<GiveUpOutcome> {
  const reason = `Accounting could not apply this change: ${describeError(error)}`;
  const answer = (draft: MessageDraft<ToPracticeMessage>) => commit([outboxMessage('toPractice', draft)]);
  logger.error('giving up on a practice message', { type: message.type, reason });
  switch (message.type) {
    case 'practice.contact.upserted':
      await answer({ type: 'accounting.contact.link_failed', firmId: message.firmId, practiceContactId: message.practiceContactId, clock: message.clock, error: { code: 'invalid', message: reason } });
      return 'shown';
    case 'practice.matter.upserted':
      await answer({ type: 'accounting.file.link_failed', firmId: message.firmId, practiceMatterId: message.practiceMatterId, clock: message.clock, error: { code: 'invalid', message: reason } });
      return 'shown';
    case 'practice.time.export_batch':
      // A batch that is booked already (its balances moved) must never be answered as refused: practice would
      // unlock entries that are in the ledger. It goes to the DLQ instead, where a redrive completes it.
      if (await bookingOf(message)) return 'not_given_up';
      await answer({
        type: 'accounting.time.batch_booked', firmId: message.firmId, jobId: message.jobId, batchNo: message.batchNo, booked: [],
        failed: message.entries.map((e) => ({ timeEntryId: e.timeEntryId, code: 'import_failed' as const, message: reason })),
      });
      return 'answered';
    default:
      return 'not_given_up';
  }
}
