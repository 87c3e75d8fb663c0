import type { StoredRecord } from '../../aws/book-store.ts';
import { commit, refusedAt, type TxItem } from '../../aws/transactions.ts';
import { nowIso } from '../../shared/clock.ts';
import { faultPoint } from '../../shared/faults.ts';
import { Retry, retrying } from '../../shared/retry.ts';
import { contactEntity } from '../entities/contact.entity.ts';
import { matterEntity } from '../entities/matter.entity.ts';
import { quickCodeEntity } from '../entities/quick-code.entity.ts';
import { systemRoleEntity } from '../entities/system-role.entity.ts';
import { userEntity } from '../entities/user.entity.ts';
import { rateLabelEntity } from '../entities/rate-label.entity.ts';
import { aliasesOf, mergeOverrides, mergeRef, mergeRoleMap } from './merge.ts';

export interface RepointReport {
  users: number;
  systemRoles: number;
  quickCodes: number;
  matters: number;
  contacts: number;
}

/** What rewriting needs of an entity: every record of a firm, one record, and a version-guarded put. */
interface Rewritable<R> {
  all(firmId: string): Promise<R[]>;
  get(firmId: string, id: string): Promise<R | undefined>;
  put(record: R, expected: number | null): TxItem;
}

/**
 * Rewrites every record of an entity that `change` alters, each with its own
 * version guard (re-read and re-applied if it changed meanwhile). Idempotent:
 * a record already repointed is left alone.
 */
async function rewriteAll<R extends StoredRecord & { updatedAt: string }>(
  firmId: string,
  entity: Rewritable<R>,
  change: (r: R) => R | undefined,
): Promise<number> {
  let count = 0;
  for (const listed of await entity.all(firmId)) {
    if (!change(listed)) continue;
    await retrying(async () => {
      const current = await entity.get(firmId, listed.id);
      const next = current && change(current);
      if (!current || !next) return;
      try {
        await commit([entity.put({ ...next, version: current.version + 1, updatedAt: nowIso() }, current.version)]);
        count++;
        faultPoint('practice.rateLabel.afterRepointingOne', firmId); // tests crash a merge halfway through its repointing
      } catch (error) {
        if (refusedAt(error, 0)) throw new Retry('changed meanwhile');
        throw error;
      }
    });
  }
  return count;
}

/**
 * Repoints every user, system role, quick code, matter and contact of the
 * firm that names a merged label to the live label it stands for (the end
 * of its alias chain), as the labels stand when this starts: call it after
 * the merge committed. Each record is its own version-guarded write, so a
 * crash leaves some records repointed and some naming the alias, which
 * price the same (`merge.ts`); running it again (a repeated DELETE, or any
 * later merge) finishes the work. Two runs racing over a chain (A into B
 * repointing while B into C does) end with every record on C: the newer run
 * knows both aliases and rewrites either name wherever it finds it, and a
 * write of the older run to a record the newer one rewrote first fails its
 * guard; read again, the record names no alias the older run knows.
 */
export async function repointReferences(firmId: string): Promise<RepointReport> {
  const m = aliasesOf(await rateLabelEntity.byId(firmId));
  const [users, systemRoles, quickCodes, matters, contacts] = await allFinished([
    rewriteAll(firmId, userEntity, (r) => {
      const defaultRateLabelId = mergeRef(r.defaultRateLabelId, m);
      const customRates = mergeOverrides(r.customRates, m);
      if (!defaultRateLabelId && !customRates) return undefined;
      return { ...r, ...(defaultRateLabelId ? { defaultRateLabelId } : {}), ...(customRates ? { customRates } : {}) };
    }),
    rewriteAll(firmId, systemRoleEntity, (r) => {
      const defaultRateLabelId = mergeRef(r.defaultRateLabelId, m);
      return defaultRateLabelId ? { ...r, defaultRateLabelId } : undefined;
    }),
    rewriteAll(firmId, quickCodeEntity, (r) => {
      const rateLabelByRole = mergeRoleMap(r.rateLabelByRole, m);
      return rateLabelByRole ? { ...r, rateLabelByRole } : undefined;
    }),
    rewriteAll(firmId, matterEntity, (r) => {
      const rateLabelId = mergeRef(r.billing.rateLabelId, m);
      const rateOverrides = mergeOverrides(r.billing.rateOverrides, m);
      if (!rateLabelId && !rateOverrides) return undefined;
      return { ...r, billing: { ...r.billing, ...(rateLabelId ? { rateLabelId } : {}), ...(rateOverrides ? { rateOverrides } : {}) } };
    }),
    rewriteAll(firmId, contactEntity, (r) => {
      const rateOverrides = mergeOverrides(r.rateOverrides, m);
      return rateOverrides ? { ...r, rateOverrides } : undefined;
    }),
  ]);
  return { users, systemRoles, quickCodes, matters, contacts };
}

/**
 * Like Promise.all, but fails only once every rewrite has stopped: a failed
 * kind of record must not answer the request while the others' writes are
 * still in flight (in Lambda they would be frozen with the container and land
 * in some later invocation; a caller reading after the answer would miss them).
 */
async function allFinished<T extends readonly unknown[]>(work: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const settled = await Promise.allSettled(work);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as unknown as T;
}
