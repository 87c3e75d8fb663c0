import { describe, expect, it } from 'vitest';
import { armFault, call, client, newFirm, person, stack, type Client, type Reply } from './helpers.ts';

/**
 * Issue 16, items 3 and 6: a rate label's type defaults to hourly, and label
 * merges (DELETE with `mergeIntoId`) are decided by DynamoDB conditions, so
 * merges that cross, chain or race an edit leave every name pricing at a
 * live label: exactly one of two crossing merges wins, the other is a 409.
 */

const del = (api: Client, id: string, mergeIntoId: string, reason = 'Consolidating') =>
  call('DELETE', `/practice/rate-labels/${id}`, { token: api.token, body: { mergeIntoId, reason } });

async function created<T = any>(reply: Promise<Reply<T>>, what: string): Promise<T> {
  const res = await reply;
  expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBe(201);
  return res.body;
}

const labelsOf = async (api: Client) => (await api.get('/practice/rate-labels')).body.items as any[];

/**
 * A firm with a timekeeper (no role, no default label), a client, and a
 * default label "AAA firm default" at 1.00/h: anything that falls back to the
 * firm default prices at 1.00, which no test label does.
 */
async function firm() {
  const firmId = newFirm();
  const api = await client(firmId);
  await created(api.post('/practice/rate-labels', { name: 'AAA firm default', type: 'hourly', baseValue: '1.00' }), 'default label');
  const tk = await created(api.post('/practice/users', { name: 'Grace Hopper', email: 'grace@firm.test' }), 'timekeeper');
  const contact = await created(api.post('/practice/contacts', person('Client Co')), 'contact');
  let n = 0;
  const label = (baseValue: string, extra: Record<string, unknown> = {}) =>
    created(api.post('/practice/rate-labels', { name: `Label ${++n} ${Math.random().toString(36).slice(2, 8)}`, type: 'hourly', baseValue, ...extra }), 'label');
  const matterOn = (labelId: string) =>
    created(api.post('/practice/matters', { name: `On ${labelId}`, clientIds: [contact.id], billing: { rateLabelId: labelId } }), 'matter');
  const price = async (matterId: string, extra: Record<string, unknown> = {}) => {
    const res = await api.post('/practice/time-entries', {
      matterId, timekeeperId: tk.id, date: '2026-11-20', description: 'Drafting', hours: '1', behavior: 'bill', ...extra,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.rate as { labelId: string; value: string; labelSource: string };
  };
  return { firmId, api, tk, contact, label, matterOn, price };
}

describe('a rate label without a type', () => {
  it('is hourly, so it needs a base value; the OpenAPI says type is optional, default hourly', async () => {
    const api = await client(newFirm());
    const made = await api.post('/practice/rate-labels', { name: 'Standard', baseValue: '200.00' });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({ name: 'Standard', type: 'hourly', baseValue: '200.00', active: true, version: 1 });

    const noValue = await api.post('/practice/rate-labels', { name: 'Senior' });
    expect(noValue.status).toBe(400);
    expect(noValue.body.errors.map((e: any) => e.path)).toEqual(['baseValue']);
    const withValues = await api.post('/practice/rate-labels', { name: 'Senior', timekeeperValues: [] });
    expect(withValues.status).toBe(400);
    expect(withValues.body.errors.map((e: any) => e.path)).toEqual(['baseValue']);
    expect((await labelsOf(api)).map((l) => l.name)).toEqual(['Standard']);

    const doc = (await (await fetch(`${stack.url}/openapi.json`)).json()) as any;
    const schema = doc.paths['/practice/rate-labels'].post.requestBody.content['application/json'].schema;
    expect(schema.required ?? []).not.toContain('type');
    expect(schema.properties.type).toMatchObject({ default: 'hourly', enum: ['hourly', 'fixed', 'custom'] });
  });
});

describe('merging rate labels', () => {
  it('two merges crossing (L into T, T into L at once): exactly one wins, the other is a 409; every name prices at the winner (50 crossings)', async () => {
    const { api, tk, label, matterOn, price } = await firm();
    for (let i = 0; i < 50; i++) {
      // Every other pair carries a timekeeper value (its base value again): the target's own one must win, once.
      const values = (v: string) => (i % 2 ? { timekeeperValues: [{ userId: tk.id, value: v }] } : {});
      const [l, t] = await Promise.all([label(`${100 + i}.00`, values(`${100 + i}.00`)), label(`${300 + i}.00`, values(`${300 + i}.00`))]);
      const [onL, onT] = await Promise.all([matterOn(l.id), matterOn(t.id)]);

      const [intoT, intoL] = await Promise.all([del(api, l.id, t.id), del(api, t.id, l.id)]);
      const statuses = [intoT.status, intoL.status].sort();
      expect(statuses, `crossing ${i}: ${JSON.stringify([intoT.body, intoL.body])}`).toEqual([200, 409]);
      const [won, lost] = intoT.status === 200 ? [intoT, intoL] : [intoL, intoT];
      expect(['merge_target_merged', 'label_merged']).toContain(lost.body.code);
      const winner = won === intoT ? t : l;
      const merged = won === intoT ? l : t;
      expect(won.body).toMatchObject({ id: merged.id, mergedInto: winner.id });

      const live = await labelsOf(api);
      expect(live.find((x) => x.id === winner.id), `crossing ${i}: the winner's target is listed`).toMatchObject({
        active: true,
        timekeeperValues: i % 2 ? [{ userId: tk.id, value: winner.baseValue }] : [],
      });
      expect(live.find((x) => x.id === merged.id)).toBeUndefined();
      // Both matters now name the winner, and new time on either prices at its rate, never the firm default.
      for (const m of [onL, onT]) {
        expect((await api.get(`/practice/matters/${m.id}`)).body.billing.rateLabelId).toBe(winner.id);
        expect(await price(m.id)).toMatchObject({ labelId: winner.id, value: winner.baseValue, labelSource: 'matter' });
      }
      // An entry naming either label prices at the winner too.
      expect(await price(onL.id, { rateLabelId: merged.id })).toMatchObject({ labelId: winner.id, value: winner.baseValue, labelSource: 'entry' });
      expect(await price(onL.id, { rateLabelId: winner.id })).toMatchObject({ labelId: winner.id, value: winner.baseValue });
    }
  }, 300_000);

  it('one label merged into two at once: one wins, the other is a 409 label_merged; the same merge twice at once is one merge', async () => {
    const { api, label } = await firm();
    for (let i = 0; i < 10; i++) {
      const [a, b, c] = await Promise.all([label('10.00'), label('20.00'), label('30.00')]);
      const replies = await Promise.all([del(api, a.id, b.id), del(api, a.id, c.id)]);
      expect(replies.map((r) => r.status).sort(), JSON.stringify(replies.map((r) => r.body))).toEqual([200, 409]);
      const lost = replies.find((r) => r.status === 409)!;
      expect(lost.body.code).toBe('label_merged');
      const won = replies.find((r) => r.status === 200)!;
      const live = (await labelsOf(api)).map((x) => x.id);
      expect(live).toContain(b.id);
      expect(live).toContain(c.id);
      expect(live).not.toContain(a.id);
      expect([b.id, c.id]).toContain(won.body.mergedInto);
    }
    // The same merge twice at once (a client retrying) is one merge: both answer it.
    for (let i = 0; i < 5; i++) {
      const [a, b] = await Promise.all([label('10.00'), label('20.00')]);
      const replies = await Promise.all([del(api, a.id, b.id), del(api, a.id, b.id)]);
      expect(replies.map((r) => r.status), JSON.stringify(replies.map((r) => r.body))).toEqual([200, 200]);
      expect(replies.map((r) => r.body.mergedInto)).toEqual([b.id, b.id]);
    }
  }, 120_000);

  it('a merge into a merged label, into an inactive one or into itself is refused and changes nothing; a repeated merge finishes', async () => {
    const { api, label, matterOn, price } = await firm();
    const [a, b, c] = await Promise.all([label('10.00'), label('20.00'), label('30.00')]);
    const onC = await matterOn(c.id);
    expect((await del(api, a.id, b.id)).status).toBe(200);

    const before = await labelsOf(api);
    const intoMerged = await del(api, c.id, a.id);
    expect(intoMerged.status).toBe(409);
    expect(intoMerged.body.code).toBe('merge_target_merged');
    expect(intoMerged.body.detail).toContain(b.id);
    const again = await del(api, a.id, c.id);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('label_merged');
    expect(await labelsOf(api)).toEqual(before);
    expect(await price(onC.id)).toMatchObject({ labelId: c.id, value: '30.00' });

    expect((await api.patch(`/practice/rate-labels/${b.id}`, { active: false })).status).toBe(200);
    const intoInactive = await del(api, c.id, b.id);
    expect(intoInactive.status).toBe(409);
    expect(intoInactive.body.code).toBe('merge_target_inactive');
    expect((await labelsOf(api)).find((x) => x.id === c.id)).toMatchObject({ version: c.version });

    const self = await del(api, c.id, c.id);
    expect(self.status).toBe(400);
    expect(self.body.errors.map((e: any) => e.path)).toEqual(['mergeIntoId']);
    expect((await del(api, c.id, 'rl_nope')).status).toBe(400);

    // The same merge again answers as the first did (a retried DELETE, or one finishing an interrupted merge).
    const repeated = await del(api, a.id, b.id, 'said again');
    expect(repeated.status).toBe(200);
    expect(repeated.body).toMatchObject({ id: a.id, mergedInto: b.id, reason: 'Consolidating' });
    expect(await labelsOf(api)).toHaveLength(before.length);
  });

  it('chains racing (A into B while B into C): no merge lands on a merged label, and every name prices at a live label', async () => {
    const { api, label, matterOn, price } = await firm();
    for (let i = 0; i < 15; i++) {
      const [a, b, c] = await Promise.all([label('11.00'), label('22.00'), label('33.00')]);
      const [onA, onB, onC] = await Promise.all([matterOn(a.id), matterOn(b.id), matterOn(c.id)]);
      const [aIntoB, bIntoC] = await Promise.all([del(api, a.id, b.id), del(api, b.id, c.id)]);
      // B into C never loses: B is live until it is merged. A into B wins only if it came first.
      expect(bIntoC.status, JSON.stringify(bIntoC.body)).toBe(200);
      expect([200, 409], JSON.stringify(aIntoB.body)).toContain(aIntoB.status);
      if (aIntoB.status === 409) expect(aIntoB.body.code).toBe('merge_target_merged');
      const aLives = aIntoB.status === 409;

      const live = (await labelsOf(api)).map((x) => x.id);
      expect(live.includes(a.id)).toBe(aLives);
      expect(live).not.toContain(b.id);
      expect(live).toContain(c.id);
      // References end on live labels (no matter is left naming B), and price there.
      const expectA = aLives ? { labelId: a.id, value: '11.00' } : { labelId: c.id, value: '33.00' };
      expect((await api.get(`/practice/matters/${onA.id}`)).body.billing.rateLabelId).toBe(expectA.labelId);
      expect((await api.get(`/practice/matters/${onB.id}`)).body.billing.rateLabelId).toBe(c.id);
      expect(await price(onA.id)).toMatchObject({ ...expectA, labelSource: 'matter' });
      expect(await price(onB.id)).toMatchObject({ labelId: c.id, value: '33.00', labelSource: 'matter' });
      expect(await price(onC.id)).toMatchObject({ labelId: c.id, value: '33.00', labelSource: 'matter' });
      expect(await price(onC.id, { rateLabelId: b.id })).toMatchObject({ labelId: c.id, value: '33.00' });
    }
  }, 180_000);

  it('a cycle of three merges at once (A→B, B→C, C→A) never closes: something stays live and every name resolves to it', async () => {
    const { api, label, matterOn, price } = await firm();
    for (let i = 0; i < 10; i++) {
      const labels = await Promise.all([label('11.00'), label('22.00'), label('33.00')]);
      const matters = await Promise.all(labels.map((l) => matterOn(l.id)));
      const replies = await Promise.all(labels.map((l, j) => del(api, l.id, labels[(j + 1) % 3]!.id)));
      const statuses = replies.map((r) => r.status);
      expect(statuses.every((s) => s === 200 || s === 409), JSON.stringify(replies.map((r) => r.body))).toBe(true);
      expect(statuses.filter((s) => s === 409).length).toBeGreaterThanOrEqual(1);
      const live = new Set((await labelsOf(api)).map((x) => x.id));
      const ours = labels.filter((l) => live.has(l.id));
      expect(ours.length).toBe(statuses.filter((s) => s === 409).length);
      for (const m of matters) {
        const rate = await price(m.id);
        expect(live.has(rate.labelId)).toBe(true);
        expect(rate.labelSource).toBe('matter');
        expect((await api.get(`/practice/matters/${m.id}`)).body.billing.rateLabelId).toBe(rate.labelId);
      }
    }
  }, 180_000);

  it('a merge racing an edit of either label: both are serialised; a refused merge changes nothing, a won one frees the name it ends with', async () => {
    const { api, tk, label, matterOn, price } = await firm();
    for (let i = 0; i < 10; i++) {
      const [l, t] = await Promise.all([label('40.00', { timekeeperValues: [{ userId: tk.id, value: '41.00' }] }), label('50.00')]);
      const onL = await matterOn(l.id);
      const renamed = `Renamed ${i} ${Math.random().toString(36).slice(2, 8)}`;
      const [merge, editL, editT] = await Promise.all([
        del(api, l.id, t.id),
        api.patch(`/practice/rate-labels/${l.id}`, { name: renamed }),
        api.patch(`/practice/rate-labels/${t.id}`, { active: false }),
      ]);
      expect([200, 409], JSON.stringify(merge.body)).toContain(merge.status);
      expect([200, 404], JSON.stringify(editL.body)).toContain(editL.status);
      expect(editT.status, JSON.stringify(editT.body)).toBe(200);
      const live = await labelsOf(api);
      const liveT = live.find((x) => x.id === t.id);
      expect(liveT).toMatchObject({ active: false });
      if (merge.status === 409) {
        // T was deactivated first: L is untouched but for its own edit.
        expect(merge.body.code).toBe('merge_target_inactive');
        expect(live.find((x) => x.id === l.id)).toMatchObject({ name: renamed });
        expect(await price(onL.id)).toMatchObject({ labelId: l.id, value: '41.00' });
      } else {
        // The merge came first: L's timekeeper value moved to T, and both names L ever had are free.
        expect(live.find((x) => x.id === l.id)).toBeUndefined();
        expect(liveT.timekeeperValues).toEqual([{ userId: tk.id, value: '41.00' }]);
        expect((await api.get(`/practice/matters/${onL.id}`)).body.billing.rateLabelId).toBe(t.id);
        expect((await api.post('/practice/rate-labels', { name: l.name, type: 'fixed' })).status).toBe(201);
        expect((await api.post('/practice/rate-labels', { name: renamed, type: 'fixed' })).status).toBe(201);
      }
    }
  }, 180_000);

  it('a merge whose repointing crashed halfway prices as if it had finished, and the same DELETE again finishes it', async () => {
    const { firmId, api, tk, contact, label, matterOn, price } = await firm();
    const [l, t] = await Promise.all([label('60.00'), label('70.00')]);
    await api.patch(`/practice/contacts/${contact.id}`, { rateOverrides: [{ rateLabelId: l.id, value: '65.00' }] });
    await api.patch(`/practice/users/${tk.id}`, { defaultRateLabelId: l.id });
    expect((await api.put('/practice/system-roles/r1', { name: 'Role', defaultRateLabelId: l.id })).status).toBe(200);
    expect((await api.post('/practice/quick-codes', { code: 'Q1', description: 'q', rateLabelByRole: { r1: l.id } })).status).toBe(201);
    const matters = [await matterOn(l.id), await matterOn(l.id), await matterOn(l.id)];
    const onL = { labelId: l.id, value: '65.00', valueSource: 'client_override' };
    for (const m of matters) expect(await price(m.id)).toMatchObject(onL);

    // Each kind of record (users, roles, quick codes, matters, contacts) stops after its first rewrite.
    await armFault('practice.rateLabel.afterRepointingOne', firmId, 5);
    const crashed = await fetch(`${stack.url}/practice/rate-labels/${l.id}`, {
      method: 'DELETE', headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ mergeIntoId: t.id, reason: 'Consolidating' }),
    });
    expect(crashed.status).toBe(500);
    const named = await Promise.all(matters.map(async (m) => (await api.get(`/practice/matters/${m.id}`)).body.billing.rateLabelId));
    expect(named.filter((id) => id === l.id).length, 'some matters are not repointed yet').toBeGreaterThan(0);
    // Half done or not, every matter prices at T, with the client's override that named L.
    const onT = { labelId: t.id, value: '65.00', valueSource: 'client_override', labelSource: 'matter' };
    for (const m of matters) expect(await price(m.id)).toMatchObject(onT);
    expect((await labelsOf(api)).map((x) => x.id)).not.toContain(l.id);

    const finished = await del(api, l.id, t.id);
    expect(finished.status, JSON.stringify(finished.body)).toBe(200);
    expect(finished.body.repointed.matters).toBe(3 - named.filter((id) => id === t.id).length);
    for (const m of matters) expect((await api.get(`/practice/matters/${m.id}`)).body.billing.rateLabelId).toBe(t.id);
    expect((await api.get(`/practice/contacts/${contact.id}`)).body.rateOverrides).toEqual([{ rateLabelId: t.id, value: '65.00' }]);
    expect((await api.get('/practice/users')).body.items.find((u: any) => u.id === tk.id).defaultRateLabelId).toBe(t.id);
    expect((await api.get('/practice/system-roles')).body.items.find((r: any) => r.id === 'r1').defaultRateLabelId).toBe(t.id);
    expect((await api.get('/practice/quick-codes')).body.items[0].rateLabelByRole).toEqual({ r1: t.id });
    for (const m of matters) expect(await price(m.id)).toMatchObject(onT);
    const again = await del(api, l.id, t.id);
    expect(again.body.repointed).toEqual({ users: 0, systemRoles: 0, quickCodes: 0, matters: 0, contacts: 0 });
  });
});
