import { versionedRecords } from '../../aws/entity.ts';
import type { SystemRole } from '../rates/schemas.ts';
import type { RoleRecord } from '../users/model.ts';
import { practiceTable } from './book.ts';

/**
 * System roles (a firm's roles, each with an optional default rate label).
 *
 * | item | sort key | what it holds |
 * |---|---|---|
 * | role | `ROLE#<id>` | the record (version-guarded; the id is the caller's) |
 *
 * Transitions: put (created or replaced under its id), rewritten when its
 * default rate label is merged away.
 */
const records = versionedRecords<RoleRecord>(practiceTable, 'ROLE#');

export const systemRoleEntity = {
  ...records,

  /** Which of these ids are not system roles of the firm. */
  async missing(firmId: string, ids: readonly string[]): Promise<Set<string>> {
    const found = await records.getMany(firmId, ids);
    return new Set(ids.filter((id) => !found.has(id)));
  },

  toApi: (r: RoleRecord): SystemRole => ({
    id: r.id,
    name: r.name,
    ...(r.defaultRateLabelId !== undefined ? { defaultRateLabelId: r.defaultRateLabelId } : {}),
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }),
};
