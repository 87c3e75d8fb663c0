import { ToPracticeMessage } from '#events/messages';
import { queueConsumer } from '#lib/queue/consumer';
import {
  onAccountingContactLinked,
  onAccountingContactLinkFailed,
  onAccountingContactUpserted,
} from '#lib/practice/contacts/sync';

/** Applies accounting's sync messages to the practice book, one record at a time. */
export const handler = queueConsumer(ToPracticeMessage, async (message) => {
  switch (message.type) {
    case 'accounting.contact.upserted':
      return onAccountingContactUpserted(message);
    case 'accounting.contact.linked':
      return onAccountingContactLinked(message);
    case 'accounting.contact.link_failed':
      return onAccountingContactLinkFailed(message);
  }
});
