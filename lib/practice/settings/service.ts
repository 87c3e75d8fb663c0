import { outboxMessage } from '../../sync/outbox.entity.ts';
import { expiringCache } from '../../shared/expiring-cache.ts';
import { SETTINGS_TTL_MS } from '../../shared/config.ts';
import { practiceSettingsEntity } from '../entities/settings.entity.ts';
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
  const next = await practiceSettingsEntity.replace(firmId, ifMatch, (current) => ({ ...current, ...input }), (settings) => [
    outboxMessage('toAccounting', {
      type: 'practice.settings.changed',
      firmId,
      version: settings.version,
      separateContactNumbering: settings.separateContactNumbering,
    }),
  ]);
  cached.forget(firmId);
  return practiceSettingsEntity.toApi(next);
}
