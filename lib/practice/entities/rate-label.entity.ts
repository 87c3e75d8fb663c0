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
 * another label: `mergeAway` (the source, at the version read, not merged
 * yet) with `absorb` (the target, at the version read, live: not merged and
 * active) and the source's name released, in one transaction
 * (`rates/labels-service.ts`). A claim fails if another label holds the name.
 *
 * Because every merge requires its target live when it commits, and makes
 * its source an alias, no merge ever lands on an alias: two merges crossing
 * (L into T, T into L) cannot both commit, and aliases never form a cycle.
 */
const records = versionedRecords<LabelRecord>(practiceTable, 'RATELABEL#');
const nameKey = (name: string) => `RATELABELNAME#${name.toLowerCase()}`;

/** A version-guarded put of a label, with more to require of the stored one than its version. */
function putRequiring(record: LabelRecord, expected: number, also: string, names: Record<string, string>, values: Record<string, unknown>): TxItem {
  const { Put } = records.put(record, expected);
  return {
    Put: {
      ...Put!,
      ConditionExpression: `version = :expected AND ${also}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: { ...Put!.ExpressionAttributeValues, ...values },
    },
  };
}

export const rateLabelEntity = {
  ...records,

  /** Every label of the firm by id, deleted ones included (one query: a firm has tens, not thousands). */
  async byId(firmId: string): Promise<Map<string, LabelRecord>> {
    return new Map((await records.all(firmId)).map((l) => [l.id, l]));
  },

  /** Holds the name for this label: fails if another label of the firm has it. */
  claimName: (firmId: string, name: string, labelId: string): TxItem => practiceTable.putUnique(firmId, nameKey(name), { labelId }),

  releaseName: (firmId: string, name: string): TxItem => practiceTable.delete(firmId, nameKey(name)),

  /** Writes the label merged away (an alias now), only if it is still at `expected` and not merged. */
  mergeAway: (merged: LabelRecord, expected: number): TxItem =>
    putRequiring(merged, expected, 'attribute_not_exists(#mergedInto)', { '#mergedInto': 'mergedInto' }, {}),

  /** Writes the label a merge lands on, only if it is still at `expected`, not merged and active. */
  absorb: (target: LabelRecord, expected: number): TxItem =>
    putRequiring(target, expected, 'attribute_not_exists(#mergedInto) AND #active = :active', { '#mergedInto': 'mergedInto', '#active': 'active' }, { ':active': true }),

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
