import type { QuickCode, SystemRole } from '../rates/schemas.ts';
import type { User } from './schemas.ts';

/** Timekeepers, system roles and quick codes as stored in the practice book (their items: `entities/`). */
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
