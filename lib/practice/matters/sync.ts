import type * as z from 'zod';
import type { AccountingBalanceChanged, AccountingFileLinked, AccountingFileLinkFailed } from '#events/messages';
import { commit, refusedAt } from '../../aws/transactions.ts';
import { nowIso } from '../../shared/clock.ts';
import { NotFound } from '../../shared/errors.ts';
import { Retry, retrying } from '../../shared/retry.ts';
import { countIfSettled } from '../../sync/link-metrics.ts';
import { matterEntity } from '../entities/matter.entity.ts';
import { matterBalanceEntity } from '../entities/matter-balance.entity.ts';
import { announce } from './announce.ts';
import { applyFileLinked, applyFileLinkFailed, type MatterRecord } from './model.ts';

/** How practice applies what accounting says about files and balances. Idempotent. */

async function update(firmId: string, id: string, change: (r: MatterRecord) => MatterRecord | undefined): Promise<void> {
  await retrying(async () => {
    const current = await matterEntity.get(firmId, id);
    if (!current) throw new NotFound(`Matter ${id}`);
    const next = change(current);
    if (!next) return;
    try {
      await commit([matterEntity.put(next, current.version)]);
    } catch (error) {
      if (refusedAt(error, 0)) throw new Retry('matter changed meanwhile');
      throw error;
    }
    countIfSettled(current, next);
  });
}

export const onFileLinked = (m: z.infer<typeof AccountingFileLinked>) =>
  update(m.firmId, m.practiceMatterId, (r) => applyFileLinked(r, m, nowIso()));

export const onFileLinkFailed = (m: z.infer<typeof AccountingFileLinkFailed>) =>
  update(m.firmId, m.practiceMatterId, (r) => applyFileLinkFailed(r, m, nowIso()));

/** Keeps the newest balance accounting reported; a late, older one changes nothing. */
export async function onBalanceChanged(m: z.infer<typeof AccountingBalanceChanged>): Promise<void> {
  try {
    await commit([matterBalanceEntity.put(m.firmId, m.practiceMatterId, { seq: m.seq, balance: m.balance, asOf: m.asOf })]);
  } catch (error) {
    if (!refusedAt(error, 0)) throw error;
  }
}

/**
 * A contact's link changed: every matter waiting for it is looked at again,
 * and sent if all its clients are now linked. A crash halfway leaves the
 * matter pending, where the reconciler finds it.
 */
export async function wakeMattersWaitingFor(firmId: string, contactId: string): Promise<void> {
  for (const matterId of await matterEntity.waitingFor(firmId, contactId)) {
    await retrying(async () => {
      const current = await matterEntity.get(firmId, matterId);
      const stopWaiting = matterEntity.stopWaiting(firmId, contactId, matterId);
      if (!current || !current.sync.waitingFor?.includes(contactId)) {
        await commit([stopWaiting]);
        return;
      }
      const now = nowIso();
      const { record, items } = await announce(current, now);
      const stillWaiting = record.sync.waitingFor?.includes(contactId);
      try {
        await commit([matterEntity.put(record, current.version), ...items, ...(stillWaiting ? [] : [stopWaiting])]);
      } catch (error) {
        if (refusedAt(error, 0)) throw new Retry('matter changed meanwhile');
        throw error;
      }
    });
  }
}
