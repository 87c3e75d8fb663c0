import { practiceSettingsForSync } from '../settings/service.ts';
import { outboxMessage } from '../../sync/outbox.entity.ts';
import { newId } from '../../shared/ids.ts';
import { nowIso } from '../../shared/clock.ts';
import { BadRequest, NotFound, PreconditionFailed } from '../../shared/errors.ts';
import { checkLabelRefs, overrideRefs } from '../rates/label-refs.ts';
import { retrying } from '../../shared/retry.ts';
import type { Page, SearchQuery } from '../../shared/page.ts';
import { contactEntity } from '../entities/contact.entity.ts';
import { commit, commitUpdate } from '../../aws/transactions.ts';
import { matchesSearch, newContact, patched, upsertMessage, type PracticeContactRecord } from './model.ts';
import type { CreatePracticeContact, PatchPracticeContact, PracticeContact } from './schemas.ts';

/** The message announcing a practice contact, with the firm's current numbering switch. */
export async function contactUpsert(record: PracticeContactRecord) {
  const settings = await practiceSettingsForSync(record.firmId);
  return outboxMessage('toAccounting', upsertMessage(record, settings.separateContactNumbering));
}

/** A client rate sheet names hourly labels of the firm only. */
async function checkRateSheet(firmId: string, overrides: readonly { rateLabelId: string }[] | undefined): Promise<void> {
  const errors = await checkLabelRefs(firmId, overrideRefs('rateOverrides', overrides));
  if (errors.length) throw new BadRequest('The rate sheet names labels that cannot take an override.', errors);
}

/** Creates the contact as pending and, in the same transaction, its message to accounting. */
export async function createContact(firmId: string, input: CreatePracticeContact): Promise<PracticeContact> {
  await checkRateSheet(firmId, input.rateOverrides);
  const record = newContact(firmId, newId('ct'), input, nowIso());
  await commit([contactEntity.put(record, null), await contactUpsert(record)]);
  return contactEntity.toApi(record);
}

export async function getContact(firmId: string, id: string): Promise<PracticeContact> {
  const record = await contactEntity.get(firmId, id);
  if (!record) throw new NotFound('Contact');
  return contactEntity.toApi(record);
}

export async function listContacts(firmId: string, query: SearchQuery): Promise<Page<PracticeContact>> {
  const search = query.search;
  const page = await contactEntity.list(firmId, {
    limit: query.limit,
    cursor: query.cursor,
    ...(search ? { filter: (r: PracticeContactRecord) => matchesSearch(r, search) } : {}),
  });
  return { items: page.items.map(contactEntity.toApi), nextCursor: page.nextCursor };
}

/** Edits a contact and re-sends it; an empty patch only re-sends (a forced resync). */
export async function patchContact(
  firmId: string,
  id: string,
  patch: PatchPracticeContact,
  ifMatch: number | undefined,
): Promise<PracticeContact> {
  await checkRateSheet(firmId, patch.rateOverrides);
  return retrying(async () => {
    const current = await contactEntity.get(firmId, id);
    if (!current) throw new NotFound('Contact');
    if (ifMatch !== undefined && ifMatch !== current.version) throw new PreconditionFailed(ifMatch, current.version);
    const next = patched(current, patch, nowIso());
    await commitUpdate([contactEntity.put(next, current.version), await contactUpsert(next)], contactEntity.guard(firmId, id, ifMatch));
    return contactEntity.toApi(next);
  });
}
