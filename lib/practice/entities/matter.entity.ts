import { versionedRecords } from '../../aws/entity.ts';
import type { TxItem } from '../../aws/transactions.ts';
import type { MatterRecord } from '../matters/model.ts';
import type { Matter } from '../matters/schemas.ts';
import { practiceTable } from './book.ts';

/**
 * Practice matters, and the matters waiting for a client to link.
 *
 * | item | sort key | what it holds |
 * |---|---|---|
 * | matter | `MATTER#<id>` | the record (version-guarded; in the `pending` index while its link is pending) |
 * | wait item | `WAIT#CONTACT#<contactId>#MATTER#<matterId>` | `{ matterId }`: the matter waits for this client to link, and is looked at again when it does |
 *
 * Transitions (the pure rules are in `matters/model.ts`): created or edited
 * (sent, or waiting for its clients: `matters/announce.ts`), linked, link
 * failed, rewritten when a rate label it names is merged away. A wait item is put while the matter waits (`waitFor`, a plain put:
 * putting it twice is harmless) and deleted once it no longer waits for that
 * client (`stopWaiting`).
 */
const records = versionedRecords<MatterRecord>(practiceTable, 'MATTER#');
const waitersOf = (contactId: string) => `WAIT#CONTACT#${contactId}#MATTER#`;
const waitKey = (contactId: string, matterId: string) => `${waitersOf(contactId)}${matterId}`;

export const matterEntity = {
  ...records,

  /** The matter waits for this client to link. */
  waitFor: (firmId: string, contactId: string, matterId: string): TxItem => practiceTable.put(firmId, waitKey(contactId, matterId), { matterId }),

  stopWaiting: (firmId: string, contactId: string, matterId: string): TxItem => practiceTable.delete(firmId, waitKey(contactId, matterId)),

  /** Ids of the matters waiting for this client. */
  async waitingFor(firmId: string, contactId: string): Promise<string[]> {
    const prefix = waitersOf(contactId);
    return (await practiceTable.keysUnder(firmId, prefix)).map((sk) => sk.slice(prefix.length));
  },

  toApi: (r: MatterRecord): Matter => ({
    id: r.id,
    name: r.name,
    clientIds: r.clientIds,
    primaryClientId: r.clientIds[0]!,
    fileReference: r.fileReference,
    billing: r.billing,
    link: r.link,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }),
};
