import { versionedRecords } from '../../aws/entity.ts';
import type { QuickCode } from '../rates/schemas.ts';
import type { QuickCodeRecord } from '../users/model.ts';
import { practiceTable } from './book.ts';

/**
 * Quick codes (a code that picks a rate label per system role, and UTBMS codes).
 *
 * | item | sort key | what it holds |
 * |---|---|---|
 * | quick code | `QUICKCODE#<code>` | the record (version-guarded; its `id` is its code) |
 *
 * Transitions: created (fails if the code exists), rewritten when a rate label
 * it names is merged away.
 */
const records = versionedRecords<QuickCodeRecord>(practiceTable, 'QUICKCODE#');

export const quickCodeEntity = {
  ...records,

  toApi: (r: QuickCodeRecord): QuickCode => ({
    code: r.code,
    description: r.description,
    rateLabelByRole: r.rateLabelByRole,
    ...(r.taskCode !== undefined ? { taskCode: r.taskCode } : {}),
    ...(r.activityCode !== undefined ? { activityCode: r.activityCode } : {}),
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }),
};
