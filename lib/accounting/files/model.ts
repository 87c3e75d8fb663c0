import type * as z from 'zod';
import type { AccountingFileLinked, AccountingFileLinkFailed, MessageDraft, LinkErrorCode, MatterOptions, PracticeMatterUpserted } from '#events/messages';
import type { Link, SyncState } from '../../sync/link.ts';
import { initialAllocations, reallocate, type Allocation } from './allocations.ts';

/** An accounting file (a matter, as accounting keeps it) and the pure rules of how it changes. */
export interface FileRecord {
  entity: 'file';
  firmId: string;
  id: string;
  matterNumber: string;
  name: string;
  /** Accounting contact ids; the first is the primary client. */
  clientIds: string[];
  allocations: Allocation[];
  practiceMatterId: string;
  options: MatterOptions;
  link: Link;
  version: number;
  createdAt: string;
  updatedAt: string;
  sync: SyncState;
}

type Upserted = z.infer<typeof PracticeMatterUpserted>;

export function fromPractice(id: string, m: Upserted, matterNumber: string, now: string): FileRecord {
  const clientIds = m.clients.map((c) => c.accountingContactId);
  return {
    entity: 'file',
    firmId: m.firmId,
    id,
    matterNumber,
    name: m.name,
    clientIds,
    allocations: initialAllocations(clientIds),
    practiceMatterId: m.practiceMatterId,
    options: m.options,
    link: { status: 'synchronized', otherId: m.practiceMatterId },
    version: 1,
    createdAt: now,
    updatedAt: now,
    sync: { clock: m.clock, attempts: 0, sentAt: now },
  };
}

/** Practice's newer state: name, clients (shares follow, see reallocate), options and number. */
export function withRemote(r: FileRecord, m: Upserted, matterNumber: string, now: string): FileRecord {
  const clientIds = m.clients.map((c) => c.accountingContactId);
  return {
    ...r,
    matterNumber,
    name: m.name,
    clientIds,
    allocations: reallocate(r.allocations, clientIds),
    options: m.options,
    link: { status: 'synchronized', otherId: m.practiceMatterId },
    version: r.version + 1,
    updatedAt: now,
    sync: { clock: m.clock, attempts: 0, sentAt: now },
  };
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
