import type * as z from 'zod';
import type { AccountingFileLinked, AccountingFileLinkFailed, MessageDraft, LinkErrorCode, MatterOptions, PracticeMatterUpserted } from '#events/messages';
import type { Link, SyncState } from '../../sync/link.ts';
import type { FileOptions } from './schemas.ts';
import { initialAllocations, reallocate, splitWasSetByHand, type Allocation } from './allocations.ts';

/** An accounting file (a matter, as accounting keeps it) and the pure rules of how it changes. */
export interface FileRecord {
  entity: 'file';
  firmId: string;
  id: string;
  matterNumber: string;
  name: string;
  /** Accounting contact ids, in practice's order (the primary first). */
  clientIds: string[];
  /** The primary client: the first of practice's clients. Absent on files stored before it was kept (see primaryClientOf). */
  primaryClientId?: string;
  allocations: Allocation[];
  /** Set by PUT /accounting/files/{id}/allocations: from then on the split no longer follows the primary (see reallocate). */
  splitSetByHand?: boolean;
  practiceMatterId: string;
  options: MatterOptions;
  link: Link;
  version: number;
  createdAt: string;
  updatedAt: string;
  sync: SyncState;
}

type Upserted = z.infer<typeof PracticeMatterUpserted>;

/**
 * A file's billing options with the defaults of what older senders and older stored files lack: no
 * `printInvoices` = false; no `paymentTermsDays` stays absent (the firm's terms apply).
 */
export const fileOptionsOf = (options: MatterOptions): FileOptions => ({ ...options, printInvoices: options.printInvoices ?? false });

export function fromPractice(id: string, m: Upserted, matterNumber: string, now: string): FileRecord {
  const clientIds = m.clients.map((c) => c.accountingContactId);
  return {
    entity: 'file',
    firmId: m.firmId,
    id,
    matterNumber,
    name: m.name,
    clientIds,
    primaryClientId: clientIds[0]!,
    allocations: initialAllocations(clientIds),
    splitSetByHand: false,
    practiceMatterId: m.practiceMatterId,
    options: fileOptionsOf(m.options),
    link: { status: 'synchronized', otherId: m.practiceMatterId },
    version: 1,
    createdAt: now,
    updatedAt: now,
    sync: { clock: m.clock, attempts: 0, sentAt: now },
  };
}

/** The file's primary client (the first of practice's clients). */
export const primaryClientOf = (r: Pick<FileRecord, 'primaryClientId' | 'clientIds'>): string => r.primaryClientId ?? r.clientIds[0]!;

/** How the file divides its bills: the split and the primary client. */
export const splitOf = (r: Pick<FileRecord, 'allocations' | 'primaryClientId' | 'clientIds'>) => ({ allocations: r.allocations, primaryClientId: primaryClientOf(r) });

/** Practice's newer state: name, clients (shares follow, see reallocate), options and number. */
export function withRemote(r: FileRecord, m: Upserted, matterNumber: string, now: string): FileRecord {
  const clientIds = m.clients.map((c) => c.accountingContactId);
  const setByHand = splitWasSetByHand(r);
  return {
    ...r,
    matterNumber,
    name: m.name,
    clientIds,
    primaryClientId: clientIds[0]!,
    allocations: reallocate(r.allocations, clientIds, setByHand),
    splitSetByHand: setByHand,
    options: fileOptionsOf(m.options),
    link: { status: 'synchronized', otherId: m.practiceMatterId },
    version: r.version + 1,
    updatedAt: now,
    sync: { clock: m.clock, attempts: 0, sentAt: now },
  };
}

/** The split set by hand (PUT allocations): it stays with its clients from now on. */
export function withSplit(r: FileRecord, allocations: Allocation[], now: string): FileRecord {
  return { ...r, allocations, splitSetByHand: true, version: r.version + 1, updatedAt: now };
}

export function linkedMessage(r: FileRecord): MessageDraft<z.infer<typeof AccountingFileLinked>> {
  return {
    type: 'accounting.file.linked',
    firmId: r.firmId,
    practiceMatterId: r.practiceMatterId,
    accountingFileId: r.id,
    matterNumber: r.matterNumber,
    clock: r.sync.clock,
  };
}

export function linkFailedMessage(m: Upserted, code: LinkErrorCode, message: string): MessageDraft<z.infer<typeof AccountingFileLinkFailed>> {
  return { type: 'accounting.file.link_failed', firmId: m.firmId, practiceMatterId: m.practiceMatterId, clock: m.clock, error: { code, message } };
}

export function matchesFile(r: FileRecord, search?: string): boolean {
  if (!search) return true;
  const needle = search.toLowerCase();
  return r.name.toLowerCase().includes(needle) || r.matterNumber.toLowerCase().includes(needle);
}
