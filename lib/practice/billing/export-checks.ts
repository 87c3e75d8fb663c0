import type { ExportedEntry, ExportError } from '#events/messages';
import { practiceKeys, practiceStore } from '../store.ts';
import type { MatterRecord } from '../matters/model.ts';
import type { PracticeContactRecord } from '../contacts/model.ts';
import type { UserRecord } from '../users/repository.ts';
import type { TimeEntryRecord } from '../time/model.ts';

/**
 * The matters, clients and timekeepers one planning step has read (a missing
 * record is remembered as `undefined`). A step lasts seconds, and its pages
 * mostly share them, so each is read once per step instead of once per page.
 */
export type CheckLookups = Map<string, unknown>;

async function getManyRemembered<T>(firmId: string, keys: readonly string[], lookups: CheckLookups): Promise<Map<string, T>> {
  const missing = [...new Set(keys)].filter((k) => !lookups.has(k));
  if (missing.length) {
    const found = await practiceStore.getMany<T>(firmId, missing);
    for (const k of missing) lookups.set(k, found.get(k));
  }
  const out = new Map<string, T>();
  for (const k of keys) if (lookups.get(k) !== undefined) out.set(k, lookups.get(k) as T);
  return out;
}

/**
 * Practice's part of the export checks, for a page of entries in at most two
 * BatchGets: the matter must be linked to an accounting file and its primary
 * client to an accounting contact. (Whether accounting has a user with the
 * timekeeper's email only accounting can tell; it checks that itself.)
 */
export async function checkEntries(
  firmId: string,
  entries: readonly TimeEntryRecord[],
  lookups: CheckLookups = new Map(),
): Promise<{ ok: ExportedEntry[]; failed: ExportError[] }> {
  const matters = await getManyRemembered<MatterRecord>(firmId, entries.map((e) => practiceKeys.matter(e.matterId)), lookups);
  const matterOf = (e: TimeEntryRecord) => matters.get(practiceKeys.matter(e.matterId));
  const related = await getManyRemembered<PracticeContactRecord | UserRecord>(firmId, [
    ...[...matters.values()].map((m) => practiceKeys.contact(m.clientIds[0]!)),
    ...entries.map((e) => practiceKeys.user(e.timekeeperId)),
  ], lookups);
  const ok: ExportedEntry[] = [];
  const failed: ExportError[] = [];
  for (const e of entries) {
    const matter = matterOf(e);
    if (!matter || matter.link.status !== 'synchronized' || !matter.link.otherId) {
      const state = matter ? `its link is ${matter.link.status}` : 'it no longer exists';
      failed.push({
        timeEntryId: e.id,
        code: 'matter_not_linked',
        message: `The matter "${matter?.name ?? e.matterId}" has no accounting file yet (${state}). Link the matter, then export again.`,
      });
      continue;
    }
    const client = related.get(practiceKeys.contact(matter.clientIds[0]!)) as PracticeContactRecord | undefined;
    if (!client || client.link.status !== 'synchronized' || !client.link.otherId) {
      failed.push({
        timeEntryId: e.id,
        code: 'contact_not_linked',
        message: `The primary client "${client?.name ?? matter.clientIds[0]}" of "${matter.name}" is not linked to accounting (${client?.link.status ?? 'missing'}). Fix the contact, then export again.`,
      });
      continue;
    }
    const timekeeper = related.get(practiceKeys.user(e.timekeeperId)) as UserRecord | undefined;
    ok.push({
      timeEntryId: e.id,
      accountingFileId: matter.link.otherId,
      matterName: matter.name,
      timekeeperEmail: timekeeper?.email ?? '',
      timekeeperName: timekeeper?.name ?? e.timekeeperId,
      ...(timekeeper?.ledesId ? { timekeeperLedesId: timekeeper.ledesId } : {}),
      ...(timekeeper?.classification ? { timekeeperClassification: timekeeper.classification } : {}),
      date: e.date,
      description: e.description,
      hours: e.hours,
      billableHours: e.billableHours,
      rateType: e.rate.type,
      rate: e.rate.value,
      amount: e.amount,
      behavior: e.behavior,
      ...(e.taskCode ? { taskCode: e.taskCode } : {}),
      ...(e.activityCode ? { activityCode: e.activityCode } : {}),
    });
  }
  return { ok, failed };
}
