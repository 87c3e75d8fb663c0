import { compareClocks, firstClock, tick } from '#events/clock';
import { commonFieldNames, pickCommon, type ContactCommon, type NumberingSequence } from '#events/contact';
import { numberMatches } from '#events/contact-number';
import type { MessageDraft, AccountingContactLinkFailed, AccountingContactLinked, AccountingContactUpserted, PracticeContactLinked, PracticeContactUpserted } from '#events/messages';
import type * as z from 'zod';
import { answerCovers, pendingLink, type Link, type SyncState } from '../../sync/link.ts';
import type { CreatePracticeContact, PatchPracticeContact } from './schemas.ts';
import { applyPatch } from '../../shared/patch.ts';

/**
 * A practice contact as stored, and the pure rules of how it changes: by a
 * user, by a message from accounting, by the reconciler.
 */
export interface PracticeContactRecord extends ContactCommon {
  entity: 'contact';
  firmId: string;
  id: string;
  numberingSequence: NumberingSequence;
  reference: string | null;
  rateOverrides: { rateLabelId: string; value: string }[];
  link: Link;
  version: number;
  createdAt: string;
  updatedAt: string;
  sync: SyncState;
}

export function newContact(firmId: string, id: string, input: CreatePracticeContact, now: string): PracticeContactRecord {
  const { numberingSequence, reference, rateOverrides, ...common } = input;
  return {
    entity: 'contact',
    firmId,
    id,
    ...pickCommon(common),
    numberingSequence: numberingSequence ?? 'client',
    reference: reference ?? null,
    rateOverrides: rateOverrides ?? [],
    link: pendingLink(),
    version: 1,
    createdAt: now,
    updatedAt: now,
    sync: { clock: firstClock('practice'), attempts: 1, sentAt: now },
  };
}

/**
 * A user's edit. Every PATCH, even an empty one, ticks the clock and makes the
 * link pending: it is how a user forces practice's state onto accounting.
 */
export function patched(r: PracticeContactRecord, patch: PatchPracticeContact, now: string): PracticeContactRecord {
  const next: Record<string, unknown> = applyPatch<Record<string, unknown>>(r as never, patch);
  if (next.reference === undefined) next.reference = null;
  return {
    ...(next as unknown as PracticeContactRecord),
    link: pendingLink(r.link),
    version: r.version + 1,
    updatedAt: now,
    sync: { clock: tick(r.sync.clock, 'practice'), attempts: 1, sentAt: now },
  };
}

export function upsertMessage(r: PracticeContactRecord, practiceSeparateNumbering: boolean): MessageDraft<z.infer<typeof PracticeContactUpserted>> {
  return {
    type: 'practice.contact.upserted',
    firmId: r.firmId,
    practiceContactId: r.id,
    ...(r.link.otherId ? { accountingContactId: r.link.otherId } : {}),
    clock: r.sync.clock,
    contact: pickCommon(r),
    ...(r.reference ? { reference: r.reference } : {}),
    numberingSequence: r.numberingSequence,
    practiceSeparateNumbering,
  };
}

export function linkedMessage(r: PracticeContactRecord): MessageDraft<z.infer<typeof PracticeContactLinked>> {
  return {
    type: 'practice.contact.linked',
    firmId: r.firmId,
    practiceContactId: r.id,
    accountingContactId: r.link.otherId!,
    clock: r.sync.clock,
  };
}

type Upserted = z.infer<typeof AccountingContactUpserted>;

/** A contact first made in accounting, as practice records it. */
export function fromAccounting(id: string, m: Upserted, now: string): PracticeContactRecord {
  return {
    entity: 'contact',
    firmId: m.firmId,
    id,
    ...pickCommon(m.contact),
    numberingSequence: m.numberingSequence,
    reference: m.contactNumber,
    rateOverrides: [],
    link: { status: 'synchronized', otherId: m.accountingContactId },
    version: 1,
    createdAt: now,
    updatedAt: now,
    sync: { clock: m.clock, attempts: 0, sentAt: now },
  };
}

export type Outcome =
  | { kind: 'applied'; record: PracticeContactRecord }
  | { kind: 'already_applied' }
  | { kind: 'stale' };

/**
 * Accounting's state of a linked contact. Newer than ours: take it (and answer).
 * The same: we already have it (answer again; the sender may have missed it).
 * Older: ignore it; our newer state is on its way to accounting.
 */
export function applyRemote(r: PracticeContactRecord, m: Upserted, now: string): Outcome {
  const order = compareClocks(m.clock, r.sync.clock);
  if (order < 0) return { kind: 'stale' };
  if (order === 0 && r.link.status === 'synchronized' && r.link.otherId === m.accountingContactId) {
    return { kind: 'already_applied' };
  }
  const kept: Record<string, unknown> = { ...r };
  for (const field of commonFieldNames) delete kept[field];
  return {
    kind: 'applied',
    record: {
      ...(kept as unknown as PracticeContactRecord),
      ...pickCommon(m.contact),
      reference: m.contactNumber,
      link: { status: 'synchronized', otherId: m.accountingContactId },
      version: r.version + 1,
      updatedAt: now,
      sync: { clock: m.clock, attempts: 0, sentAt: now },
    },
  };
}

/** Accounting's answer that it holds our state (and under which number). */
export function applyLinked(r: PracticeContactRecord, m: z.infer<typeof AccountingContactLinked>, now: string): PracticeContactRecord | undefined {
  const settles = answerCovers(m.clock, r.sync.clock);
  const link: Link = settles
    ? { status: 'synchronized', otherId: m.accountingContactId }
    : { ...r.link, otherId: m.accountingContactId };
  if (r.reference === m.contactNumber && sameLink(r.link, link)) return undefined;
  return { ...r, reference: m.contactNumber, link, version: r.version + 1, updatedAt: now };
}

/** Accounting could not take our latest state (a taken number): the link shows why. */
export function applyLinkFailed(r: PracticeContactRecord, m: z.infer<typeof AccountingContactLinkFailed>, now: string): PracticeContactRecord | undefined {
  if (compareClocks(m.clock, r.sync.clock) !== 0) return undefined;
  const link: Link = { status: 'error', ...(r.link.otherId ? { otherId: r.link.otherId } : {}), error: m.error };
  if (sameLink(r.link, link)) return undefined;
  return { ...r, link, version: r.version + 1, updatedAt: now };
}

function sameLink(a: Link, b: Link): boolean {
  return a.status === b.status && a.otherId === b.otherId && a.error?.code === b.error?.code;
}

/** A search finds a contact by any of its names, email or phone as typed, and by its number in any spelling of it. */
export function matchesSearch(r: PracticeContactRecord, search: string): boolean {
  const needle = search.toLowerCase();
  if (r.reference && numberMatches(r.reference, search)) return true;
  return [r.name, r.firstName, r.lastName, r.email, r.phone].some((v) => typeof v === 'string' && v.toLowerCase().includes(needle));
}
