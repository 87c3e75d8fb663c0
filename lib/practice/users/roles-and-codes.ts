import { commit, commitUpdate, refusedAt } from '../../aws/transactions.ts';
import { nowIso } from '../../shared/clock.ts';
import { BadRequest, Conflict, PreconditionFailed } from '../../shared/errors.ts';
import { retrying } from '../../shared/retry.ts';
import { systemRoleEntity } from '../entities/system-role.entity.ts';
import { quickCodeEntity } from '../entities/quick-code.entity.ts';
import { checkLabelRefs } from '../rates/label-refs.ts';
import type { QuickCodeRecord, RoleRecord } from './model.ts';
import type { CreateQuickCode, PutSystemRole, QuickCode, SystemRole } from '../rates/schemas.ts';

/** Creates or replaces a system role under the id the caller chose. */
export async function putSystemRole(firmId: string, id: string, input: PutSystemRole, ifMatch: number | undefined): Promise<SystemRole> {
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(id)) throw new BadRequest('Bad role id.', [{ path: 'id', message: 'must be 1–64 letters, digits, ".", "_" or "-"' }]);
  const errors = await checkLabelRefs(firmId, [{ path: 'defaultRateLabelId', id: input.defaultRateLabelId }]);
  if (errors.length) throw new BadRequest('Some references are invalid.', errors);
  return retrying(async () => {
    const current = await systemRoleEntity.get(firmId, id);
    if (ifMatch !== undefined && ifMatch !== (current?.version ?? 0)) throw new PreconditionFailed(ifMatch, current?.version ?? 0);
    const now = nowIso();
    const record: RoleRecord = {
      entity: 'systemRole',
      firmId,
      id,
      name: input.name,
      ...(input.defaultRateLabelId ? { defaultRateLabelId: input.defaultRateLabelId } : {}),
      version: (current?.version ?? 0) + 1,
      createdAt: current?.createdAt ?? now,
      updatedAt: now,
    };
    await commitUpdate([systemRoleEntity.put(record, current?.version ?? null)], systemRoleEntity.guard(firmId, id, ifMatch));
    return systemRoleEntity.toApi(record);
  });
}

export async function listSystemRoles(firmId: string) {
  const roles = await systemRoleEntity.all(firmId);
  return { items: roles.map(systemRoleEntity.toApi), nextCursor: null };
}

export async function createQuickCode(firmId: string, input: CreateQuickCode): Promise<QuickCode> {
  const entries = Object.entries(input.rateLabelByRole);
  const errors = await checkLabelRefs(firmId, entries.map(([role, label]) => ({ path: `rateLabelByRole.${role}`, id: label })));
  const missing = await systemRoleEntity.missing(firmId, entries.map(([role]) => role));
  for (const role of missing) errors.push({ path: `rateLabelByRole.${role}`, message: 'names a role that is not a system role of this firm' });
  if (errors.length) throw new BadRequest('Some references are invalid.', errors);
  const now = nowIso();
  const record: QuickCodeRecord = { entity: 'quickCode', firmId, id: input.code, ...input, version: 1, createdAt: now, updatedAt: now };
  try {
    await commit([quickCodeEntity.put(record, null)]);
  } catch (error) {
    if (refusedAt(error, 0)) throw new Conflict('duplicate_code', `The quick code ${input.code} already exists.`);
    throw error;
  }
  return quickCodeEntity.toApi(record);
}

export async function listQuickCodes(firmId: string) {
  const codes = await quickCodeEntity.all(firmId);
  return { items: codes.map(quickCodeEntity.toApi), nextCursor: null };
}
