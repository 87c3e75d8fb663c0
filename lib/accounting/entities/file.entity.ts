import { linkMap, versionedRecords } from '../../aws/entity.ts';
import { fileOptionsOf, primaryClientOf, type FileRecord } from '../files/model.ts';
import { splitWasSetByHand } from '../files/allocations.ts';
import type { AccountingFile } from '../files/schemas.ts';
import { accountingTable } from './book.ts';

/**
 * Accounting files (practice's matters, as accounting keeps them).
 *
 * | item | sort key | what it holds |
 * |---|---|---|
 * | file | `FILE#<id>` | the record (version-guarded) |
 * | matter link map | `LINK#MATTER#<practiceMatterId>` | `{ fileId }`: which file mirrors a practice matter |
 *
 * The file's number is held by a claim item of the file number space (see
 * numbering.entity.ts); its balance is balance.entity.ts, its disbursements
 * disbursement.entity.ts, its ledger ledger-entry.entity.ts.
 *
 * Transitions (the pure rules are in `files/model.ts`): created from
 * practice's matter, with its link map, only if no map exists (`putMatterLink`:
 * a re-sent message never makes a second file); updated from practice; split
 * changed. Each is a put guarded by the version read (`null`: it must be new).
 */
const records = versionedRecords<FileRecord>(accountingTable, 'FILE#');
const matterLinks = linkMap(accountingTable, 'LINK#MATTER#', 'fileId', records.get);

export const fileEntity = {
  ...records,

  /** The file that mirrors a practice matter, if there is one. */
  getByMatterId: matterLinks.mirrorOf,

  /** The link map of a file made from a practice matter: fails if one was made already. */
  putMatterLink: matterLinks.create,

  toApi: (r: FileRecord): AccountingFile => ({
    id: r.id,
    matterNumber: r.matterNumber,
    name: r.name,
    clientIds: r.clientIds,
    primaryClientId: primaryClientOf(r),
    allocations: r.allocations,
    splitSetByHand: splitWasSetByHand(r),
    options: fileOptionsOf(r.options),
    link: r.link,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }),
};
