import type { ExportedEntry, ExportError } from '#events/messages';
import { readTogether } from '../../aws/entity.ts';
import { contactEntity } from '../entities/contact.entity.ts';
import { matterEntity } from '../entities/matter.entity.ts';
import { userEntity } from '../entities/user.entity.ts';
import type { MatterRecord } from '../matters/model.ts';
import type { PracticeContactRecord } from '../contacts/model.ts';
import type { UserRecord } from '../users/model.ts';
import type { TimeEntryRecord } from '../time/model.ts';

/** Records of one kind by id, as read so far (a missing record remembered as `undefined`). */
class Remembered<R> {
  private readonly seen = new Map<string, R | undefined>();

  /** The ids not read yet. */
  unread(ids: readonly string[]): string[] {
    return [...new Set(ids)].filter((id) => !this.seen.has(id));
  }

  /** Remembers what a read of `ids` found, and gives every record of `wanted` known now. */
  learn(ids: readonly string[], found: ReadonlyMap<string, R>, wanted: readonly string[]): Map<string, R> {
    for (const id of ids) this.seen.set(id, found.get(id));
    const out = new Map<string, R>();
    for (const id of wanted) {
      const record = this.seen.get(id);
      if (record !== undefined) out.set(id, record);
    }
    return out;
  }

  clear(): void {
    this.seen.clear();
  }
}

/**
 * The matters, clients and timekeepers one planning step has read. A step
 * lasts seconds, and its pages mostly share them, so each is read once per
 * step instead of once per page.
 */
export class CheckLookups {
  readonly matters = new Remembered<MatterRecord>();
  readonly contacts = new Remembered<PracticeContactRecord>();
  readonly users = new Remembered<UserRecord>();

  /** Forgets everything read (the page is read again because entries changed under it). */
  clear(): void {
    this.matters.clear();
    this.contacts.clear();
    this.users.clear();
  }
}

/**
 * Practice's part of the export checks, for a page of entries in at most two
 * BatchGets (of what the step has not read yet): the matter must be linked to
 * an accounting file and its primary client to an accounting contact.
 * (Whether accounting has a user with the timekeeper's email only accounting
 * can tell; it checks that itself.)
 */
export async function checkEntries(
  firmId: string,
  entries: readonly TimeEntryRecord[],
  lookups: CheckLookups = new CheckLookups(),
): Promise<{ ok: ExportedEntry[]; failed: ExportError[] }> {
  const matterIds = entries.map((e) => e.matterId);
  const unreadMatters = lookups.matters.unread(matterIds);
  const foundMatters = await matterEntity.getMany(firmId, unreadMatters);
  const matters = lookups.matters.learn(unreadMatters, foundMatters, matterIds);

  const clientIds = [...matters.values()].map((m) => m.clientIds[0]!);
  const timekeeperIds = entries.map((e) => e.timekeeperId);
  const unreadClients = lookups.contacts.unread(clientIds);
  const unreadTimekeepers = lookups.users.unread(timekeeperIds);
  const [foundClients, foundTimekeepers] = await readTogether(
    contactEntity.readMany(firmId, unreadClients),
    userEntity.readMany(firmId, unreadTimekeepers),
  );
  const clients = lookups.contacts.learn(unreadClients, foundClients, clientIds);
  const timekeepers = lookups.users.learn(unreadTimekeepers, foundTimekeepers, timekeeperIds);

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
      ...(timekeeper?.firstName ? { timekeeperFirstName: timekeeper.firstName } : {}),
      ...(timekeeper?.lastName ? { timekeeperLastName: timekeeper.lastName } : {}),
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
