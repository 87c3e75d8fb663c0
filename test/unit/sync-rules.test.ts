import { describe, expect, it } from 'vitest';
import { compareClocks, tick, type SyncClock } from '../../events/clock.ts';
import { answerCovers } from '../../lib/sync/link.ts';
import {
  applyLinked,
  applyLinkFailed,
  applyRemote,
  newContact,
  patched,
  upsertMessage,
  type PracticeContactRecord,
} from '../../lib/practice/contacts/model.ts';
import { matchesFilter } from '../../infra/local/event-filter.ts';

const P = (counter: number): SyncClock => ({ counter, origin: 'practice' });
const A = (counter: number): SyncClock => ({ counter, origin: 'accounting' });
const now = '2026-11-22T00:00:00.000Z';

const contact = (): PracticeContactRecord => newContact('f1', 'ct_1', { kind: 'person', name: 'Ada', email: 'ada@x.test' }, now);

const remote = (clock: SyncClock, name: string) => ({
  id: 'm',
  occurredAt: now,
  type: 'accounting.contact.upserted' as const,
  firmId: 'f1',
  accountingContactId: 'ac_1',
  practiceContactId: 'ct_1',
  clock,
  contact: { kind: 'person' as const, name },
  contactNumber: '7',
  numberingSequence: 'client' as const,
});

describe('sync clocks', () => {
  it('order by counter, then practice wins a tie', () => {
    expect(compareClocks(P(1), P(2))).toBe(-1);
    expect(compareClocks(A(3), P(2))).toBe(1);
    expect(compareClocks(A(2), P(2))).toBe(-1);
    expect(compareClocks(P(2), P(2))).toBe(0);
    expect(tick(A(4), 'practice')).toEqual(P(5));
  });

  it('an answer settles a link only if it covers our latest state', () => {
    expect(answerCovers(P(2), P(2))).toBe(true);
    expect(answerCovers(P(1), P(2))).toBe(false);
    expect(answerCovers(A(3), P(2))).toBe(true);
  });
});

describe('practice contact rules', () => {
  it('a new contact is pending at clock 1 and announces itself with the requested number', () => {
    const c = newContact('f1', 'ct_1', { kind: 'person', name: 'Ada', reference: 'R-1', numberingSequence: 'vendor' }, now);
    expect(c.link).toEqual({ status: 'pending' });
    expect(c.sync.clock).toEqual(P(1));
    const m = upsertMessage(c, true);
    expect(m).toMatchObject({ reference: 'R-1', numberingSequence: 'vendor', practiceSeparateNumbering: true, clock: P(1) });
    expect(m).not.toHaveProperty('accountingContactId');
  });

  it('an edit ticks the clock, keeps the link id, clears fields set to null, and is pending again', () => {
    const linked: PracticeContactRecord = { ...contact(), link: { status: 'synchronized', otherId: 'ac_1' }, version: 2 };
    const next = patched(linked, { email: null, phone: '555' }, now);
    expect(next.email).toBeUndefined();
    expect(next.phone).toBe('555');
    expect(next.link).toEqual({ status: 'pending', otherId: 'ac_1' });
    expect(next.version).toBe(3);
    expect(next.sync.clock).toEqual(P(2));
    expect(upsertMessage(next, false).accountingContactId).toBe('ac_1');
  });

  it('takes a newer remote state, answers a repeat, and ignores an older one', () => {
    const c = { ...contact(), sync: { clock: P(2), attempts: 1, sentAt: now } };
    const newer = applyRemote(c, remote(A(3), 'Ada L.'), now);
    expect(newer.kind).toBe('applied');
    if (newer.kind === 'applied') {
      expect(newer.record).toMatchObject({ name: 'Ada L.', reference: '7', link: { status: 'synchronized', otherId: 'ac_1' } });
      expect(newer.record.email).toBeUndefined();
      expect(newer.record.sync.clock).toEqual(A(3));
      expect(applyRemote(newer.record, remote(A(3), 'Ada L.'), now).kind).toBe('already_applied');
    }
    expect(applyRemote(c, remote(A(2), 'Loser'), now).kind).toBe('stale');
    expect(applyRemote(c, remote(P(1), 'Old'), now).kind).toBe('stale');
  });

  it('an answer for an older state records the link id but stays pending', () => {
    const c = { ...contact(), sync: { clock: P(3), attempts: 1, sentAt: now } };
    const answer = { id: 'm', occurredAt: now, type: 'accounting.contact.linked' as const, firmId: 'f1', practiceContactId: 'ct_1', accountingContactId: 'ac_1', contactNumber: '7' };
    expect(applyLinked(c, { ...answer, clock: P(2) }, now)!.link).toEqual({ status: 'pending', otherId: 'ac_1' });
    const settled = applyLinked(c, { ...answer, clock: P(3) }, now)!;
    expect(settled.link).toEqual({ status: 'synchronized', otherId: 'ac_1' });
    expect(settled.reference).toBe('7');
    expect(applyLinked(settled, { ...answer, clock: P(3) }, now)).toBeUndefined();
  });

  it('a refusal counts only for the state it refused', () => {
    const c = { ...contact(), sync: { clock: P(2), attempts: 1, sentAt: now } };
    const failure = { id: 'm', occurredAt: now, type: 'accounting.contact.link_failed' as const, firmId: 'f1', practiceContactId: 'ct_1', error: { code: 'duplicate_number' as const, message: 'taken' } };
    expect(applyLinkFailed(c, { ...failure, clock: P(1) }, now)).toBeUndefined();
    expect(applyLinkFailed(c, { ...failure, clock: P(2) }, now)!.link).toEqual({ status: 'error', error: { code: 'duplicate_number', message: 'taken' } });
  });
});

describe('local event filter (Lambda filter criteria subset)', () => {
  const pattern = { eventName: ['INSERT'], dynamodb: { NewImage: { entity: { S: ['outbox'] } } } };
  it('matches outbox inserts only', () => {
    expect(matchesFilter({ eventName: 'INSERT', dynamodb: { NewImage: { entity: { S: 'outbox' } } } }, pattern)).toBe(true);
    expect(matchesFilter({ eventName: 'MODIFY', dynamodb: { NewImage: { entity: { S: 'outbox' } } } }, pattern)).toBe(false);
    expect(matchesFilter({ eventName: 'INSERT', dynamodb: { NewImage: { entity: { S: 'contact' } } } }, pattern)).toBe(false);
    expect(matchesFilter({ eventName: 'INSERT', dynamodb: {} }, pattern)).toBe(false);
  });
});
