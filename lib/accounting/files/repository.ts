import { accountingKeys, accountingStore } from '../store.ts';
import type { TxItem } from '../../aws/book-store.ts';
import type { Page } from '../../shared/page.ts';
import type { FileRecord } from './model.ts';
import type { Disbursement } from './schemas.ts';

/** Accounting files and their disbursements in the accounting table. */
export const filesRepo = {
  load: (firmId: string, id: string) => accountingStore.get<FileRecord>(firmId, accountingKeys.file(id)),

  async loadByMatterId(firmId: string, practiceMatterId: string): Promise<FileRecord | undefined> {
    const link = await accountingStore.get<{ fileId: string }>(firmId, accountingKeys.matterLink(practiceMatterId));
    return link ? filesRepo.load(firmId, link.fileId) : undefined;
  },

  put: (record: FileRecord, expected: number | null): TxItem => accountingStore.putRecord(accountingKeys.file(record.id), record, expected),

  putMatterLink: (firmId: string, practiceMatterId: string, fileId: string): TxItem =>
    accountingStore.putUnique(firmId, accountingKeys.matterLink(practiceMatterId), { fileId }),

  list: (firmId: string, options: { limit: number; cursor?: string | undefined; filter?: (r: FileRecord) => boolean }): Promise<Page<FileRecord>> =>
    accountingStore.list(firmId, accountingKeys.filePrefix, options),

  putDisbursement: (firmId: string, d: Disbursement): TxItem =>
    accountingStore.putUnique(firmId, accountingKeys.disbursement(d.fileId, d.id), { ...d, entity: 'disbursement', firmId }),

  disbursements: (firmId: string, fileId: string, options: { limit: number; cursor?: string | undefined }): Promise<Page<Disbursement>> =>
    accountingStore.list(firmId, accountingKeys.disbursementsOf(fileId), options),
};
