import type * as z from 'zod';
import type { PracticeSettingsChanged } from '#events/messages';
import { accountingKeys, accountingStore } from '../store.ts';
import { nowIso } from '../../shared/clock.ts';
import { PreconditionFailed } from '../../shared/errors.ts';
import { retrying } from '../../shared/retry.ts';
import { expiringCache } from '../../shared/expiring-cache.ts';
import { SETTINGS_TTL_MS } from '../../shared/config.ts';
import { TransactionRefused } from '../../aws/book-store.ts';
import type { AccountingSettings, AccountingSettingsInput } from './schemas.ts';

interface SettingsRecord extends AccountingSettings {
  entity: 'settings';
  firmId: string;
  id: 'settings';
}

const defaults = (firmId: string): SettingsRecord => ({
  entity: 'settings',
  firmId,
  id: 'settings',
  separateContactNumbering: false,
  fileNumbering: { prefix: 'M', width: 5 },
  firm: { name: '', address: '', lawFirmId: '' },
  currency: 'USD',
  integrationEnabled: true,
  version: 1,
  updatedAt: null,
});

async function load(firmId: string): Promise<{ record: SettingsRecord; stored: boolean }> {
  const stored = await accountingStore.get<SettingsRecord>(firmId, accountingKeys.settings);
  return stored ? { record: stored, stored: true } : { record: defaults(firmId), stored: false };
}

const toApi = ({ entity: _e, firmId: _f, id: _i, ...settings }: SettingsRecord): AccountingSettings => settings;

export async function getAccountingSettings(firmId: string): Promise<AccountingSettings> {
  return toApi((await load(firmId)).record);
}

/**
 * The settings as the sync path reads them, for every message: cached per
 * container for {@link SETTINGS_TTL_MS} ms, so a change made through another
 * container applies to messages within that time (the API always reads fresh).
 */
const cached = expiringCache(SETTINGS_TTL_MS, getAccountingSettings);
export const accountingSettingsForSync = (firmId: string) => cached.get(firmId);

export async function putAccountingSettings(
  firmId: string,
  input: AccountingSettingsInput,
  ifMatch?: number,
): Promise<AccountingSettings> {
  return retrying(async () => {
    const { record, stored } = await load(firmId);
    if (ifMatch !== undefined && ifMatch !== record.version) throw new PreconditionFailed(ifMatch, record.version);
    const next: SettingsRecord = {
      ...record,
      ...input,
      integrationEnabled: input.integrationEnabled ?? record.integrationEnabled,
      version: record.version + 1,
      updatedAt: nowIso(),
    };
    await accountingStore.commitUpdate([accountingStore.putRecord(accountingKeys.settings, next, stored ? record.version : null)], {
      ifMatch,
      firmId,
      sk: accountingKeys.settings,
    });
    cached.forget(firmId);
    return toApi(next);
  });
}

/** Practice's separate-numbering switch as practice last told us (off until it says). */
export async function practiceSeparateNumbering(firmId: string): Promise<boolean> {
  const peer = await accountingStore.get<{ separateContactNumbering: boolean }>(firmId, accountingKeys.practiceSettings);
  return peer?.separateContactNumbering ?? false;
}

/** Keeps the newest practice settings; an older message arriving late changes nothing. */
export async function onPracticeSettingsChanged(m: z.infer<typeof PracticeSettingsChanged>): Promise<void> {
  try {
    await accountingStore.commit([
      {
        Put: {
          TableName: accountingStore.table,
          Item: {
            pk: `FIRM#${m.firmId}`,
            sk: accountingKeys.practiceSettings,
            firmId: m.firmId,
            version: m.version,
            separateContactNumbering: m.separateContactNumbering,
          },
          ConditionExpression: 'attribute_not_exists(pk) OR version < :v',
          ExpressionAttributeValues: { ':v': m.version },
        },
      },
    ]);
  } catch (error) {
    if (!(error instanceof TransactionRefused && error.failedAt(0))) throw error;
  }
}
