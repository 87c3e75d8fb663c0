import { accountingKeys, accountingStore } from '../store.ts';
import { balanceChanges } from '../balances.ts';
import { newId } from '../../shared/ids.ts';
import { nowIso } from '../../shared/clock.ts';
import { BadRequest, Conflict, NotFound, PreconditionFailed } from '../../shared/errors.ts';
import { retrying } from '../../shared/retry.ts';
import type { Page } from '../../shared/page.ts';
import { filesRepo } from './repository.ts';
import { matchesFile, toApi, type FileRecord } from './model.ts';
import { validateAllocations } from './allocations.ts';
import type { AccountingFile, CreateDisbursement, Disbursement, PutAllocations } from './schemas.ts';

async function mustLoad(firmId: string, id: string): Promise<FileRecord> {
  const record = await filesRepo.load(firmId, id);
  if (!record) throw new NotFound('File');
  return record;
}

export const getFile = async (firmId: string, id: string): Promise<AccountingFile> => toApi(await mustLoad(firmId, id));

export async function listFiles(firmId: string, query: { limit: number; cursor?: string | undefined; search?: string | undefined }): Promise<Page<AccountingFile>> {
  const page = await filesRepo.list(firmId, {
    limit: query.limit,
    cursor: query.cursor,
    ...(query.search ? { filter: (r: FileRecord) => matchesFile(r, query.search) } : {}),
  });
  return { items: page.items.map(toApi), nextCursor: page.nextCursor };
}

/** Sets the split of the file's bills among its clients (accounting's own decision; not synced). */
export async function putAllocations(firmId: string, id: string, input: PutAllocations, ifMatch: number | undefined): Promise<AccountingFile> {
  return retrying(async () => {
    const current = await mustLoad(firmId, id);
    if (ifMatch !== undefined && ifMatch !== current.version) throw new PreconditionFailed(ifMatch, current.version);
    const checked = validateAllocations(input.allocations, current.clientIds);
    if (!checked.ok) throw new BadRequest('The allocations are not a valid split of this file.', checked.errors);
    const next: FileRecord = { ...current, allocations: checked.allocations, version: current.version + 1, updatedAt: nowIso() };
    await accountingStore.commitUpdate([filesRepo.put(next, current.version)], { ifMatch, firmId, sk: accountingKeys.file(id) });
    return toApi(next);
  });
}

/** Clients of a file are practice's to change: accounting refuses, after checking the file is the caller's. */
export async function refuseClientChange(firmId: string, id: string): Promise<never> {
  await mustLoad(firmId, id);
  throw new Conflict('restricted', 'Clients and the primary client of a file are changed in practice (PUT /practice/matters/{id}/clients).');
}

const disbursementOf = (d: Disbursement): Disbursement => ({
  id: d.id,
  fileId: d.fileId,
  date: d.date,
  description: d.description,
  amount: d.amount,
  ...(d.expenseCode ? { expenseCode: d.expenseCode } : {}),
  status: d.status,
  createdAt: d.createdAt,
});

/** Records a disbursement on the file; its unbilled balance grows by the amount, in the same transaction. */
export async function addDisbursement(firmId: string, fileId: string, input: CreateDisbursement): Promise<Disbursement> {
  const disbursement: Disbursement = { id: newId('db'), fileId, ...input, status: 'unbilled', createdAt: nowIso() };
  const file = await mustLoad(firmId, fileId);
  await retrying(() => accountingStore.commit([
    filesRepo.putDisbursement(firmId, disbursement),
    ...balanceChanges(firmId, [{ file, delta: { unbilled: input.amount } }]),
  ]));
  return disbursementOf(disbursement);
}

export async function listDisbursements(firmId: string, fileId: string, query: { limit: number; cursor?: string | undefined }): Promise<Page<Disbursement>> {
  await mustLoad(firmId, fileId);
  const page = await filesRepo.disbursements(firmId, fileId, query);
  return { items: page.items.map(disbursementOf), nextCursor: page.nextCursor };
}
