import { practiceKeys, practiceStore } from '../store.ts';
import type { FieldError } from '../../shared/errors.ts';
import { loadLabels } from '../rates/labels-repo.ts';
import type { RateContext } from '../rates/resolver.ts';
import type { PracticeContactRecord } from '../contacts/model.ts';
import type { MatterRecord } from '../matters/model.ts';
import type { QuickCodeRecord, RoleRecord, UserRecord } from '../users/repository.ts';

export interface ContextRequest {
  matterId: string;
  timekeeperId: string;
  quickCode?: string | undefined;
}

export type ContextResult = { ok: true; ctx: RateContext; quickCode?: QuickCodeRecord } | { ok: false; errors: FieldError[] };

/**
 * Loads everything the rate hierarchy needs for a batch of entries in three
 * round trips whatever the batch size: the firm's labels (one query) with the
 * matters, timekeepers and quick codes (one BatchGet), then the system roles
 * and primary clients they name (one BatchGet). Returns a lookup per entry.
 */
export async function loadRateContexts(firmId: string, requests: readonly ContextRequest[]): Promise<(r: ContextRequest) => ContextResult> {
  const firstKeys = requests.flatMap((r) => [
    practiceKeys.matter(r.matterId),
    practiceKeys.user(r.timekeeperId),
    ...(r.quickCode ? [practiceKeys.quickCode(r.quickCode)] : []),
  ]);
  const [labels, first] = await Promise.all([loadLabels(firmId), practiceStore.getMany<Record<string, unknown>>(firmId, firstKeys)]);
  const matter = (id: string) => first.get(practiceKeys.matter(id)) as MatterRecord | undefined;
  const user = (id: string) => first.get(practiceKeys.user(id)) as UserRecord | undefined;
  const code = (c: string) => first.get(practiceKeys.quickCode(c)) as QuickCodeRecord | undefined;

  const secondKeys = requests.flatMap((r) => {
    const m = matter(r.matterId);
    const u = user(r.timekeeperId);
    return [...(m ? [practiceKeys.contact(m.clientIds[0]!)] : []), ...(u?.systemRoleId ? [practiceKeys.systemRole(u.systemRoleId)] : [])];
  });
  const second = secondKeys.length ? await practiceStore.getMany<Record<string, unknown>>(firmId, secondKeys) : new Map();

  return (r) => {
    const m = matter(r.matterId);
    const u = user(r.timekeeperId);
    const q = r.quickCode ? code(r.quickCode) : undefined;
    const errors: FieldError[] = [];
    if (!m) errors.push({ path: 'matterId', message: 'is not a matter of this firm' });
    if (!u) errors.push({ path: 'timekeeperId', message: 'is not a user of this firm' });
    if (r.quickCode && !q) errors.push({ path: 'quickCode', message: 'is not a quick code of this firm' });
    if (errors.length || !m || !u) return { ok: false, errors };
    const client = second.get(practiceKeys.contact(m.clientIds[0]!)) as PracticeContactRecord | undefined;
    const role = u.systemRoleId ? (second.get(practiceKeys.systemRole(u.systemRoleId)) as RoleRecord | undefined) : undefined;
    return {
      ok: true,
      ...(q ? { quickCode: q } : {}),
      ctx: {
        labels,
        matter: { rateLabelId: m.billing.rateLabelId, customRatesEnabled: m.billing.customRatesEnabled, rateOverrides: m.billing.rateOverrides },
        primaryClient: client ? { rateOverrides: client.rateOverrides } : undefined,
        timekeeper: { id: u.id, systemRoleId: u.systemRoleId, defaultRateLabelId: u.defaultRateLabelId, customRates: u.customRates },
        systemRole: role ? { defaultRateLabelId: role.defaultRateLabelId } : undefined,
        quickCode: q ? { rateLabelByRole: q.rateLabelByRole } : undefined,
      },
    };
  };
}
