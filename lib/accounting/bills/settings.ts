import { commit } from '../../aws/transactions.ts';
import { billEntity } from '../entities/bill.entity.ts';
import { billingSettingsEntity } from '../entities/billing-settings.entity.ts';
import { startProductionItems } from './production.ts';
import type { BillingSettings } from './schemas.ts';

export async function getBillingSettings(firmId: string): Promise<BillingSettings> {
  return billingSettingsEntity.toApi((await billingSettingsEntity.load(firmId)).record);
}

export async function putBillingSettings(firmId: string, input: { scheduledProduction: boolean }, ifMatch: number | undefined): Promise<BillingSettings> {
  const next = await billingSettingsEntity.replace(firmId, ifMatch, (current) => ({ ...current, scheduledProduction: input.scheduledProduction }));
  return billingSettingsEntity.toApi(next);
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
    const page = await billingSettingsEntity.pageScheduledFirms({ limit: 100, cursor });
    for (const firmId of page.items) {
      firms++;
      const approved = await billEntity.pageByStatus(firmId, 'approved', { limit: 1 });
      if (approved.items.length === 0) continue;
      const { job, items } = startProductionItems(firmId, undefined);
      await commit(items);
      jobs.push(job.id);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return { firms, jobs };
}
