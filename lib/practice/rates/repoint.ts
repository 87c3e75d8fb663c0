import { practiceKeys, practiceStore } from '../store.ts';
import { TransactionRefused, type StoredRecord } from '../../aws/book-store.ts';
import { nowIso } from '../../shared/clock.ts';
import { Retry, retrying } from '../../shared/retry.ts';
import type { PracticeContactRecord } from '../contacts/model.ts';
import type { MatterRecord } from '../matters/model.ts';
import type { UserRecord, RoleRecord, QuickCodeRecord } from '../users/repository.ts';
import { mergeOverrides, mergeRef, mergeRoleMap, type MergeSpec } from './merge.ts';

export interface RepointReport {
  users: number;
  systemRoles: number;
  quickCodes: number;
  matters: number;
  contacts: number;
}

/**
 * Rewrites every record under `prefix` that `change` alters, each with its own
 * version guard (re-read and re-applied if it changed meanwhile). Idempotent:
 * a record already repointed is left alone.
 */
async function rewriteAll<R extends StoredRecord>(
  firmId: string,
  prefix: string,
  sk: (r: R) => string,
  change: (r: R) => R | undefined,
): Promise<number> {
  let count = 0;
  for (const listed of await practiceStore.all<R>(firmId, prefix)) {
    if (!change(listed)) continue;
    await retrying(async () => {
      const current = await practiceStore.get<R>(firmId, sk(listed));
      const next = current && change(current);
      if (!current || !next) return;
      try {
        await practiceStore.commit([practiceStore.putRecord(sk(current), { ...next, version: current.version + 1, updatedAt: nowIso() }, current.version)]);
        count++;
      } catch (error) {
        if (error instanceof TransactionRefused && error.failedAt(0)) throw new Retry('changed meanwhile');
        throw error;
      }
    });
  }
  return count;
}

export async function repointReferences(firmId: string, m: MergeSpec): Promise<RepointReport> {
  const [users, systemRoles, quickCodes, matters, contacts] = await Promise.all([
    rewriteAll<UserRecord>(firmId, practiceKeys.userPrefix, (r) => practiceKeys.user(r.id), (r) => {
      const defaultRateLabelId = mergeRef(r.defaultRateLabelId, m);
      const customRates = mergeOverrides(r.customRates, m);
      if (!defaultRateLabelId && !customRates) return undefined;
      return { ...r, ...(defaultRateLabelId ? { defaultRateLabelId } : {}), ...(customRates ? { customRates } : {}) };
    }),
    rewriteAll<RoleRecord>(firmId, practiceKeys.systemRolePrefix, (r) => practiceKeys.systemRole(r.id), (r) => {
      const defaultRateLabelId = mergeRef(r.defaultRateLabelId, m);
      return defaultRateLabelId ? { ...r, defaultRateLabelId } : undefined;
    }),
    rewriteAll<QuickCodeRecord>(firmId, practiceKeys.quickCodePrefix, (r) => practiceKeys.quickCode(r.code), (r) => {
      const rateLabelByRole = mergeRoleMap(r.rateLabelByRole, m);
      return rateLabelByRole ? { ...r, rateLabelByRole } : undefined;
    }),
    rewriteAll<MatterRecord>(firmId, practiceKeys.matterPrefix, (r) => practiceKeys.matter(r.id), (r) => {
      const rateLabelId = mergeRef(r.billing.rateLabelId, m);
      const rateOverrides = mergeOverrides(r.billing.rateOverrides, m);
      if (!rateLabelId && !rateOverrides) return undefined;
      return { ...r, billing: { ...r.billing, ...(rateLabelId ? { rateLabelId } : {}), ...(rateOverrides ? { rateOverrides } : {}) } };
    }),
    rewriteAll<PracticeContactRecord>(firmId, practiceKeys.contactPrefix, (r) => practiceKeys.contact(r.id), (r) => {
      const rateOverrides = mergeOverrides(r.rateOverrides, m);
      return rateOverrides ? { ...r, rateOverrides } : undefined;
    }),
  ]);
  return { users, systemRoles, quickCodes, matters, contacts };
}
