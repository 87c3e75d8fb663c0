import { pendingLinks } from '../../aws/entity.ts';
import type { PracticeContactRecord } from '../contacts/model.ts';
import type { MatterRecord } from '../matters/model.ts';
import { practiceTable } from './book.ts';

/** The practice records that sync with accounting, and so may wait in the `pending` index. */
export type PracticeSynced = PracticeContactRecord | MatterRecord;

/**
 * Practice's records whose link is pending (contacts and matters), as the
 * reconciler reads and writes them: through the sparse `pending` index
 * (`pendingPk` sharded by a hash of the record's key, `pendingSk` = sent
 * time, firm and key; lib/aws/pending-index.ts), by the record's own key.
 */
export const pendingLinkEntity = pendingLinks<PracticeSynced>(practiceTable);
