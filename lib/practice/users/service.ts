import { commit, commitUpdate, refusedAt } from '../../aws/transactions.ts';
import { newId } from '../../shared/ids.ts';
import { nowIso } from '../../shared/clock.ts';
import { BadRequest, Conflict, NotFound, PreconditionFailed, type FieldError } from '../../shared/errors.ts';
import { retrying } from '../../shared/retry.ts';
import type { ListQuery, Page } from '../../shared/page.ts';
import { applyPatch } from '../../shared/patch.ts';
import { userEntity } from '../entities/user.entity.ts';
import { systemRoleEntity } from '../entities/system-role.entity.ts';
import { checkLabelRefs, overrideRefs } from '../rates/label-refs.ts';
import type { UserRecord } from './model.ts';
import type { CreateUser, PatchUser, User } from './schemas.ts';

const duplicateEmail = (email: string) => new Conflict('duplicate_email', `A user with the email ${email} already exists.`);

async function checkRefs(firmId: string, user: Partial<CreateUser>): Promise<void> {
  const errors: FieldError[] = await checkLabelRefs(firmId, [
    { path: 'defaultRateLabelId', id: user.defaultRateLabelId },
    ...overrideRefs('customRates', user.customRates),
  ]);
  if (user.systemRoleId && (await systemRoleEntity.missing(firmId, [user.systemRoleId])).size) {
    errors.push({ path: 'systemRoleId', message: 'is not a system role of this firm' });
  }
  if (errors.length) throw new BadRequest('Some references are invalid.', errors);
}

/** Creates a user with its email claim, in one transaction (409 if another user has the email). */
export async function createUser(firmId: string, input: CreateUser): Promise<User> {
  await checkRefs(firmId, input);
  const now = nowIso();
  const record: UserRecord = { entity: 'user', firmId, id: newId('us'), ...input, customRates: input.customRates ?? [], version: 1, createdAt: now, updatedAt: now };
  try {
    await commit([userEntity.put(record, null), userEntity.claimEmail(firmId, record.email, record.id)]);
  } catch (error) {
    if (refusedAt(error, 1)) throw duplicateEmail(input.email);
    throw error;
  }
  return userEntity.toApi(record);
}

export async function listUsers(firmId: string, query: ListQuery): Promise<Page<User>> {
  const page = await userEntity.list(firmId, query);
  return { items: page.items.map(userEntity.toApi), nextCursor: page.nextCursor };
}

/** Edits a user; a changed email moves its claim in the same transaction (409 if another user has it). */
export async function patchUser(firmId: string, id: string, patch: PatchUser, ifMatch: number | undefined): Promise<User> {
  const { systemRoleId, defaultRateLabelId, customRates } = patch;
  await checkRefs(firmId, { ...(systemRoleId ? { systemRoleId } : {}), ...(defaultRateLabelId ? { defaultRateLabelId } : {}), ...(customRates ? { customRates } : {}) });
  return retrying(async () => {
    const current = await userEntity.get(firmId, id);
    if (!current) throw new NotFound('User');
    if (ifMatch !== undefined && ifMatch !== current.version) throw new PreconditionFailed(ifMatch, current.version);
    const next: Record<string, unknown> = applyPatch<Record<string, unknown>>(current as never, patch);
    const record = { ...(next as unknown as UserRecord), version: current.version + 1, updatedAt: nowIso() };
    const emailChanged = record.email.toLowerCase() !== current.email.toLowerCase();
    const items = [
      userEntity.put(record, current.version),
      ...(emailChanged ? [userEntity.claimEmail(firmId, record.email, id), userEntity.releaseEmail(firmId, current.email)] : []),
    ];
    try {
      await commitUpdate(items, userEntity.guard(firmId, id, ifMatch));
    } catch (error) {
      if (emailChanged && refusedAt(error, 1)) throw duplicateEmail(record.email);
      throw error;
    }
    return userEntity.toApi(record);
  });
}
