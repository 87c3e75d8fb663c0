import { newId } from '../../shared/ids.ts';
import { nowIso } from '../../shared/clock.ts';
import { BadRequest, Conflict, NotFound, PreconditionFailed, type FieldError } from '../../shared/errors.ts';
import { Retry, retrying } from '../../shared/retry.ts';
import type { Page } from '../../shared/page.ts';
import { commit, commitUpdate, refusedAt, type TxItem } from '../../aws/transactions.ts';
import { contactEntity } from '../entities/contact.entity.ts';
import { matterEntity } from '../entities/matter.entity.ts';
import { matterBalanceEntity } from '../entities/matter-balance.entity.ts';
import { announce } from './announce.ts';
import { edited, matchesMatter, newMatter, type MatterRecord } from './model.ts';
import type { CreateMatter, Matter, MatterBalance, MatterListQuery, PatchMatter } from './schemas.ts';
import { checkLabelRefs, overrideRefs } from '../rates/label-refs.ts';
import { INDEX_SETTLE_MS, ledesCodeErrors, openUncodedEntries } from '../time/ledes-codes.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Switching LEDES on: refused (409 `uncoded_entries`, nothing written) while
 * open entries of the matter lack a UTBMS code, each listed by id and missing
 * field, so the user codes them first; otherwise the condition to commit with,
 * which fails if an uncoded entry was written since it was read
 * (matter.entity.ts). An entry written moments ago may not be in the entry
 * index yet, so the look waits until the index has caught up with it.
 */
async function ledesSwitchCondition(firmId: string, matterId: string): Promise<TxItem> {
  const seen = await matterEntity.uncodedWrites(firmId, matterId);
  if (seen) {
    const wait = Date.parse(seen.writtenAt) + INDEX_SETTLE_MS - Date.now();
    if (wait > 0) await sleep(Math.min(wait, INDEX_SETTLE_MS));
  }
  const { entries, more } = await openUncodedEntries(firmId, matterId);
  if (entries.length) {
    const errors: FieldError[] = entries.flatMap((e) => ledesCodeErrors(e, `timeEntries.${e.id}.`));
    throw new Conflict(
      'uncoded_entries',
      `${more ? `More than ${entries.length}` : entries.length} open time ${entries.length === 1 && !more ? 'entry' : 'entries'} of this matter lack a UTBMS task or activity code, which LEDES e-billing requires. Code ${entries.length === 1 && !more ? 'it' : 'them'} (PATCH /practice/time-entries/{id}), then switch LEDES on again.`,
      errors,
    );
  }
  return matterEntity.noUncodedWritesSince(firmId, matterId, seen);
}

/** Every client must be a contact of this firm (400 naming the bad ones). */
async function checkClients(firmId: string, clientIds: readonly string[]): Promise<void> {
  const found = await contactEntity.getMany(firmId, clientIds);
  const errors = clientIds.flatMap((id, i) => (found.has(id) ? [] : [{ path: `clientIds.${i}`, message: 'is not a contact of this firm' }]));
  if (errors.length) throw new BadRequest('Some clients are not contacts of this firm.', errors);
}

/** The matter's rate and overrides name labels of the firm (overrides: hourly ones). */
async function checkRates(firmId: string, billing: { rateLabelId?: string | null; rateOverrides?: { rateLabelId: string }[] } | undefined): Promise<void> {
  const errors = await checkLabelRefs(firmId, [
    { path: 'billing.rateLabelId', id: billing?.rateLabelId },
    ...overrideRefs('billing.rateOverrides', billing?.rateOverrides),
  ]);
  if (errors.length) throw new BadRequest('The matter names rate labels that do not fit.', errors);
}

/** Creates a matter; it is sent to accounting once all its clients are linked. */
export async function createMatter(firmId: string, input: CreateMatter): Promise<Matter> {
  await checkClients(firmId, input.clientIds);
  await checkRates(firmId, input.billing);
  const now = nowIso();
  const { record, items } = await announce(newMatter(firmId, newId('mt'), input, now), now);
  await commit([matterEntity.put(record, null), ...items]);
  return matterEntity.toApi(record);
}

export async function getMatter(firmId: string, id: string): Promise<Matter> {
  const record = await matterEntity.get(firmId, id);
  if (!record) throw new NotFound('Matter');
  return matterEntity.toApi(record);
}

export async function listMatters(firmId: string, query: MatterListQuery): Promise<Page<Matter>> {
  const filtered = query.search || query.clientId;
  const page = await matterEntity.list(firmId, {
    limit: query.limit,
    cursor: query.cursor,
    ...(filtered ? { filter: (r: MatterRecord) => matchesMatter(r, query.search, query.clientId) } : {}),
  });
  return { items: page.items.map(matterEntity.toApi), nextCursor: page.nextCursor };
}

/** Edits a matter (name, number, billing options, clients) and re-sends it. */
export async function editMatter(
  firmId: string,
  id: string,
  change: PatchMatter & { clientIds?: string[] },
  ifMatch: number | undefined,
): Promise<Matter> {
  if (change.clientIds) await checkClients(firmId, change.clientIds);
  await checkRates(firmId, change.billing);
  return retrying(async () => {
    const current = await matterEntity.get(firmId, id);
    if (!current) throw new NotFound('Matter');
    if (ifMatch !== undefined && ifMatch !== current.version) throw new PreconditionFailed(ifMatch, current.version);
    const switchesLedesOn = change.billing?.ledesEnabled === true && !current.billing.ledesEnabled;
    const ledesCondition = switchesLedesOn ? [await ledesSwitchCondition(firmId, id)] : [];
    const now = nowIso();
    const { record, items } = await announce(edited(current, change, now), now);
    try {
      await commitUpdate([matterEntity.put(record, current.version), ...ledesCondition, ...items], matterEntity.guard(firmId, id, ifMatch));
    } catch (error) {
      // An uncoded entry was written after we looked: look again.
      if (switchesLedesOn && refusedAt(error, 1)) throw new Retry('an uncoded entry was written meanwhile');
      throw error;
    }
    return matterEntity.toApi(record);
  });
}

/** The balance as accounting last reported it (eventually consistent; `updatedAt` says when). */
export async function getMatterBalance(firmId: string, id: string): Promise<MatterBalance> {
  const [matter, balance] = await Promise.all([matterEntity.get(firmId, id), matterBalanceEntity.get(firmId, id)]);
  if (!matter) throw new NotFound('Matter');
  return matterBalanceEntity.toApi(balance);
}
