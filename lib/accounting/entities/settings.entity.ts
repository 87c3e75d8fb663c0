import { singletonRecord } from '../../aws/entity.ts';
import type { TxItem } from '../../aws/transactions.ts';
import { firmPk } from '../../aws/book-store.ts';
import { DEFAULT_BILLING_TERMS, type AccountingSettings } from '../settings/schemas.ts';
import { accountingTable } from './book.ts';

/**
 * The accounting book's settings, and its copy of practice's.
 *
 * | item | sort key | what it holds |
 * |---|---|---|
 * | accounting settings | `SETTINGS` | the firm's accounting settings (version-guarded; defaults at version 1 until first saved) |
 * | practice settings copy | `PEER#PRACTICE#SETTINGS` | `{ version, separateContactNumbering }` as practice last told us |
 *
 * Transitions: the settings are replaced whole (`put`, guarded by the
 * version loaded; new if never stored). The copy of practice's is kept only
 * if newer (`keepPracticeCopy`: stored only if absent or older than the
 * version practice sent), so a late older message changes nothing.
 */
export interface AccountingSettingsRecord extends AccountingSettings {
  entity: 'settings';
  firmId: string;
  id: 'settings';
}

/** A firm that never saved settings has these, at version 1. */
const defaults = (firmId: string): AccountingSettingsRecord => ({
  entity: 'settings',
  firmId,
  id: 'settings',
  separateContactNumbering: false,
  fileNumbering: { prefix: 'M', width: 5 },
  firm: { name: '', address: '', lawFirmId: '' },
  currency: 'USD',
  billing: DEFAULT_BILLING_TERMS,
  integrationEnabled: true,
  version: 1,
  updatedAt: null,
});

export const accountingSettingsEntity = {
  ...singletonRecord<AccountingSettingsRecord>(accountingTable, 'SETTINGS', defaults),

  toApi: (r: AccountingSettingsRecord): AccountingSettings => ({
    separateContactNumbering: r.separateContactNumbering,
    fileNumbering: r.fileNumbering,
    firm: r.firm,
    currency: r.currency,
    // Settings saved before terms existed read as the default terms.
    billing: r.billing ?? DEFAULT_BILLING_TERMS,
    integrationEnabled: r.integrationEnabled,
    version: r.version,
    updatedAt: r.updatedAt,
  }),
};

/** Practice's settings as accounting keeps them. */
export interface PracticeSettingsCopy {
  version: number;
  separateContactNumbering: boolean;
}

const PRACTICE_COPY = 'PEER#PRACTICE#SETTINGS';

export const practiceSettingsCopyEntity = {
  /** Practice's settings as practice last told us, if it has. */
  async get(firmId: string): Promise<PracticeSettingsCopy | undefined> {
    const copy = await accountingTable.get<PracticeSettingsCopy>(firmId, PRACTICE_COPY);
    return copy && { version: copy.version, separateContactNumbering: copy.separateContactNumbering };
  },

  /** Keeps practice's settings at `copy.version`, only if no copy is held or the one held is older. */
  keepPracticeCopy: (firmId: string, copy: PracticeSettingsCopy): TxItem => ({
    Put: {
      TableName: accountingTable.table,
      Item: { pk: firmPk(firmId), sk: PRACTICE_COPY, firmId, version: copy.version, separateContactNumbering: copy.separateContactNumbering },
      ConditionExpression: 'attribute_not_exists(pk) OR version < :v',
      ExpressionAttributeValues: { ':v': copy.version },
    },
  }),
};
