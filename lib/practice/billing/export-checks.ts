import type { ExportedEntry, ExportError } from '#events/messages';
import { contactEntity } from '../entities/contact.entity.ts';
import { matterEntity } from '../entities/matter.entity.ts';
import { userEntity } from '../entities/user.entity.ts';
import type { MatterRecord } from '../matters/model.ts';
import type { PracticeContactRecord } from '../contacts/model.ts';
import type { UserRecord } from '../users/model.ts';
import type { TimeEntryRecord } from '../time/model.ts';

/** Reads records by id, remembering every answer (a missing record as `undefined`) until cleared. */
function remembering<R>(getMany: (firmId: string, ids: readonly string[]) => Promise<Map<string, R>>) {
  const seen = new Map<string, R | undefined>();
  return {
    async getMany(firmId: string, ids: readonly string[]): Promise<Map<string, R>> {
      const missing = [...new Set(ids)].filter((id) => !seen.has(id));
      if (missing.length) {
        const found = await getMany(firmId, missing);
        for (const id of missing) seen.set(id, found.get(id));
      }
      const out = new Map<string, R>();
      for (const id of ids) {
        const record = seen.get(id);
        if (record !== undefined) out.set(id, record);
      }
      return out;
    },
    clear: () => seen.clear(),
  };
}

/**
 * The matters, clients and timekeepers one planning step has read. A step
 * lasts seconds, and its pages mostly share them, so each is read once per
 * step instead of once per page.
 */
export class CheckLookups {
  readonly matters = remembering<MatterRecord>(matterEntity.getMany);
  readonly contacts = remembering<PracticeContactRecord>(contactEntity.getMany);
  readonly users = remembering<UserRecord>(userEntity.getMany);

  /** Forgets everything read (the page is read again because entries changed under it). */
  clear(): void {
    this.matters.clear();
    this.contacts.clear();
    this.users.clear();
  }
}

/**
 * Practice's part of the export checks, for a page of entries: the matter
 * must be linked to an accounting file and its primary client to an
 * accounting contact. It reads what the step has not read yet in two rounds
 * (matters and timekeepers at once, then primary clients), a BatchGet per
 * kind. (Whether accounting has a user with the timekeeper's email only
 * accounting can tell; it checks that itself.)
 */
export async function checkEntries(
  firmId: string,
  entries: readonly TimeEntryRecord[],
  lookups: CheckLookups = new CheckLookups(),
): Promise<{ ok: ExportedEntry[]; failed: ExportError[] }> {
  const [matters, timekeepers] = await Promise.all([
    lookups.matters.getMany(firmId, entries.map((e) => e.matterId)),
    lookups.users.getMany(firmId, entries.map((e) => e.timekeeperId)),
  ]);
  const clients = await lookups.contacts.getMany(firmId, [...matters.values()].map((m) => m.clientIds[0]!));
  const ok: ExportedEntry[] = [];
  const failed: ExportError[] = [];
  for (const e of entries) {
    const matter = matters.get(e.matterId);
    if (!matter || matter.link.status !== 'synchronized' || !matter.link.otherId) {
      const state = matter ? `its link is ${matter.link.status}` : 'it no longer exists';
      failed.push({
        timeEntryId: e.id,
        code: 'matter_not_linked',
        message: `The matter "${matter?.name ?? e.matterId}" has no accounting file yet (${state}). Link the matter, then export again.`,
      });
      continue;
    }
    const client = clients.get(matter.clientIds[0]!);
    if (!client || client.link.status !== 'synchronized' || !client.link.otherId) {
      failed.push({
        timeEntryId: e.id,
        code: 'contact_not_linked',
        message: `The primary client "${client?.name ?? matter.clientIds[0]}" of "${matter.name}" is not linked to accounting (${client?.link.status ?? 'missing'}). Fix the contact, then export again.`,
      });
      continue;
    }
    const timekeeper = timekeepers.get(e.timekeeperId);
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
