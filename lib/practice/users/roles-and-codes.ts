import { practiceKeys, practiceStore } from '../store.ts';
import { TransactionRefused } from '../../aws/book-store.ts';
import { nowIso } from '../../shared/clock.ts';
import { BadRequest, Conflict, PreconditionFailed } from '../../shared/errors.ts';
import { retrying } from '../../shared/retry.ts';
import { checkLabelRefs } from '../rates/labels-repo.ts';
import { rolesMissing, type QuickCodeRecord, type RoleRecord } from './repository.ts';
import type { CreateQuickCode, PutSystemRole, QuickCode, SystemRole } from '../rates/schemas.ts';

const roleToApi = ({ entity: _e, firmId: _f, ...role }: RoleRecord): SystemRole => role;
const codeToApi = ({ entity: _e, firmId: _f, id: _i, ...code }: QuickCodeRecord): QuickCode => code;

/** Creates or replaces a system role under the id the caller chose. */
export async function putSystemRole(firmId: string, id: string, input: PutSystemRole, ifMatch: number | undefined): Promise<SystemRole> {
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(id)) throw new BadRequest('Bad role id.', [{ path: 'id', message: 'must be 1–64 letters, digits, ".", "_" or "-"' }]);
  const errors = await checkLabelRefs(firmId, [{ path: 'defaultRateLabelId', id: input.defaultRateLabelId }]);
  if (errors.length) throw new BadRequest('Some references are invalid.', errors);
  return retrying(async () => {
    const current = await practiceStore.get<RoleRecord>(firmId, practiceKeys.systemRole(id));
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
    await practiceStore.commitUpdate([practiceStore.putRecord(practiceKeys.systemRole(id), record, current?.version ?? null)], {
      ifMatch,
      firmId,
      sk: practiceKeys.systemRole(id),
    });
    return roleToApi(record);
  });
}

export async function listSystemRoles(firmId: string) {
  const roles = await practiceStore.all<RoleRecord>(firmId, practiceKeys.systemRolePrefix);
  return { items: roles.map(roleToApi), nextCursor: null };
}

export async function createQuickCode(firmId: string, input: CreateQuickCode): Promise<QuickCode> {
  const entries = Object.entries(input.rateLabelByRole);
  const errors = await checkLabelRefs(firmId, entries.map(([role, label]) => ({ path: `rateLabelByRole.${role}`, id: label })));
  const missing = await rolesMissing(firmId, entries.map(([role]) => role));
  for (const role of missing) errors.push({ path: `rateLabelByRole.${role}`, message: 'names a role that is not a system role of this firm' });
  if (errors.length) throw new BadRequest('Some references are invalid.', errors);
  const now = nowIso();
  const record: QuickCodeRecord = { entity: 'quickCode', firmId, id: input.code, ...input, version: 1, createdAt: now, updatedAt: now };
  try {
    await practiceStore.commit([practiceStore.putRecord(practiceKeys.quickCode(input.code), record, null)]);
  } catch (error) {
    if (error instanceof TransactionRefused && error.failedAt(0)) throw new Conflict('duplicate_code', `The quick code ${input.code} already exists.`);
    throw error;
  }
  return codeToApi(record);
}

export async function listQuickCodes(firmId: string) {
  const codes = await practiceStore.all<QuickCodeRecord>(firmId, practiceKeys.quickCodePrefix);
  return { items: codes.map(codeToApi), nextCursor: null };
}
