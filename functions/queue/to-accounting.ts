import { ToAccountingMessage } from '#events/messages';
import { giveUpOnPracticeMessage } from '#lib/accounting/give-up';
import { queueConsumer } from '#lib/queue/consumer';
import { onPracticeContactLinked, onPracticeContactUpserted } from '#lib/accounting/contacts/sync';
import { onPracticeSettingsChanged } from '#lib/accounting/settings/service';
import { onPracticeMatterUpserted } from '#lib/accounting/files/sync';
import { onExportFinished } from '#lib/accounting/ledger/import';

/**
 * Applies practice's sync messages to the accounting book, one record at a
 * time; on the last delivery, practice is told why rather than left waiting.
 */
export const handler = queueConsumer(ToAccountingMessage, apply, 'toAccounting', giveUpOnPracticeMessage);

function apply(message: ToAccountingMessage): Promise<void> {
  switch (message.type) {
    case 'practice.contact.upserted':
      return onPracticeContactUpserted(message);
    case 'practice.contact.linked':
      return onPracticeContactLinked(message);
    case 'practice.settings.changed':
      return onPracticeSettingsChanged(message);
    case 'practice.matter.upserted':
      return onPracticeMatterUpserted(message);
    case 'practice.time_export.finished':
      return onExportFinished(message);
  }
}
