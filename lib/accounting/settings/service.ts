import type * as z from 'zod';
import type { PracticeSettingsChanged } from '#events/messages';
import { commit, refusedAt } from '../../aws/transactions.ts';
import { expiringCache } from '../../shared/expiring-cache.ts';
import { SETTINGS_TTL_MS } from '../../shared/config.ts';
import { accountingSettingsEntity, practiceSettingsCopyEntity } from '../entities/settings.entity.ts';
import { DEFAULT_BILLING_TERMS, type AccountingSettings, type AccountingSettingsInput } from './schemas.ts';

export async function getAccountingSettings(firmId: string): Promise<AccountingSettings> {
  return accountingSettingsEntity.toApi((await accountingSettingsEntity.load(firmId)).record);
}

/**
 * The settings as the sync path reads them, for every message: cached per
 * container for {@link SETTINGS_TTL_MS} ms, so a change made through another
 * container applies to messages within that time (the API always reads fresh).
 */
const cached = expiringCache(SETTINGS_TTL_MS, getAccountingSettings);
export const accountingSettingsForSync = (firmId: string) => cached.get(firmId);

export async function putAccountingSettings(firmId: string, input: AccountingSettingsInput, ifMatch?: number): Promise<AccountingSettings> {
  const next = await accountingSettingsEntity.replace(firmId, ifMatch, (current) => ({
    ...current,
    ...input,
    billing: input.billing ?? current.billing ?? DEFAULT_BILLING_TERMS,
    integrationEnabled: input.integrationEnabled ?? current.integrationEnabled,
  }));
  cached.forget(firmId);
  return accountingSettingsEntity.toApi(next);
}

/** Practice's separate-numbering switch as practice last told us (off until it says). */
export async function practiceSeparateNumbering(firmId: string): Promise<boolean> {
  return (await practiceSettingsCopyEntity.get(firmId))?.separateContactNumbering ?? false;
}

/** Keeps the newest practice settings; an older message arriving late changes nothing. */
export async function onPracticeSettingsChanged(m: z.infer<typeof PracticeSettingsChanged>): Promise<void> {
  try {
    await commit([practiceSettingsCopyEntity.keepPracticeCopy(m.firmId, { version: m.version, separateContactNumbering: m.separateContactNumbering })]);
  } catch (error) {
    if (!refusedAt(error, 0)) throw error;
  }
}
