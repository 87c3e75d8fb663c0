import { practiceKeys, practiceStore } from '../store.ts';
import type { TxItem } from '../../aws/book-store.ts';
import type { Page } from '../../shared/page.ts';
import type { PracticeContactRecord } from '../contacts/model.ts';
import type { MatterRecord } from './model.ts';

/** Practice matters (and what they wait for) in the practice table. */
export const mattersRepo = {
  load: (firmId: string, id: string) => practiceStore.get<MatterRecord>(firmId, practiceKeys.matter(id)),

  put: (record: MatterRecord, expected: number | null): TxItem => practiceStore.putRecord(practiceKeys.matter(record.id), record, expected),

  list: (firmId: string, options: { limit: number; cursor?: string | undefined; filter?: (r: MatterRecord) => boolean }): Promise<Page<MatterRecord>> =>
    practiceStore.list(firmId, practiceKeys.matterPrefix, options),

  /** The given contacts of the firm, by id (missing ones are absent). */
  async contacts(firmId: string, ids: readonly string[]): Promise<Map<string, PracticeContactRecord>> {
    const found = await practiceStore.getMany<PracticeContactRecord>(firmId, ids.map(practiceKeys.contact));
    return new Map([...found.values()].map((c) => [c.id, c]));
  },

  waitFor: (firmId: string, contactId: string, matterId: string): TxItem =>
    practiceStore.put(firmId, practiceKeys.waitingMatter(contactId, matterId), { matterId }),

  stopWaiting: (firmId: string, contactId: string, matterId: string): TxItem =>
    practiceStore.delete(firmId, practiceKeys.waitingMatter(contactId, matterId)),

  async mattersWaitingFor(firmId: string, contactId: string): Promise<string[]> {
    const prefix = practiceKeys.waitingMattersOf(contactId);
    return (await practiceStore.keysUnder(firmId, prefix)).map((sk) => sk.slice(prefix.length));
  },
};
