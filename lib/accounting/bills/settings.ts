import { accountingKeys, accountingStore } from '../store.ts';
import { nowIso } from '../../shared/clock.ts';
import { PreconditionFailed } from '../../shared/errors.ts';
import { retrying } from '../../shared/retry.ts';
import { billsRepo } from './repository.ts';
import { startProductionItems } from './production.ts';
import type { BillingSettings } from './schemas.ts';

interface SettingsRecord extends BillingSettings {
  entity: 'billingSettings';
  firmId: string;
  id: 'billing';
}

/** Firms with scheduled production are listed in one index partition, so the run finds them without a scan. */
const SCHEDULED = 'SCHEDULED#PRODUCTION';

export async function getBillingSettings(firmId: string): Promise<BillingSettings> {
  const r = await accountingStore.get<SettingsRecord>(firmId, accountingKeys.billingSettings);
  return { scheduledProduction: r?.scheduledProduction ?? false, version: r?.version ?? 1, updatedAt: r?.updatedAt ?? null };
}

export async function putBillingSettings(firmId: string, input: { scheduledProduction: boolean }, ifMatch: number | undefined): Promise<BillingSettings> {
  return retrying(async () => {
    const stored = await accountingStore.get<SettingsRecord>(firmId, accountingKeys.billingSettings);
    const version = stored?.version ?? 1;
    if (ifMatch !== undefined && ifMatch !== version) throw new PreconditionFailed(ifMatch, version);
    const next: SettingsRecord = { entity: 'billingSettings', firmId, id: 'billing', scheduledProduction: input.scheduledProduction, version: version + 1, updatedAt: nowIso() };
    const indexed = next.scheduledProduction ? { ...next, gsi3pk: SCHEDULED, gsi3sk: firmId } : next;
    await accountingStore.commitUpdate([accountingStore.putRecord(accountingKeys.billingSettings, indexed, stored ? version : null)], {
      ifMatch,
      firmId,
      sk: accountingKeys.billingSettings,
    });
    const { entity: _e, firmId: _f, id: _i, ...settings } = next;
    return settings;
  });
}

/**
 * The scheduled billing run: a production job for every firm with scheduled
 * production and approved bills. It only starts jobs (one small transaction
 * per firm); the jobs plan and produce in their own Lambdas, so thousands of
 * bills never depend on this function's time limit.
 */
export async function runScheduledProduction(): Promise<{ firms: number; jobs: string[] }> {
  const jobs: string[] = [];
  let firms = 0;
  let cursor: string | undefined;
  do {
    const page = await accountingStore.listIndex<SettingsRecord>('gsi3', SCHEDULED, { limit: 100, cursor });
    for (const settings of page.items) {
      firms++;
      const approved = await billsRepo.byStatus(settings.firmId, 'approved', { limit: 1 });
      if (approved.items.length === 0) continue;
      const { job, items } = startProductionItems(settings.firmId, undefined);
      await accountingStore.commit(items);
      jobs.push(job.id);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return { firms, jobs };
}
