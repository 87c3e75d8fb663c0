import type * as z from 'zod';
import type { Draft, PracticeSettingsChanged } from '#events/messages';
import { outboxMessage } from '../../sync/outbox.entity.ts';
import { commitUpdate } from '../../aws/transactions.ts';
import { nowIso } from '../../shared/clock.ts';
import { PreconditionFailed } from '../../shared/errors.ts';
import { retrying } from '../../shared/retry.ts';
import { expiringCache } from '../../shared/expiring-cache.ts';
import { SETTINGS_TTL_MS } from '../../shared/config.ts';
import { practiceSettingsEntity, type PracticeSettingsRecord } from '../entities/settings.entity.ts';
import type { PracticeSettings, PracticeSettingsInput } from './schemas.ts';

export async function getPracticeSettings(firmId: string): Promise<PracticeSettings> {
  return practiceSettingsEntity.toApi((await practiceSettingsEntity.load(firmId)).record);
}

/**
 * The settings as the sync path reads them, for every message: cached per
 * container for {@link SETTINGS_TTL_MS} ms, so a change made through another
 * container applies to messages within that time (the API always reads fresh).
 */
const cached = expiringCache(SETTINGS_TTL_MS, getPracticeSettings);
export const practiceSettingsForSync = (firmId: string) => cached.get(firmId);

/** Replaces the settings and tells accounting (separate numbering needs both books' switch). */
export async function putPracticeSettings(firmId: string, input: PracticeSettingsInput, ifMatch?: number): Promise<PracticeSettings> {
  return retrying(async () => {
    const loaded = await practiceSettingsEntity.load(firmId);
    const { record } = loaded;
    if (ifMatch !== undefined && ifMatch !== record.version) throw new PreconditionFailed(ifMatch, record.version);
    const next: PracticeSettingsRecord = { ...record, ...input, version: record.version + 1, updatedAt: nowIso() };
    const message: Draft<z.infer<typeof PracticeSettingsChanged>> = {
      type: 'practice.settings.changed',
      firmId,
      version: next.version,
      separateContactNumbering: next.separateContactNumbering,
    };
    await commitUpdate(
      [practiceSettingsEntity.put(next, loaded), outboxMessage('toAccounting', message)],
      practiceSettingsEntity.guard(firmId, ifMatch),
    );
    cached.forget(firmId);
    return practiceSettingsEntity.toApi(next);
  });
}
