import { commit, commitUpdate } from '../../aws/transactions.ts';
import { newId } from '../../shared/ids.ts';
import { nowIso } from '../../shared/clock.ts';
import { BadRequest, Conflict, NotFound, PreconditionFailed } from '../../shared/errors.ts';
import { retrying } from '../../shared/retry.ts';
import type { Page } from '../../shared/page.ts';
import { balanceEntity } from '../entities/balance.entity.ts';
import { disbursementEntity } from '../entities/disbursement.entity.ts';
import { fileEntity } from '../entities/file.entity.ts';
import { matchesFile, withSplit, type FileRecord } from './model.ts';
import { validateAllocations } from './allocations.ts';
import type { AccountingFile, CreateDisbursement, Disbursement, PutAllocations } from './schemas.ts';

async function mustLoad(firmId: string, id: string): Promise<FileRecord> {
  const record = await fileEntity.get(firmId, id);
  if (!record) throw new NotFound('File');
  return record;
}

export const getFile = async (firmId: string, id: string): Promise<AccountingFile> => fileEntity.toApi(await mustLoad(firmId, id));

export async function listFiles(firmId: string, query: { limit: number; cursor?: string | undefined; search?: string | undefined }): Promise<Page<AccountingFile>> {
  const page = await fileEntity.list(firmId, {
    limit: query.limit,
    cursor: query.cursor,
    ...(query.search ? { filter: (r: FileRecord) => matchesFile(r, query.search) } : {}),
  });
  return { items: page.items.map(fileEntity.toApi), nextCursor: page.nextCursor };
}

/** Sets the split of the file's bills among its clients by hand (accounting's own decision; not synced): it stops following the primary. */
export async function putAllocations(firmId: string, id: string, input: PutAllocations, ifMatch: number | undefined): Promise<AccountingFile> {
  return retrying(async () => {
    const current = await mustLoad(firmId, id);
    if (ifMatch !== undefined && ifMatch !== current.version) throw new PreconditionFailed(ifMatch, current.version);
    const checked = validateAllocations(input.allocations, current.clientIds);
    if (!checked.ok) throw new BadRequest('The allocations are not a valid split of this file.', checked.errors);
    const next = withSplit(current, checked.allocations, nowIso());
    await commitUpdate([fileEntity.put(next, current.version)], fileEntity.guard(firmId, id, ifMatch));
    return fileEntity.toApi(next);
  });
}

/** Clients of a file are practice's to change: accounting refuses, after checking the file is the caller's. */
export async function refuseClientChange(firmId: string, id: string): Promise<never> {
  await mustLoad(firmId, id);
  throw new Conflict('restricted', 'Clients and the primary client of a file are changed in practice (PUT /practice/matters/{id}/clients).');
}

/** Records a disbursement on the file; its unbilled balance grows by the amount, in the same transaction. */
export async function addDisbursement(firmId: string, fileId: string, input: CreateDisbursement): Promise<Disbursement> {
  const disbursement: Disbursement = { id: newId('db'), fileId, ...input, status: 'unbilled', createdAt: nowIso() };
  const file = await mustLoad(firmId, fileId);
  await retrying(() => commit([
    disbursementEntity.create(firmId, disbursement),
    ...balanceEntity.changes(firmId, [{ file, delta: { unbilled: input.amount } }]),
  ]));
  return disbursementEntity.toApi(disbursement);
}

export async function listDisbursements(firmId: string, fileId: string, query: { limit: number; cursor?: string | undefined }): Promise<Page<Disbursement>> {
  await mustLoad(firmId, fileId);
  const page = await disbursementEntity.pageOf(firmId, fileId, query);
  return { items: page.items.map(disbursementEntity.toApi), nextCursor: page.nextCursor };
}
