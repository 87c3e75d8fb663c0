import { practiceKeys, practiceStore } from '../store.ts';
import type { SystemRole, QuickCode } from '../rates/schemas.ts';
import type { User } from './schemas.ts';

/** Timekeepers, system roles and quick codes as stored in the practice table. */
export interface UserRecord extends User {
  entity: 'user';
  firmId: string;
}

export interface RoleRecord extends SystemRole {
  entity: 'systemRole';
  firmId: string;
}

export interface QuickCodeRecord extends QuickCode {
  entity: 'quickCode';
  firmId: string;
  /** Quick codes are keyed by their code; `id` mirrors it so they store like every record. */
  id: string;
}

export const loadUser = (firmId: string, id: string) => practiceStore.get<UserRecord>(firmId, practiceKeys.user(id));
export const loadRole = (firmId: string, id: string) => practiceStore.get<RoleRecord>(firmId, practiceKeys.systemRole(id));
export const loadQuickCode = (firmId: string, code: string) => practiceStore.get<QuickCodeRecord>(firmId, practiceKeys.quickCode(code));

/** Which of these user ids are not users of the firm. */
export async function usersExist(firmId: string, ids: readonly string[]): Promise<Set<string>> {
  const found = await practiceStore.getMany<UserRecord>(firmId, ids.map(practiceKeys.user));
  return new Set(ids.filter((id) => !found.has(practiceKeys.user(id))));
}

/** Which of these role ids are not system roles of the firm. */
export async function rolesMissing(firmId: string, ids: readonly string[]): Promise<Set<string>> {
  const found = await practiceStore.getMany<RoleRecord>(firmId, ids.map(practiceKeys.systemRole));
  return new Set(ids.filter((id) => !found.has(practiceKeys.systemRole(id))));
}
