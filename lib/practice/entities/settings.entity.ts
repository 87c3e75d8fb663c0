import { singletonRecord } from '../../aws/entity.ts';
import type { PracticeSettings } from '../settings/schemas.ts';
import { practiceTable } from './book.ts';

/**
 * The firm's practice settings.
 *
 * | item | sort key | what it holds |
 * |---|---|---|
 * | settings | `SETTINGS` | the record (version-guarded); absent until the firm first saves its settings |
 *
 * Transition: replaced (`put`, only if what `load` gave is still what is
 * stored: the version read, or still no item).
 */
export interface PracticeSettingsRecord extends PracticeSettings {
  entity: 'settings';
  firmId: string;
  id: 'settings';
}

/** A firm that never saved settings has the defaults, at version 1. */
const defaults = (firmId: string): PracticeSettingsRecord => ({
  entity: 'settings',
  firmId,
  id: 'settings',
  separateContactNumbering: false,
  version: 1,
  updatedAt: null,
});

export const practiceSettingsEntity = {
  ...singletonRecord<PracticeSettingsRecord>(practiceTable, 'SETTINGS', defaults),

  toApi: (r: PracticeSettingsRecord): PracticeSettings => ({
    separateContactNumbering: r.separateContactNumbering,
    version: r.version,
    updatedAt: r.updatedAt,
  }),
};
