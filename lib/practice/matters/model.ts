import type * as z from 'zod';
import { firstClock, tick } from '#events/clock';
import { compareClocks } from '#events/clock';
import type { AccountingFileLinked, AccountingFileLinkFailed, MatterOptions, MessageDraft, PracticeMatterUpserted } from '#events/messages';
import { answerCovers, pendingLink, type Link, type SyncState } from '../../sync/link.ts';
import type { Billing, CreateMatter, PatchMatter } from './schemas.ts';
import { applyPatch } from '../../shared/patch.ts';

/** A practice matter as stored, and the pure rules of how it changes. */
export interface MatterRecord {
  entity: 'matter';
  firmId: string;
  id: string;
  name: string;
  /** Practice contact ids; the first is the primary client. */
  clientIds: string[];
  fileReference: string | null;
  /** A number practice asked for and accounting has not confirmed yet. */
  requestedFileReference?: string;
  /** As stored: matters stored before `printInvoices` existed lack it (read through `billingOf`). */
  billing: StoredBilling;
  link: Link;
  version: number;
  createdAt: string;
  updatedAt: string;
  sync: SyncState;
}

/** Billing options as stored: older records lack the options added since (each has a default). */
export type StoredBilling = Omit<Billing, 'printInvoices'> & { printInvoices?: boolean };

const defaultBilling: Billing = { customRatesEnabled: false, rateOverrides: [], emailInvoices: false, ledesEnabled: false, printInvoices: false };

/** A matter's billing options with the defaults of options its stored record predates (no `paymentTermsDays`: the firm's terms). */
export const billingOf = (r: Pick<MatterRecord, 'billing'>): Billing => ({ ...defaultBilling, ...r.billing });

function mergeBilling(current: StoredBilling, patch: Record<string, unknown> | undefined): Billing {
  const next: Record<string, unknown> = applyPatch<Record<string, unknown>>({ ...defaultBilling, ...current } as never, patch ?? {});
  return next as Billing;
}

export function newMatter(firmId: string, id: string, input: CreateMatter, now: string): MatterRecord {
  return {
    entity: 'matter',
    firmId,
    id,
    name: input.name,
    clientIds: input.clientIds,
    fileReference: input.fileReference ?? null,
    ...(input.fileReference ? { requestedFileReference: input.fileReference } : {}),
    billing: mergeBilling(defaultBilling, input.billing),
    link: pendingLink(),
    version: 1,
    createdAt: now,
    updatedAt: now,
    sync: { clock: firstClock('practice'), attempts: 1, sentAt: now },
  };
}

/** A user's edit (or a change of clients): a new state to send, so the clock ticks. */
export function edited(r: MatterRecord, change: PatchMatter & { clientIds?: string[] }, now: string): MatterRecord {
  const requested = change.fileReference && change.fileReference !== r.fileReference ? change.fileReference : r.requestedFileReference;
  return {
    ...r,
    ...(change.name !== undefined ? { name: change.name } : {}),
    ...(change.clientIds ? { clientIds: change.clientIds } : {}),
    ...(requested ? { requestedFileReference: requested } : {}),
    billing: mergeBilling(r.billing, change.billing),
    version: r.version + 1,
    updatedAt: now,
    sync: { ...r.sync, clock: tick(r.sync.clock, 'practice'), attempts: 1, sentAt: now },
  };
}

/** Where a matter's clients stand with accounting. */
export type Readiness =
  | { kind: 'ready'; clients: { practiceContactId: string; accountingContactId: string }[] }
  | { kind: 'waiting'; contactIds: string[] }
  | { kind: 'failed'; contactIds: string[]; message: string };

export function readiness(clientIds: readonly string[], contacts: ReadonlyMap<string, { name: string; link: Link }>): Readiness {
  const failed: string[] = [];
  const waiting: string[] = [];
  const reasons: string[] = [];
  for (const id of clientIds) {
    const contact = contacts.get(id);
    if (!contact) {
      failed.push(id);
      reasons.push(`${id} no longer exists`);
    } else if (contact.link.status === 'synchronized' && contact.link.otherId) {
      continue;
    } else if (contact.link.status === 'pending') {
      waiting.push(id);
    } else {
      failed.push(id);
      reasons.push(`${contact.name} (${contact.link.error?.code ?? contact.link.status})`);
    }
  }
  if (failed.length) {
    return { kind: 'failed', contactIds: [...failed, ...waiting], message: `Clients not linked to accounting: ${reasons.join(', ')}.` };
  }
  if (waiting.length) return { kind: 'waiting', contactIds: waiting };
  return {
    kind: 'ready',
    clients: clientIds.map((id) => ({ practiceContactId: id, accountingContactId: contacts.get(id)!.link.otherId! })),
  };
}

/**
 * What to do with a matter given its clients: send it (ready), wait for them
 * (pending, with the contacts it waits for), or show that it cannot link
 * (error `client_not_linked`, still waiting so fixing a client wakes it).
 */
export function announced(r: MatterRecord, ready: Readiness, now: string): { record: MatterRecord; send: boolean } {
  const otherId = r.link.otherId ? { otherId: r.link.otherId } : {};
  const { waitingFor: _w, ...sync } = r.sync;
  const link: Link =
    ready.kind === 'failed'
      ? { status: 'error', ...otherId, error: { code: 'client_not_linked', message: ready.message } }
      : { status: 'pending', ...otherId };
  const record: MatterRecord = {
    ...r,
    link,
    sync: { ...sync, sentAt: now, ...(ready.kind === 'ready' ? {} : { waitingFor: ready.contactIds }) },
  };
  const visible = link.status !== r.link.status || link.error?.message !== r.link.error?.message;
  if (visible && record.version === r.version) {
    record.version = r.version + 1;
    record.updatedAt = now;
  }
  return { record, send: ready.kind === 'ready' };
}

export function upsertMessage(
  r: MatterRecord,
  clients: { practiceContactId: string; accountingContactId: string }[],
): MessageDraft<z.infer<typeof PracticeMatterUpserted>> {
  const fileReference = r.requestedFileReference ?? r.fileReference ?? undefined;
  return {
    type: 'practice.matter.upserted',
    firmId: r.firmId,
    practiceMatterId: r.id,
    ...(r.link.otherId ? { accountingFileId: r.link.otherId } : {}),
    clock: r.sync.clock,
    name: r.name,
    clients,
    ...(fileReference ? { fileReference } : {}),
    options: matterOptions(billingOf(r)),
  };
}

/** The billing options accounting needs, as the matter message carries them. */
function matterOptions(b: Billing): MatterOptions {
  return {
    emailInvoices: b.emailInvoices,
    ledesEnabled: b.ledesEnabled,
    ...(b.clientMatterId ? { clientMatterId: b.clientMatterId } : {}),
    printInvoices: b.printInvoices,
    ...(b.paymentTermsDays !== undefined ? { paymentTermsDays: b.paymentTermsDays } : {}),
  };
}

/** Accounting holds our state under its matter number. */
export function applyFileLinked(r: MatterRecord, m: z.infer<typeof AccountingFileLinked>, now: string): MatterRecord | undefined {
  const settles = answerCovers(m.clock, r.sync.clock);
  const { requestedFileReference, ...rest } = r;
  const next: MatterRecord = {
    ...(settles ? rest : r),
    fileReference: m.matterNumber,
    link: settles ? { status: 'synchronized', otherId: m.accountingFileId } : { ...r.link, otherId: m.accountingFileId },
  };
  const unchanged =
    next.fileReference === r.fileReference &&
    next.link.status === r.link.status &&
    next.link.otherId === r.link.otherId &&
    next.requestedFileReference === requestedFileReference;
  return unchanged ? undefined : { ...next, version: r.version + 1, updatedAt: now };
}

/** Accounting refused our latest state (a taken number): the link says why. */
export function applyFileLinkFailed(r: MatterRecord, m: z.infer<typeof AccountingFileLinkFailed>, now: string): MatterRecord | undefined {
  if (compareClocks(m.clock, r.sync.clock) !== 0) return undefined;
  if (r.link.status === 'error' && r.link.error?.code === m.error.code) return undefined;
  return {
    ...r,
    link: { status: 'error', ...(r.link.otherId ? { otherId: r.link.otherId } : {}), error: m.error },
    version: r.version + 1,
    updatedAt: now,
  };
}

export function matchesMatter(r: MatterRecord, search?: string, clientId?: string): boolean {
  if (clientId && !r.clientIds.includes(clientId)) return false;
  if (!search) return true;
  const needle = search.toLowerCase();
  return [r.name, r.fileReference].some((v) => typeof v === 'string' && v.toLowerCase().includes(needle));
}
