import type * as z from 'zod';
import { compareClocks, firstClock, tick } from '#events/clock';
import { commonFieldNames, pickCommon, type ContactCommon, type NumberingSequence } from '#events/contact';
import { numberMatches } from '#events/contact-number';
import type {
  AccountingContactLinkFailed,
  AccountingContactLinked,
  AccountingContactUpserted,
  MessageDraft,
  LinkErrorCode,
  PracticeContactLinked,
  PracticeContactUpserted,
} from '#events/messages';
import { answerCovers, pendingLink, type Link, type SyncState } from '../../sync/link.ts';
import type { AccountingContactKind, CreateAccountingContact, PatchAccountingContact } from './schemas.ts';
import { applyPatch } from '../../shared/patch.ts';

/** An accounting contact as stored, and the pure rules of how it changes. */
export interface AccountingContactRecord extends Omit<ContactCommon, 'kind'> {
  entity: 'contact';
  firmId: string;
  id: string;
  kind: AccountingContactKind;
  numberingSequence: NumberingSequence;
  contactNumber: string;
  /** The sequence whose number space holds `contactNumber`. */
  numberSpace: NumberingSequence;
  link: Link;
  version: number;
  createdAt: string;
  updatedAt: string;
  sync: SyncState;
}

type PracticeUpserted = z.infer<typeof PracticeContactUpserted>;

/** Whether a contact takes part in sync: not groups, not while the integration is off. */
export const syncs = (r: Pick<AccountingContactRecord, 'kind'>, integrationEnabled: boolean) =>
  integrationEnabled && r.kind !== 'group';

export function newContact(
  firmId: string,
  id: string,
  input: CreateAccountingContact,
  number: { contactNumber: string; numberSpace: NumberingSequence },
  integrationEnabled: boolean,
  now: string,
): AccountingContactRecord {
  const { contactNumber: _n, numberingSequence, kind, ...common } = input;
  return {
    entity: 'contact',
    firmId,
    id,
    ...pickCommon(common as ContactCommon),
    kind,
    numberingSequence: numberingSequence ?? 'client',
    ...number,
    link: syncs({ kind }, integrationEnabled) ? pendingLink() : { status: 'unsynchronized' },
    version: 1,
    createdAt: now,
    updatedAt: now,
    sync: { clock: firstClock('accounting'), attempts: 1, sentAt: now },
  };
}

export function patched(
  r: AccountingContactRecord,
  patch: PatchAccountingContact,
  integrationEnabled: boolean,
  now: string,
): AccountingContactRecord {
  const next: Record<string, unknown> = applyPatch<Record<string, unknown>>(r as never, patch);
  const record = next as unknown as AccountingContactRecord;
  return {
    ...record,
    link: syncs(record, integrationEnabled) ? pendingLink(r.link) : { status: 'unsynchronized' },
    version: r.version + 1,
    updatedAt: now,
    sync: { clock: tick(r.sync.clock, 'accounting'), attempts: 1, sentAt: now },
  };
}

/** A contact first made in practice, as accounting records it. */
export function fromPractice(
  id: string,
  m: PracticeUpserted,
  number: { contactNumber: string; numberSpace: NumberingSequence },
  now: string,
): AccountingContactRecord {
  return {
    entity: 'contact',
    firmId: m.firmId,
    id,
    ...pickCommon(m.contact),
    numberingSequence: m.numberingSequence,
    ...number,
    link: { status: 'synchronized', otherId: m.practiceContactId },
    version: 1,
    createdAt: now,
    updatedAt: now,
    sync: { clock: m.clock, attempts: 0, sentAt: now },
  };
}

/** Practice's newer state taken over: common fields, sequence and (if asked) number. */
export function withRemote(
  r: AccountingContactRecord,
  m: PracticeUpserted,
  contactNumber: string,
  now: string,
): AccountingContactRecord {
  const kept: Record<string, unknown> = { ...r };
  for (const field of commonFieldNames) delete kept[field];
  return {
    ...(kept as unknown as AccountingContactRecord),
    ...pickCommon(m.contact),
    numberingSequence: m.numberingSequence,
    contactNumber,
    link: { status: 'synchronized', otherId: m.practiceContactId },
    version: r.version + 1,
    updatedAt: now,
    sync: { clock: m.clock, attempts: 0, sentAt: now },
  };
}

/** Accounting already holds this state; the link is settled if it was not yet. */
export function settled(r: AccountingContactRecord, practiceContactId: string, now: string): AccountingContactRecord | undefined {
  if (r.link.status === 'synchronized' && r.link.otherId === practiceContactId) return undefined;
  return { ...r, link: { status: 'synchronized', otherId: practiceContactId }, version: r.version + 1, updatedAt: now };
}

/** Practice's answer that it holds our state. */
export function applyLinked(r: AccountingContactRecord, m: z.infer<typeof PracticeContactLinked>, now: string): AccountingContactRecord | undefined {
  if (!answerCovers(m.clock, r.sync.clock)) {
    if (r.link.otherId === m.practiceContactId) return undefined;
    return { ...r, link: { ...r.link, otherId: m.practiceContactId }, version: r.version + 1, updatedAt: now };
  }
  return settled(r, m.practiceContactId, now);
}

export const isNewer = (m: PracticeUpserted, r: AccountingContactRecord) => compareClocks(m.clock, r.sync.clock);

export function upsertMessage(r: AccountingContactRecord): MessageDraft<z.infer<typeof AccountingContactUpserted>> {
  return {
    type: 'accounting.contact.upserted',
    firmId: r.firmId,
    accountingContactId: r.id,
    ...(r.link.otherId ? { practiceContactId: r.link.otherId } : {}),
    clock: r.sync.clock,
    contact: pickCommon({ ...(r as unknown as ContactCommon), kind: r.kind === 'group' ? 'organization' : r.kind }),
    contactNumber: r.contactNumber,
    numberingSequence: r.numberingSequence,
  };
}

export function linkedMessage(r: AccountingContactRecord): MessageDraft<z.infer<typeof AccountingContactLinked>> {
  return {
    type: 'accounting.contact.linked',
    firmId: r.firmId,
    practiceContactId: r.link.otherId!,
    accountingContactId: r.id,
    contactNumber: r.contactNumber,
    clock: r.sync.clock,
  };
}

export function linkFailedMessage(
  m: PracticeUpserted,
  code: LinkErrorCode,
  message: string,
): MessageDraft<z.infer<typeof AccountingContactLinkFailed>> {
  return { type: 'accounting.contact.link_failed', firmId: m.firmId, practiceContactId: m.practiceContactId, clock: m.clock, error: { code, message } };
}

/** A search finds a contact by any of its names, email or phone as typed, and by its number in any spelling of it. */
export function matchesSearch(r: AccountingContactRecord, search: string): boolean {
  const needle = search.toLowerCase();
  if (r.contactNumber && numberMatches(r.contactNumber, search)) return true;
  return [r.name, r.firstName, r.lastName, r.email, r.phone].some((v) => typeof v === 'string' && v.toLowerCase().includes(needle));
}
