import { commit, commitUpdate, refusedAt } from '../../aws/transactions.ts';
import { newId } from '../../shared/ids.ts';
import { nowIso } from '../../shared/clock.ts';
import { BadRequest, Conflict, NotFound, PreconditionFailed } from '../../shared/errors.ts';
import { Retry, retrying } from '../../shared/retry.ts';
import { rateLabelEntity } from '../entities/rate-label.entity.ts';
import { userEntity } from '../entities/user.entity.ts';
import type { LabelRecord } from './model.ts';
import { repointReferences, type RepointReport } from './repoint.ts';
import { mergeTimekeeperValues } from './merge.ts';
import type { CreateRateLabel, DeleteRateLabel, PatchRateLabel, RateLabel } from './schemas.ts';

const duplicateName = (name: string) => new Conflict('duplicate_name', `A rate label named "${name}" already exists (names are case-insensitive).`);

async function checkTimekeepers(firmId: string, values: readonly { userId: string }[] | undefined): Promise<void> {
  if (!values?.length) return;
  const missing = await userEntity.missing(firmId, values.map((v) => v.userId));
  const errors = values.flatMap((v, i) => (missing.has(v.userId) ? [{ path: `timekeeperValues.${i}.userId`, message: 'is not a user of this firm' }] : []));
  const seen = new Set<string>();
  values.forEach((v, i) => {
    if (seen.has(v.userId)) errors.push({ path: `timekeeperValues.${i}.userId`, message: 'is listed twice' });
    seen.add(v.userId);
  });
  if (errors.length) throw new BadRequest('Some timekeeper values are invalid.', errors);
}

export async function createRateLabel(firmId: string, input: CreateRateLabel): Promise<RateLabel> {
  await checkTimekeepers(firmId, input.timekeeperValues);
  const now = nowIso();
  const record: LabelRecord = {
    entity: 'rateLabel',
    firmId,
    id: newId('rl'),
    name: input.name,
    type: input.type,
    ...(input.baseValue ? { baseValue: input.baseValue } : {}),
    active: input.active ?? true,
    timekeeperValues: input.timekeeperValues ?? [],
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await commit([rateLabelEntity.put(record, null), rateLabelEntity.claimName(firmId, record.name, record.id)]);
  } catch (error) {
    if (refusedAt(error, 1)) throw duplicateName(record.name);
    throw error;
  }
  return rateLabelEntity.toApi(record);
}

export async function listRateLabels(firmId: string): Promise<{ items: RateLabel[]; nextCursor: null }> {
  const labels = [...(await rateLabelEntity.byId(firmId)).values()].filter((l) => !l.mergedInto);
  labels.sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()) || a.id.localeCompare(b.id));
  return { items: labels.map(rateLabelEntity.toApi), nextCursor: null };
}

async function loadLive(firmId: string, id: string): Promise<LabelRecord> {
  const label = await rateLabelEntity.get(firmId, id);
  if (!label || label.mergedInto) throw new NotFound('Rate label');
  return label;
}

export async function patchRateLabel(firmId: string, id: string, patch: PatchRateLabel, ifMatch: number | undefined): Promise<RateLabel> {
  await checkTimekeepers(firmId, patch.timekeeperValues);
  return retrying(async () => {
    const current = await loadLive(firmId, id);
    if (ifMatch !== undefined && ifMatch !== current.version) throw new PreconditionFailed(ifMatch, current.version);
    if (current.type !== 'hourly' && (patch.baseValue !== undefined || patch.timekeeperValues !== undefined)) {
      throw new BadRequest(`A ${current.type} label takes no values.`, [
        ...(patch.baseValue !== undefined ? [{ path: 'baseValue', message: `is only for hourly labels, not ${current.type}` }] : []),
        ...(patch.timekeeperValues !== undefined ? [{ path: 'timekeeperValues', message: `are only for hourly labels, not ${current.type}` }] : []),
      ]);
    }
    const next: LabelRecord = {
      ...current,
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.baseValue !== undefined ? { baseValue: patch.baseValue } : {}),
      ...(patch.active !== undefined ? { active: patch.active } : {}),
      ...(patch.timekeeperValues !== undefined ? { timekeeperValues: patch.timekeeperValues } : {}),
      version: current.version + 1,
      updatedAt: nowIso(),
    };
    const renamed = next.name.toLowerCase() !== current.name.toLowerCase();
    const items = [
      rateLabelEntity.put(next, current.version),
      ...(renamed ? [rateLabelEntity.claimName(firmId, next.name, id), rateLabelEntity.releaseName(firmId, current.name)] : []),
    ];
    try {
      await commitUpdate(items, rateLabelEntity.guard(firmId, id, ifMatch));
    } catch (error) {
      if (renamed && refusedAt(error, 1)) throw duplicateName(next.name);
      throw error;
    }
    return rateLabelEntity.toApi(next);
  });
}

export interface MergeReport {
  id: string;
  mergedInto: string;
  reason: string;
  repointed: RepointReport;
}

/**
 * Deletes a label by merging it into another: the label becomes an alias of
 * the target (so every lookup, even one racing this request, already lands on
 * the target), its name is freed, then every user, system role, quick code,
 * matter and contact that named it is repointed. Time entries keep the rate
 * they stored. Safe to repeat: a second call finishes an interrupted merge.
 */
export async function deleteRateLabel(firmId: string, id: string, input: DeleteRateLabel, by: string): Promise<MergeReport> {
  if (input.mergeIntoId === id) throw new BadRequest('A label cannot be merged into itself.', [{ path: 'mergeIntoId', message: 'must name another label' }]);
  const labels = await rateLabelEntity.byId(firmId);
  const current = labels.get(id);
  const target = labels.get(input.mergeIntoId);
  if (!current || (current.mergedInto && current.mergedInto !== input.mergeIntoId)) throw new NotFound('Rate label');
  if (!target || target.mergedInto) {
    throw new BadRequest('The label to merge into does not exist.', [{ path: 'mergeIntoId', message: 'is not a rate label of this firm' }]);
  }
  if (!current.mergedInto) {
    await retrying(async () => {
      const fresh = await loadLive(firmId, id);
      const now = nowIso();
      const merged: LabelRecord = { ...fresh, mergedInto: target.id, active: false, deleted: { at: now, by, reason: input.reason }, version: fresh.version + 1, updatedAt: now };
      const freshTarget = (await rateLabelEntity.get(firmId, target.id))!;
      const targetValues = target.type === 'hourly' ? mergeTimekeeperValues(freshTarget.timekeeperValues, fresh.timekeeperValues) : freshTarget.timekeeperValues;
      const nextTarget: LabelRecord = { ...freshTarget, timekeeperValues: targetValues, version: freshTarget.version + 1, updatedAt: now };
      try {
        await commit([
          rateLabelEntity.put(merged, fresh.version),
          rateLabelEntity.put(nextTarget, freshTarget.version),
          rateLabelEntity.releaseName(firmId, fresh.name),
        ]);
      } catch (error) {
        if (refusedAt(error, 0) || refusedAt(error, 1)) throw new Retry('labels changed meanwhile');
        throw error;
      }
    });
  }
  const repointed = await repointReferences(firmId, { from: id, to: target.id, toIsHourly: target.type === 'hourly' });
  return { id, mergedInto: target.id, reason: current.deleted?.reason ?? input.reason, repointed };
}
