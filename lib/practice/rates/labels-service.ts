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
 * they stored. Safe to repeat: the same merge again finishes an interrupted
 * one and answers as the first did.
 *
 * Whether the merge may happen is decided by the transaction's conditions,
 * not by the read before it: the source must still be at the version read
 * and not merged, the target at the version read, not merged and active. So
 * of two merges crossing (L into T, T into L) exactly one commits; the other,
 * reading again, finds its target merged: 409, and it has written nothing.
 */
export async function deleteRateLabel(firmId: string, id: string, input: DeleteRateLabel, by: string): Promise<MergeReport> {
  if (input.mergeIntoId === id) throw new BadRequest('A label cannot be merged into itself.', [{ path: 'mergeIntoId', message: 'must name another label' }]);
  const merged = await retrying(() => mergeOnce(firmId, id, input, by));
  const repointed = await repointReferences(firmId);
  return { id, mergedInto: input.mergeIntoId, reason: merged.deleted?.reason ?? input.reason, repointed };
}

/** Commits the merge (or finds it done), from a fresh read of both labels; a lost race is retried from the read. */
async function mergeOnce(firmId: string, id: string, input: DeleteRateLabel, by: string): Promise<LabelRecord> {
  const found = await rateLabelEntity.getMany(firmId, [id, input.mergeIntoId]);
  const source = found.get(id);
  const target = found.get(input.mergeIntoId);
  if (!source) throw new NotFound('Rate label');
  if (source.mergedInto === input.mergeIntoId) return source;
  if (source.mergedInto) {
    throw new Conflict('label_merged', `This label was merged into ${source.mergedInto} already; it cannot be merged again.`);
  }
  if (!target) throw new BadRequest('The label to merge into does not exist.', [{ path: 'mergeIntoId', message: 'is not a rate label of this firm' }]);
  if (target.mergedInto) {
    throw new Conflict('merge_target_merged', `The label to merge into was itself merged into ${target.mergedInto}; merge into a label that is not deleted.`);
  }
  if (!target.active) throw new Conflict('merge_target_inactive', `The label to merge into ("${target.name}") is inactive; activate it first, or merge into an active label.`);
  const now = nowIso();
  const merged: LabelRecord = { ...source, mergedInto: target.id, active: false, deleted: { at: now, by, reason: input.reason }, version: source.version + 1, updatedAt: now };
  const timekeeperValues = target.type === 'hourly' ? mergeTimekeeperValues(target.timekeeperValues, source.timekeeperValues) : target.timekeeperValues;
  const absorbed: LabelRecord = { ...target, timekeeperValues, version: target.version + 1, updatedAt: now };
  try {
    await commit([rateLabelEntity.mergeAway(merged, source.version), rateLabelEntity.absorb(absorbed, target.version), rateLabelEntity.releaseName(firmId, source.name)]);
  } catch (error) {
    if (refusedAt(error, 0) || refusedAt(error, 1)) throw new Retry('a label changed meanwhile');
    throw error;
  }
  return merged;
}
