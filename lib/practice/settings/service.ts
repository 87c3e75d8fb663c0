import type * as z from 'zod';
import type { Draft, PracticeSettingsChanged } from '#events/messages';
import { practiceKeys, practiceStore } from '../store.ts';
import { outboxEntry, putInOutbox } from '../../sync/outbox.ts';
import { nowIso } from '../../shared/clock.ts';
import { PreconditionFailed } from '../../shared/errors.ts';
import { retrying } from '../../shared/retry.ts';
import { expiringCache } from '../../shared/expiring-cache.ts';
import { SETTINGS_TTL_MS } from '../../shared/config.ts';
import type { PracticeSettings, PracticeSettingsInput } from './schemas.ts';

interface SettingsRecord extends PracticeSettings {
  entity: 'settings';
  firmId: string;
  id: 'settings';
}

/** A firm that never saved settings has the defaults, at version 1. */
const defaults = (firmId: string): SettingsRecord => ({
  entity: 'settings',
  firmId,
  id: 'settings',
  separateContactNumbering: false,
  version: 1,
  updatedAt: null,
});

async function load(firmId: string): Promise<{ record: SettingsRecord; stored: boolean }> {
  const stored = await practiceStore.get<SettingsRecord>(firmId, practiceKeys.settings);
  return stored ? { record: stored, stored: true } : { record: defaults(firmId), stored: false };
}

const toApi = (r: SettingsRecord): PracticeSettings => ({
  separateContactNumbering: r.separateContactNumbering,
  version: r.version,
  updatedAt: r.updatedAt,
});

export async function getPracticeSettings(firmId: string): Promise<PracticeSettings> {
  return toApi((await load(firmId)).record);
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
    const { record, stored } = await load(firmId);
    if (ifMatch !== undefined && ifMatch !== record.version) throw new PreconditionFailed(ifMatch, record.version);
    const next: SettingsRecord = { ...record, ...input, version: record.version + 1, updatedAt: nowIso() };
    const message: Draft<z.infer<typeof PracticeSettingsChanged>> = {
      type: 'practice.settings.changed',
      firmId,
      version: next.version,
      separateContactNumbering: next.separateContactNumbering,
    };
    await practiceStore.commitUpdate(
      [
        practiceStore.putRecord(practiceKeys.settings, next, stored ? record.version : null),
        putInOutbox(outboxEntry('toAccounting', message)),
      ],
      { ifMatch, firmId, sk: practiceKeys.settings },
    );
    cached.forget(firmId);
    return toApi(next);
  });
}
