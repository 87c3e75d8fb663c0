import { versionedRecords } from '../../aws/entity.ts';
import type { TxItem } from '../../aws/transactions.ts';
import type { LabelRecord } from '../rates/model.ts';
import type { RateLabel } from '../rates/schemas.ts';
import { practiceTable } from './book.ts';

/**
 * Rate labels.
 *
 * | item | sort key | what it holds |
 * |---|---|---|
 * | label | `RATELABEL#<id>` | the record (version-guarded); a deleted label stays, as an alias (`mergedInto`) of the label it was merged into |
 * | name claim | `RATELABELNAME#<name, lower-cased>` | `{ labelId }`: holds the name, so names are unique in a firm, case-insensitively |
 *
 * Transitions: created (with its name claim), edited (a rename claims the
 * new name and releases the old in the same transaction), merged into
 * another label (the name is released; `rates/labels-service.ts`). A claim
 * fails if another label holds the name.
 */
const records = versionedRecords<LabelRecord>(practiceTable, 'RATELABEL#');
const nameKey = (name: string) => `RATELABELNAME#${name.toLowerCase()}`;

export const rateLabelEntity = {
  ...records,

  /** Every label of the firm by id, deleted ones included (one query: a firm has tens, not thousands). */
  async byId(firmId: string): Promise<Map<string, LabelRecord>> {
    return new Map((await records.all(firmId)).map((l) => [l.id, l]));
  },

  /** Holds the name for this label: fails if another label of the firm has it. */
  claimName: (firmId: string, name: string, labelId: string): TxItem => practiceTable.putUnique(firmId, nameKey(name), { labelId }),

  releaseName: (firmId: string, name: string): TxItem => practiceTable.delete(firmId, nameKey(name)),

  toApi: (r: LabelRecord): RateLabel => ({
    id: r.id,
    name: r.name,
    type: r.type,
    ...(r.baseValue ? { baseValue: r.baseValue } : {}),
    active: r.active,
    timekeeperValues: [...r.timekeeperValues],
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }),
};
