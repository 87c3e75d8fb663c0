import { readTogether } from '../../aws/entity.ts';
import type { FieldError } from '../../shared/errors.ts';
import { contactEntity } from '../entities/contact.entity.ts';
import { matterEntity } from '../entities/matter.entity.ts';
import { quickCodeEntity } from '../entities/quick-code.entity.ts';
import { rateLabelEntity } from '../entities/rate-label.entity.ts';
import { systemRoleEntity } from '../entities/system-role.entity.ts';
import { userEntity } from '../entities/user.entity.ts';
import type { RateContext } from '../rates/resolver.ts';
import type { QuickCodeRecord } from '../users/model.ts';

export interface ContextRequest {
  matterId: string;
  timekeeperId: string;
  quickCode?: string | undefined;
}

export type ContextResult =
  | { ok: true; ctx: RateContext; quickCode?: QuickCodeRecord; /** The matter takes coded time only (ledes-codes.ts). */ ledesEnabled: boolean }
  | { ok: false; errors: FieldError[] };

const present = (ids: readonly (string | undefined)[]) => ids.filter((id): id is string => id !== undefined);

/**
 * Loads everything the rate hierarchy needs for a batch of entries in three
 * round trips whatever the batch size: the firm's labels (one query) with the
 * matters, timekeepers and quick codes (one BatchGet), then the system roles
 * and primary clients they name (one BatchGet). Returns a lookup per entry.
 */
export async function loadRateContexts(firmId: string, requests: readonly ContextRequest[]): Promise<(r: ContextRequest) => ContextResult> {
  const [labels, [matters, users, codes]] = await Promise.all([
    rateLabelEntity.byId(firmId),
    readTogether(
      matterEntity.readMany(firmId, requests.map((r) => r.matterId)),
      userEntity.readMany(firmId, requests.map((r) => r.timekeeperId)),
      quickCodeEntity.readMany(firmId, present(requests.map((r) => r.quickCode))),
    ),
  ]);
  const [clients, roles] = await readTogether(
    contactEntity.readMany(firmId, [...matters.values()].map((m) => m.clientIds[0]!)),
    systemRoleEntity.readMany(firmId, present([...users.values()].map((u) => u.systemRoleId))),
  );

  return (r) => {
    const m = matters.get(r.matterId);
    const u = users.get(r.timekeeperId);
    const q = r.quickCode ? codes.get(r.quickCode) : undefined;
    const errors: FieldError[] = [];
    if (!m) errors.push({ path: 'matterId', message: 'is not a matter of this firm' });
    if (!u) errors.push({ path: 'timekeeperId', message: 'is not a user of this firm' });
    if (r.quickCode && !q) errors.push({ path: 'quickCode', message: 'is not a quick code of this firm' });
    if (errors.length || !m || !u) return { ok: false, errors };
    const client = clients.get(m.clientIds[0]!);
    const role = u.systemRoleId ? roles.get(u.systemRoleId) : undefined;
    return {
      ok: true,
      ...(q ? { quickCode: q } : {}),
      ledesEnabled: m.billing.ledesEnabled === true,
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
