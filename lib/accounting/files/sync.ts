import type * as z from 'zod';
import { compareClocks } from '#events/clock';
import type { PracticeMatterUpserted } from '#events/messages';
import { accountingSettingsForSync } from '../settings/service.ts';
import { commitWithNumber, DuplicateNumber } from '../numbering/claims.ts';
import { outboxMessage } from '../../sync/outbox.entity.ts';
import { commit, TransactionRefused, type TxItem } from '../../aws/transactions.ts';
import { newId } from '../../shared/ids.ts';
import { nowIso } from '../../shared/clock.ts';
import { NotFound } from '../../shared/errors.ts';
import { faultPoint } from '../../shared/faults.ts';
import { logger } from '../../shared/logger.ts';
import { Retry, retrying } from '../../shared/retry.ts';
import { contactEntity } from '../entities/contact.entity.ts';
import { fileEntity } from '../entities/file.entity.ts';
import { fileNumberSpace } from './numbering.ts';
import { fromPractice, linkedMessage, linkFailedMessage, withRemote, type FileRecord } from './model.ts';

/**
 * How accounting applies practice's matters: a new matter becomes a numbered
 * file (or a visible refusal), a newer state updates it. Idempotent on the
 * practice matter id and its clock.
 */

type Upserted = z.infer<typeof PracticeMatterUpserted>;

const answer = (r: FileRecord) => outboxMessage('toPractice', linkedMessage(r));

async function refuse(m: Upserted, code: 'duplicate_number' | 'client_not_linked' | 'invalid', message: string) {
  logger.info('matter refused', { practiceMatterId: m.practiceMatterId, code });
  await commit([outboxMessage('toPractice', linkFailedMessage(m, code, message))]);
}

export function onPracticeMatterUpserted(m: Upserted): Promise<void> {
  return retrying(async () => {
    const settings = await accountingSettingsForSync(m.firmId);
    if (!settings.integrationEnabled) return refuse(m, 'invalid', 'The practice integration is switched off in accounting.');
    const clientIds = m.clients.map((c) => c.accountingContactId);
    const contacts = await contactEntity.getMany(m.firmId, clientIds);
    const missing = clientIds.filter((id) => !contacts.has(id));
    if (missing.length) return refuse(m, 'client_not_linked', `Accounting has no contact ${missing.join(', ')}.`);

    const current = m.accountingFileId
      ? await fileEntity.get(m.firmId, m.accountingFileId)
      : await fileEntity.getByMatterId(m.firmId, m.practiceMatterId);
    const space = fileNumberSpace(settings.fileNumbering);
    if (!current) {
      if (m.accountingFileId) throw new NotFound(`File ${m.accountingFileId}`);
      const id = newId('fl');
      faultPoint('accounting.file.beforeCreate', m.firmId);
      try {
        await commitWithNumber({ firmId: m.firmId, space, requested: m.fileReference, ownerId: id, what: 'matter' }, (number) => {
          const file = fromPractice(id, m, number, nowIso());
          return [fileEntity.put(file, null), fileEntity.putMatterLink(m.firmId, m.practiceMatterId, id), answer(file)];
        });
      } catch (error) {
        if (error instanceof DuplicateNumber) return refuse(m, 'duplicate_number', error.message);
        if (error instanceof TransactionRefused && error.failedAt(1)) throw new Retry('created concurrently');
        throw error;
      }
      faultPoint('accounting.file.afterCreate', m.firmId);
      return;
    }

    const order = compareClocks(m.clock, current.sync.clock);
    if (order < 0) return;
    if (order === 0) {
      await commit([answer(current)]);
      return;
    }
    const number = m.fileReference ?? current.matterNumber;
    const next = withRemote(current, m, number, nowIso());
    const items: TxItem[] = [fileEntity.put(next, current.version), answer(next)];
    try {
      if (number === current.matterNumber) {
        await commit(items);
      } else {
        await commitWithNumber(
          { firmId: m.firmId, space, requested: number, ownerId: current.id, releasing: current.matterNumber, what: 'matter' },
          () => items,
        );
      }
    } catch (error) {
      if (error instanceof DuplicateNumber) return refuse(m, 'duplicate_number', error.message);
      if (error instanceof TransactionRefused && error.failedAt(0)) throw new Retry('file changed meanwhile');
      throw error;
    }
  });
}
