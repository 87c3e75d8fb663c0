import { accountingKeys, accountingStore } from '../store.ts';
import { balanceChanges } from '../balances.ts';
import type { FileRecord } from '../files/model.ts';
import { money, toMoney } from '../../shared/money.ts';
import { nowIso } from '../../shared/clock.ts';
import { Conflict, NotFound, PreconditionFailed } from '../../shared/errors.ts';
import { retrying } from '../../shared/retry.ts';
import type { Page } from '../../shared/page.ts';
import { ledgerAmount, ledgerIndexKeys, toApi, unbilledValue, type LedgerRecord } from './model.ts';
import type { LedgerEntry, LedgerQuery, Notification, PatchLedgerEntry } from './schemas.ts';

export async function listLedger(firmId: string, fileId: string, q: LedgerQuery): Promise<Page<LedgerEntry>> {
  const file = await accountingStore.get<FileRecord>(firmId, accountingKeys.file(fileId));
  if (!file) throw new NotFound('File');
  const keys = ledgerIndexKeys({ firmId, fileId, status: q.status ?? 'unbilled', date: '', id: '' });
  const page = q.status
    ? await accountingStore.listIndex<LedgerRecord>('gsi1', keys.gsi1pk, { limit: q.limit, cursor: q.cursor })
    : await accountingStore.listIndex<LedgerRecord>('gsi2', keys.gsi2pk, { limit: q.limit, cursor: q.cursor });
  return { items: page.items.map(toApi), nextCursor: page.nextCursor };
}

/**
 * Adjusts an unbilled ledger entry; the amount is recomputed exactly and the
 * file's unbilled balance moves by the difference, in the same transaction.
 */
export async function patchLedgerEntry(firmId: string, id: string, patch: PatchLedgerEntry, ifMatch: number | undefined): Promise<LedgerEntry> {
  return retrying(async () => {
    const current = await accountingStore.get<LedgerRecord>(firmId, accountingKeys.ledgerEntry(id));
    if (!current) throw new NotFound('Ledger entry');
    if (ifMatch !== undefined && ifMatch !== current.version) throw new PreconditionFailed(ifMatch, current.version);
    if (current.status !== 'unbilled') throw new Conflict('locked', 'This ledger entry is billed and can no longer be changed.');
    const next: LedgerRecord = { ...current, ...patch, version: current.version + 1, updatedAt: nowIso() };
    next.amount = ledgerAmount(next.type, next.fixed, next.rate, next.hours);
    const delta = toMoney(money(unbilledValue(next)).minus(unbilledValue(current)));
    const file = (await accountingStore.get<FileRecord>(firmId, accountingKeys.file(current.fileId)))!;
    await accountingStore.commitUpdate(
      [
        accountingStore.putRecord(accountingKeys.ledgerEntry(id), { ...next, ...ledgerIndexKeys(next) }, current.version),
        ...balanceChanges(firmId, [{ file, delta: { unbilled: delta } }]),
      ],
      { ifMatch, firmId, sk: accountingKeys.ledgerEntry(id) },
    );
    return toApi(next);
  });
}

export async function listNotifications(firmId: string, q: { limit: number; cursor?: string | undefined }): Promise<Page<Notification>> {
  const page = await accountingStore.list<Notification & { entity?: string; firmId?: string }>(firmId, accountingKeys.notificationPrefix, q);
  return {
    items: page.items.map(({ id, jobId, message, errorCount, createdAt }) => ({ id, jobId, message, errorCount, createdAt })),
    nextCursor: page.nextCursor,
  };
}
