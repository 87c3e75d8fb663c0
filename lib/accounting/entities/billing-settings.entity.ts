import { singletonRecord } from '../../aws/entity.ts';
import type { Page, PageOptions } from '../../shared/page.ts';
import type { BillingSettings } from '../bills/schemas.ts';
import { accountingTable } from './book.ts';

/**
 * The firm's billing settings.
 *
 * | item | sort key | index | what it holds |
 * |---|---|---|---|
 * | billing settings | `BILLING#SETTINGS` | gsi3: `SCHEDULED#PRODUCTION` / `<firmId>`, only while scheduled production is on | the settings (version-guarded; defaults at version 1 until first saved) |
 *
 * The index lists the firms with scheduled production in one partition, so
 * the scheduled run finds them without a scan.
 *
 * Transitions: replaced whole (`put`, guarded by the version loaded; new if
 * never stored), its index entry derived afresh.
 */
export interface BillingSettingsRecord extends BillingSettings {
  entity: 'billingSettings';
  firmId: string;
  id: 'billing';
}

const SCHEDULED = 'SCHEDULED#PRODUCTION';

/** A firm that never saved billing settings has these, at version 1. */
const defaults = (firmId: string): BillingSettingsRecord => ({
  entity: 'billingSettings',
  firmId,
  id: 'billing',
  scheduledProduction: false,
  version: 1,
  updatedAt: null,
});

const indexKeys = (r: BillingSettingsRecord): Record<string, string> =>
  r.scheduledProduction ? { gsi3pk: SCHEDULED, gsi3sk: r.firmId } : {};

export const billingSettingsEntity = {
  ...singletonRecord<BillingSettingsRecord>(accountingTable, 'BILLING#SETTINGS', defaults, indexKeys),

  /** A page of the ids of the firms with scheduled production, in firm id order. */
  async pageScheduledFirms(options: PageOptions<BillingSettingsRecord>): Promise<Page<string>> {
    const page = await accountingTable.listIndex<BillingSettingsRecord>('gsi3', SCHEDULED, options);
    return { items: page.items.map((s) => s.firmId), nextCursor: page.nextCursor };
  },

  toApi: (r: BillingSettingsRecord): BillingSettings => ({
    scheduledProduction: r.scheduledProduction,
    version: r.version,
    updatedAt: r.updatedAt,
  }),
};
