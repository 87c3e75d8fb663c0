import { firmPk } from '../../aws/book-store.ts';
import { versionedRecords } from '../../aws/entity.ts';
import type { TxItem } from '../../aws/transactions.ts';
import { billingOf, type MatterRecord } from '../matters/model.ts';
import type { Matter } from '../matters/schemas.ts';
import { practiceTable } from './book.ts';

/**
 * Practice matters, and the matters waiting for a client to link.
 *
 * | item | sort key | what it holds |
 * |---|---|---|
 * | matter | `MATTER#<id>` | the record (version-guarded; in the `pending` index while its link is pending) |
 * | wait item | `WAIT#CONTACT#<contactId>#MATTER#<matterId>` | `{ matterId }`: the matter waits for this client to link, and is looked at again when it does |
 * | uncoded-time stamp | `UNCODED#MATTER#<matterId>` | `{ writes, writtenAt }`: how many times an entry without UTBMS codes was written on the matter, and the last time |
 *
 * Transitions (the pure rules are in `matters/model.ts`): created or edited
 * (sent, or waiting for its clients: `matters/announce.ts`), linked, link
 * failed, rewritten when a rate label it names is merged away. A wait item is put while the matter waits (`waitFor`, a plain put:
 * putting it twice is harmless) and deleted once it no longer waits for that
 * client (`stopWaiting`).
 *
 * LEDES matters hold no open entry without codes, so an uncoded entry and
 * switching `ledesEnabled` on must never both get through. Writing an uncoded
 * entry (`uncodedEntryWritten`) checks, in its transaction, that the matter
 * is not on LEDES and counts the write on the stamp; switching on reads the
 * stamp, looks for open uncoded entries, and commits only if the stamp has
 * not moved since (`noUncodedWritesSince`). Whichever commits second sees the
 * first: DynamoDB serializes the two transactions on the matter and stamp items.
 */
const prefix = 'MATTER#';
const records = versionedRecords<MatterRecord>(practiceTable, prefix);
const waitersOf = (contactId: string) => `WAIT#CONTACT#${contactId}#MATTER#`;
const waitKey = (contactId: string, matterId: string) => `${waitersOf(contactId)}${matterId}`;
const uncodedStampKey = (matterId: string) => `UNCODED#MATTER#${matterId}`;

/** How often, and when last, an entry without UTBMS codes was written on a matter. */
export interface UncodedWrites {
  writes: number;
  writtenAt: string;
}

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

  /**
   * An entry without UTBMS codes is written on the matter, in the entry's
   * transaction: refused (item 0 fails) if the matter is on LEDES by now;
   * counted on the stamp otherwise.
   */
  uncodedEntryWritten: (firmId: string, matterId: string, now: string): TxItem[] => [
    {
      ConditionCheck: {
        TableName: practiceTable.table,
        Key: { pk: firmPk(firmId), sk: `${prefix}${matterId}` },
        ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(#billing.#ledes) OR #billing.#ledes = :off)',
        ExpressionAttributeNames: { '#billing': 'billing', '#ledes': 'ledesEnabled' },
        ExpressionAttributeValues: { ':off': false },
      },
    },
    {
      Update: {
        TableName: practiceTable.table,
        Key: { pk: firmPk(firmId), sk: uncodedStampKey(matterId) },
        UpdateExpression: 'SET writtenAt = :now, matterId = :matter ADD writes :one',
        ExpressionAttributeValues: { ':now': now, ':matter': matterId, ':one': 1 },
      },
    },
  ],

  /** The matter's uncoded-time stamp, strongly consistent; undefined if no uncoded entry was ever written on it. */
  async uncodedWrites(firmId: string, matterId: string): Promise<UncodedWrites | undefined> {
    const item = await practiceTable.get<UncodedWrites>(firmId, uncodedStampKey(matterId));
    return item ? { writes: item.writes, writtenAt: item.writtenAt } : undefined;
  },

  /** A condition for switching LEDES on: no uncoded entry was written on the matter since the stamp was read (`seen`). */
  noUncodedWritesSince: (firmId: string, matterId: string, seen: UncodedWrites | undefined): TxItem => ({
    ConditionCheck: {
      TableName: practiceTable.table,
      Key: { pk: firmPk(firmId), sk: uncodedStampKey(matterId) },
      ...(seen
        ? { ConditionExpression: 'writes = :seen', ExpressionAttributeValues: { ':seen': seen.writes } }
        : { ConditionExpression: 'attribute_not_exists(pk)' }),
    },
  }),

  toApi: (r: MatterRecord): Matter => ({
    id: r.id,
    name: r.name,
    clientIds: r.clientIds,
    primaryClientId: r.clientIds[0]!,
    fileReference: r.fileReference,
    billing: billingOf(r),
    link: r.link,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }),
};
