import { getAccountingSettings, practiceSeparateNumbering } from '../settings/service.ts';
import { outboxMessage } from '../../sync/outbox.entity.ts';
import { commitUpdate, explainConflict, type TxItem, type VersionGuard } from '../../aws/transactions.ts';
import { reconcilePending, type ReconcileReport } from '../../sync/reconciler.ts';
import { newId } from '../../shared/ids.ts';
import { nowIso } from '../../shared/clock.ts';
import { Conflict, NotFound, PreconditionFailed } from '../../shared/errors.ts';
import { retrying } from '../../shared/retry.ts';
import type { Page, SearchQuery } from '../../shared/page.ts';
import { commitWithNumber } from '../numbering/claims.ts';
import { contactNumberSpace, numberingSequenceFor, renumbering } from './numbering.ts';
import { contactEntity } from '../entities/contact.entity.ts';
import { matchesSearch, newContact, patched, syncs, upsertMessage, type AccountingContactRecord } from './model.ts';
import type { AccountingContact, CreateAccountingContact, PatchAccountingContact } from './schemas.ts';

export const contactUpsert = (record: AccountingContactRecord): TxItem =>
  outboxMessage('toPractice', upsertMessage(record));

async function numberingContext(firmId: string) {
  const [settings, practiceSeparate] = await Promise.all([getAccountingSettings(firmId), practiceSeparateNumbering(firmId)]);
  return { settings, practiceSeparate };
}

/**
 * Creates a contact in accounting, numbered here (accounting owns numbering):
 * a taken hand-given number is a 409 and nothing is written.
 */
export async function createContact(firmId: string, input: CreateAccountingContact): Promise<AccountingContact> {
  const { settings, practiceSeparate } = await numberingContext(firmId);
  if (input.kind === 'group' && settings.integrationEnabled) {
    throw new Conflict('restricted', 'Group contacts cannot be created while the practice integration is on.');
  }
  const id = newId('ac');
  const numberSpace = numberingSequenceFor(settings.separateContactNumbering, practiceSeparate, input.numberingSequence ?? 'client');
  let created: AccountingContactRecord | undefined;
  await retrying(() =>
    commitWithNumber({ firmId, space: contactNumberSpace(numberSpace), requested: input.contactNumber, ownerId: id }, (contactNumber) => {
      created = newContact(firmId, id, input, { contactNumber, numberSpace }, settings.integrationEnabled, nowIso());
      return [contactEntity.put(created, null), ...(syncs(created, settings.integrationEnabled) ? [contactUpsert(created)] : [])];
    }),
  );
  return contactEntity.toApi(created!);
}

export async function getContact(firmId: string, id: string): Promise<AccountingContact> {
  const record = await contactEntity.get(firmId, id);
  if (!record) throw new NotFound('Contact');
  return contactEntity.toApi(record);
}

export async function listContacts(firmId: string, query: SearchQuery): Promise<Page<AccountingContact>> {
  const search = query.search;
  const page = await contactEntity.list(firmId, {
    limit: query.limit,
    cursor: query.cursor,
    ...(search ? { filter: (r: AccountingContactRecord) => matchesSearch(r, search) } : {}),
  });
  return { items: page.items.map(contactEntity.toApi), nextCursor: page.nextCursor };
}

/** Edits a contact (a new number is claimed and the old one freed at once) and sends it to practice. */
export async function patchContact(
  firmId: string,
  id: string,
  patch: PatchAccountingContact,
  ifMatch: number | undefined,
): Promise<AccountingContact> {
  const { settings } = await numberingContext(firmId);
  return retrying(async () => {
    const current = await contactEntity.get(firmId, id);
    if (!current) throw new NotFound('Contact');
    if (ifMatch !== undefined && ifMatch !== current.version) throw new PreconditionFailed(ifMatch, current.version);
    if (settings.integrationEnabled && patch.kind && patch.kind !== current.kind && (patch.kind === 'group' || current.kind === 'group')) {
      throw new Conflict('restricted', 'A contact cannot become or stop being a group while the practice integration is on.');
    }
    const next = patched(current, patch, settings.integrationEnabled, nowIso());
    const items = [contactEntity.put(next, current.version), ...(syncs(next, settings.integrationEnabled) ? [contactUpsert(next)] : [])];
    const guard = contactEntity.guard(firmId, id, ifMatch);
    if (next.contactNumber === current.contactNumber) {
      await commitUpdate(items, guard);
    } else {
      await commitRenumbered(current, next, items, guard);
    }
    return contactEntity.toApi(next);
  });
}

async function commitRenumbered(
  current: AccountingContactRecord,
  next: AccountingContactRecord,
  items: TxItem[],
  guard: VersionGuard,
): Promise<void> {
  try {
    await commitWithNumber(renumbering(current, next.contactNumber), () => items);
  } catch (error) {
    await explainConflict(error, guard);
  }
}

/** Re-sends the contacts whose link stayed pending too long (the scheduled reconciler). */
export const reconcileContacts = (): Promise<ReconcileReport> =>
  reconcilePending(contactEntity.pendingLinks, async (record) => ({ record, items: [contactUpsert(record)] }));
