import { practiceKeys, practiceStore } from '../store.ts';
import { TransactionRefused } from '../../aws/book-store.ts';
import { newId } from '../../shared/ids.ts';
import { nowIso } from '../../shared/clock.ts';
import { BadRequest, Conflict, NotFound, PreconditionFailed, type FieldError } from '../../shared/errors.ts';
import { retrying } from '../../shared/retry.ts';
import type { Page } from '../../shared/page.ts';
import { checkLabelRefs, overrideRefs } from '../rates/labels-repo.ts';
import { loadUser, rolesMissing, type UserRecord } from './repository.ts';
import type { CreateUser, PatchUser, User } from './schemas.ts';
import { applyPatch } from '../../shared/patch.ts';

const toApi = ({ entity: _e, firmId: _f, ...user }: UserRecord): User => user;

const duplicateEmail = (email: string) => new Conflict('duplicate_email', `A user with the email ${email} already exists.`);

async function checkRefs(firmId: string, user: Partial<CreateUser>): Promise<void> {
  const errors: FieldError[] = await checkLabelRefs(firmId, [
    { path: 'defaultRateLabelId', id: user.defaultRateLabelId },
    ...overrideRefs('customRates', user.customRates),
  ]);
  if (user.systemRoleId && (await rolesMissing(firmId, [user.systemRoleId])).size) {
    errors.push({ path: 'systemRoleId', message: 'is not a system role of this firm' });
  }
  if (errors.length) throw new BadRequest('Some references are invalid.', errors);
}

export async function createUser(firmId: string, input: CreateUser): Promise<User> {
  await checkRefs(firmId, input);
  const now = nowIso();
  const record: UserRecord = { entity: 'user', firmId, id: newId('us'), ...input, customRates: input.customRates ?? [], version: 1, createdAt: now, updatedAt: now };
  try {
    await practiceStore.commit([
      practiceStore.putRecord(practiceKeys.user(record.id), record, null),
      practiceStore.putUnique(firmId, practiceKeys.userEmail(record.email), { userId: record.id }),
    ]);
  } catch (error) {
    if (error instanceof TransactionRefused && error.failedAt(1)) throw duplicateEmail(input.email);
    throw error;
  }
  return toApi(record);
}

export async function listUsers(firmId: string, query: { limit: number; cursor?: string | undefined }): Promise<Page<User>> {
  const page = await practiceStore.list<UserRecord>(firmId, practiceKeys.userPrefix, query);
  return { items: page.items.map(toApi), nextCursor: page.nextCursor };
}

export async function patchUser(firmId: string, id: string, patch: PatchUser, ifMatch: number | undefined): Promise<User> {
  const { systemRoleId, defaultRateLabelId, customRates } = patch;
  await checkRefs(firmId, { ...(systemRoleId ? { systemRoleId } : {}), ...(defaultRateLabelId ? { defaultRateLabelId } : {}), ...(customRates ? { customRates } : {}) });
  return retrying(async () => {
    const current = await loadUser(firmId, id);
    if (!current) throw new NotFound('User');
    if (ifMatch !== undefined && ifMatch !== current.version) throw new PreconditionFailed(ifMatch, current.version);
    const next: Record<string, unknown> = applyPatch<Record<string, unknown>>(current as never, patch);
    const record = { ...(next as unknown as UserRecord), version: current.version + 1, updatedAt: nowIso() };
    const emailChanged = record.email.toLowerCase() !== current.email.toLowerCase();
    const items = [
      practiceStore.putRecord(practiceKeys.user(id), record, current.version),
      ...(emailChanged
        ? [practiceStore.putUnique(firmId, practiceKeys.userEmail(record.email), { userId: id }), practiceStore.delete(firmId, practiceKeys.userEmail(current.email))]
        : []),
    ];
    try {
      await practiceStore.commitUpdate(items, { ifMatch, firmId, sk: practiceKeys.user(id) });
    } catch (error) {
      if (error instanceof TransactionRefused && emailChanged && error.failedAt(1)) throw duplicateEmail(record.email);
      throw error;
    }
    return toApi(record);
  });
}
