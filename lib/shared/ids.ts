import { monotonicFactory } from 'ulid';

const nextUlid = monotonicFactory();

/** Opaque, time-ordered ids with a readable prefix (`ct_…` for a contact). */
export function newId(prefix: string): string {
  return `${prefix}_${nextUlid().toLowerCase()}`;
}
