import { practiceKeys, practiceStore } from '../store.ts';
import { TransactionRefused } from '../../aws/book-store.ts';
import { newId } from '../../shared/ids.ts';
import { nowIso } from '../../shared/clock.ts';
import { BadRequest, Conflict, NotFound, PreconditionFailed } from '../../shared/errors.ts';
import { Retry, retrying } from '../../shared/retry.ts';
import { usersExist } from '../users/repository.ts';
import { labelToApi, loadLabels, type LabelRecord } from './labels-repo.ts';
import { repointReferences, type RepointReport } from './repoint.ts';
import { mergeTimekeeperValues } from './merge.ts';
import type { CreateRateLabel, DeleteRateLabel, PatchRateLabel, RateLabel } from './schemas.ts';

const duplicateName = (name: string) => new Conflict('duplicate_name', `A rate label named "${name}" already exists (names are case-insensitive).`);

async function checkTimekeepers(firmId: string, values: readonly { userId: string }[] | undefined): Promise<void> {
  if (!values?.length) return;
  const missing = await usersExist(firmId, values.map((v) => v.userId));
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
    await practiceStore.commit([
      practiceStore.putRecord(practiceKeys.rateLabel(record.id), record, null),
      practiceStore.putUnique(firmId, practiceKeys.rateLabelName(record.name), { labelId: record.id }),
    ]);
  } catch (error) {
    if (error instanceof TransactionRefused && error.failedAt(1)) throw duplicateName(record.name);
    throw error;
  }
  return labelToApi(record);
}

export async function listRateLabels(firmId: string): Promise<{ items: RateLabel[]; nextCursor: null }> {
  const labels = [...(await loadLabels(firmId)).values()].filter((l) => !l.mergedInto);
  labels.sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()) || a.id.localeCompare(b.id));
  return { items: labels.map(labelToApi), nextCursor: null };
}

async function loadLive(firmId: string, id: string): Promise<LabelRecord> {
  const label = await practiceStore.get<LabelRecord>(firmId, practiceKeys.rateLabel(id));
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
      practiceStore.putRecord(practiceKeys.rateLabel(id), next, current.version),
      ...(renamed
        ? [
            practiceStore.putUnique(firmId, practiceKeys.rateLabelName(next.name), { labelId: id }),
            practiceStore.delete(firmId, practiceKeys.rateLabelName(current.name)),
          ]
        : []),
    ];
    try {
      await practiceStore.commitUpdate(items, { ifMatch, firmId, sk: practiceKeys.rateLabel(id) });
    } catch (error) {
      if (error instanceof TransactionRefused && renamed && error.failedAt(1)) throw duplicateName(next.name);
      throw error;
    }
    return labelToApi(next);
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
  const labels = await loadLabels(firmId);
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
      const freshTarget = (await practiceStore.get<LabelRecord>(firmId, practiceKeys.rateLabel(target.id)))!;
      const targetValues = target.type === 'hourly' ? mergeTimekeeperValues(freshTarget.timekeeperValues, fresh.timekeeperValues) : freshTarget.timekeeperValues;
      const nextTarget: LabelRecord = { ...freshTarget, timekeeperValues: targetValues, version: freshTarget.version + 1, updatedAt: now };
      try {
        await practiceStore.commit([
          practiceStore.putRecord(practiceKeys.rateLabel(id), merged, fresh.version),
          practiceStore.putRecord(practiceKeys.rateLabel(target.id), nextTarget, freshTarget.version),
          practiceStore.delete(firmId, practiceKeys.rateLabelName(fresh.name)),
        ]);
      } catch (error) {
        if (error instanceof TransactionRefused && (error.failedAt(0) || error.failedAt(1))) throw new Retry('labels changed meanwhile');
        throw error;
      }
    });
  }
  const repointed = await repointReferences(firmId, { from: id, to: target.id, toIsHourly: target.type === 'hourly' });
  return { id, mergedInto: target.id, reason: current.deleted?.reason ?? input.reason, repointed };
}
