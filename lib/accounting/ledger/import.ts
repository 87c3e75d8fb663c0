import type * as z from 'zod';
import type { ExportError, PracticeTimeExportBatch, PracticeTimeExportFinished } from '#events/messages';
import { accountingKeys, accountingStore } from '../store.ts';
import { accountingUsersByEmail } from '../users/service.ts';
import { balanceChanges } from '../balances.ts';
import type { FileRecord } from '../files/model.ts';
import { outboxEntry } from '../../sync/outbox.ts';
import { TransactionRefused, type TxItem } from '../../aws/book-store.ts';
import { money, toMoney } from '../../shared/money.ts';
import { nowIso } from '../../shared/clock.ts';
import { faultPoint } from '../../shared/faults.ts';
import { Retry, retrying } from '../../shared/retry.ts';
import { fromExport, ledgerIndexKeys, unbilledValue, type LedgerRecord } from './model.ts';

/**
 * Books one export batch into the client ledger: entries whose file exists
 * and whose timekeeper is an accounting user (by email, case-insensitive)
 * become ledger entries, the file balances move, and practice is answered, all
 * in one transaction. A ledger entry's id comes from its time entry and must
 * not exist yet, so a batch delivered twice (or two exports racing) books
 * each entry once: entries found already booked are answered as booked and
 * left out of the balance.
 */
export async function bookExportBatch(m: z.infer<typeof PracticeTimeExportBatch>): Promise<void> {
  const [users, files] = await Promise.all([
    accountingUsersByEmail(m.firmId, m.entries.map((e) => e.timekeeperEmail).filter(Boolean)),
    accountingStore.getMany<FileRecord>(m.firmId, m.entries.map((e) => accountingKeys.file(e.accountingFileId))),
  ]);
  const now = nowIso();
  const failed: ExportError[] = [];
  const records: LedgerRecord[] = [];
  for (const e of m.entries) {
    const file = files.get(accountingKeys.file(e.accountingFileId));
    const userId = users.get(e.timekeeperEmail.toLowerCase());
    if (!file) {
      failed.push({ timeEntryId: e.timeEntryId, code: 'matter_not_linked', message: `Accounting has no file for "${e.matterName}".` });
    } else if (!userId) {
      failed.push({
        timeEntryId: e.timeEntryId,
        code: 'timekeeper_not_in_accounting',
        message: `No accounting user has the email ${e.timekeeperEmail || '(none)'} of ${e.timekeeperName}. Add one, then export again.`,
      });
    } else {
      records.push(fromExport(m.firmId, e, userId, now));
    }
  }
  const reply = accountingStore.putOutbox(
    outboxEntry('toPractice', {
      type: 'accounting.time.batch_booked',
      firmId: m.firmId,
      jobId: m.jobId,
      batchNo: m.batchNo,
      booked: records.map((r) => ({ timeEntryId: r.timeEntryId, ledgerEntryId: r.id })),
      failed,
    }),
  );

  let fresh = records;
  await retrying(async () => {
    const items: TxItem[] = fresh.map((r) => accountingStore.putUnique(m.firmId, accountingKeys.ledgerEntry(r.id), { ...r, ...ledgerIndexKeys(r) }));
    const byFile = new Map<string, string>();
    for (const r of fresh) byFile.set(r.fileId, toMoney(money(byFile.get(r.fileId) ?? '0').plus(unbilledValue(r))));
    items.push(reply, ...balanceChanges(m.firmId, [...byFile].map(([fileId, unbilled]) => ({ file: files.get(accountingKeys.file(fileId))!, delta: { unbilled } }))));
    try {
      await accountingStore.commit(items);
    } catch (error) {
      if (!(error instanceof TransactionRefused)) throw error;
      const already = new Set(fresh.filter((_, i) => error.failedAt(i)).map((r) => r.id));
      if (already.size) {
        fresh = fresh.filter((r) => !already.has(r.id));
        throw new Retry('some entries were already booked');
      }
      throw error;
    }
  });
  faultPoint('accounting.ledger.afterBooking', m.firmId);
}

/** An export ended: if anything failed, an import alert says how much. Once per job. */
export async function onExportFinished(m: z.infer<typeof PracticeTimeExportFinished>): Promise<void> {
  if (m.failed === 0) return;
  const id = `nt_${m.jobId.replace(/^job_/, '')}`;
  const message = `${m.failed} of ${m.total} time ${m.total === 1 ? 'entry' : 'entries'} could not be imported; see job ${m.jobId} for each one and how to fix it.`;
  try {
    await accountingStore.commit([
      accountingStore.putUnique(m.firmId, accountingKeys.notification(id), {
        entity: 'notification', firmId: m.firmId, id, jobId: m.jobId, message, errorCount: m.failed, createdAt: nowIso(),
      }),
    ]);
  } catch (error) {
    if (!(error instanceof TransactionRefused && error.failedAt(0))) throw error;
  }
}
