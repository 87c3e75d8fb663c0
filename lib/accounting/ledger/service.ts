import { commitUpdate } from '../../aws/transactions.ts';
import { balanceEntity } from '../entities/balance.entity.ts';
import { fileEntity } from '../entities/file.entity.ts';
import { ledgerEntryEntity } from '../entities/ledger-entry.entity.ts';
import { notificationEntity } from '../entities/notification.entity.ts';
import { money, toMoney } from '../../shared/money.ts';
import { nowIso } from '../../shared/clock.ts';
import { Conflict, NotFound, PreconditionFailed } from '../../shared/errors.ts';
import { retrying } from '../../shared/retry.ts';
import type { ListQuery, Page } from '../../shared/page.ts';
import { ledgerAmount, unbilledValue, type LedgerRecord } from './model.ts';
import type { LedgerEntry, LedgerQuery, Notification, PatchLedgerEntry } from './schemas.ts';

export async function listLedger(firmId: string, fileId: string, q: LedgerQuery): Promise<Page<LedgerEntry>> {
  const file = await fileEntity.get(firmId, fileId);
  if (!file) throw new NotFound('File');
  const page = await ledgerEntryEntity.pageOfFile(firmId, fileId, q.status, { limit: q.limit, cursor: q.cursor });
  return { items: page.items.map(ledgerEntryEntity.toApi), nextCursor: page.nextCursor };
}

/**
 * Adjusts an unbilled ledger entry; the amount is recomputed exactly and the
 * file's unbilled balance moves by the difference, in the same transaction.
 */
export async function patchLedgerEntry(firmId: string, id: string, patch: PatchLedgerEntry, ifMatch: number | undefined): Promise<LedgerEntry> {
  return retrying(async () => {
    const current = await ledgerEntryEntity.get(firmId, id);
    if (!current) throw new NotFound('Ledger entry');
    if (ifMatch !== undefined && ifMatch !== current.version) throw new PreconditionFailed(ifMatch, current.version);
    if (current.status !== 'unbilled') throw new Conflict('locked', 'This ledger entry is billed and can no longer be changed.');
    const next: LedgerRecord = { ...current, ...patch, version: current.version + 1, updatedAt: nowIso() };
    next.amount = ledgerAmount(next.type, next.fixed, next.rate, next.hours);
    const delta = toMoney(money(unbilledValue(next)).minus(unbilledValue(current)));
    const file = (await fileEntity.get(firmId, current.fileId))!;
    await commitUpdate(
      [ledgerEntryEntity.put(next, current.version), ...balanceEntity.changes(firmId, [{ file, delta: { unbilled: delta } }])],
      ledgerEntryEntity.guard(firmId, id, ifMatch),
    );
    return ledgerEntryEntity.toApi(next);
  });
}

export async function listNotifications(firmId: string, q: ListQuery): Promise<Page<Notification>> {
  const page = await notificationEntity.list(firmId, q);
  return { items: page.items.map(notificationEntity.toApi), nextCursor: page.nextCursor };
}
