import { describe, expect, it } from 'vitest';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { allRoutes } from '../../lib/api/routes.ts';
import { call, client, ddb, newFirm, stack } from './helpers.ts';

describe('OpenAPI, jobs and settings', () => {
  it('serves an OpenAPI 3.1 document of every route, generated from the zod schemas, without a token', async () => {
    const res = await call('GET', '/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    for (const route of allRoutes()) {
      expect(res.body.paths[route.path]?.[route.method.toLowerCase()], `${route.method} ${route.path}`).toBeDefined();
    }
    const create = res.body.paths['/practice/contacts'].post;
    const schema = create.requestBody.content['application/json'].schema;
    expect(schema.required).toEqual(expect.arrayContaining(['kind', 'name']));
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.reference.pattern).toBeDefined();
    expect(create.responses['201']).toBeDefined();
    expect(res.body.paths['/practice/contacts/{id}'].patch.responses['412']).toBeDefined();
  });

  it('GET /jobs/{id} shows a job of the firm and hides other firms\' jobs', async () => {
    const firm = newFirm();
    const job = {
      id: `job_${firm}`,
      kind: 'time_export',
      status: 'running',
      progress: { done: 3, total: 10 },
      errors: [],
      createdAt: '2026-11-22T00:00:00.000Z',
      updatedAt: '2026-11-22T00:00:01.000Z',
    };
    await ddb.send(new PutCommand({ TableName: stack.tables.jobs, Item: { pk: `JOB#${job.id}`, sk: 'JOB', firmId: firm, ...job } }));
    const mine = await client(firm, 'practice');
    const res = await mine.get(`/jobs/${job.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(job);
    expect((await (await client(newFirm())).get(`/jobs/${job.id}`)).status).toBe(404);
    expect((await mine.get('/jobs/job_missing')).status).toBe(404);
  });

  it('settings have defaults, are replaced whole with PUT, honour If-Match, and refuse unknown or missing fields', async () => {
    const api = await client(newFirm());
    const practice = await api.get('/practice/settings');
    expect(practice.body).toMatchObject({ separateContactNumbering: false, version: 1 });
    expect(practice.headers.get('etag')).toBe('"1"');
    expect((await api.put('/practice/settings', {})).status).toBe(400);
    expect((await api.put('/practice/settings', { separateContactNumbering: 'yes' })).status).toBe(400);
    const updated = await api.put('/practice/settings', { separateContactNumbering: true }, { 'if-match': '"1"' });
    expect(updated.status).toBe(200);
    expect(updated.body.version).toBe(2);
    expect((await api.put('/practice/settings', { separateContactNumbering: false }, { 'if-match': '"1"' })).status).toBe(412);
    expect((await api.put('/practice/settings', { separateContactNumbering: false }, { 'if-match': 'garbage' })).status).toBe(400);

    const accounting = await api.get('/accounting/settings');
    expect(accounting.body).toMatchObject({
      separateContactNumbering: false,
      fileNumbering: { prefix: 'M', width: 5 },
      currency: 'USD',
      integrationEnabled: true,
    });
    const put = await api.put('/accounting/settings', {
      separateContactNumbering: true,
      fileNumbering: { prefix: 'F', width: 6 },
      firm: { name: 'Hopper & Lovelace LLP', address: '1 Main St, Austin TX', lawFirmId: '12-3456789' },
      currency: 'USD',
    });
    expect(put.status).toBe(200);
    const saved = await api.get('/accounting/settings');
    expect(saved.body.firm.name).toBe('Hopper & Lovelace LLP');
    // What was stored answers as the settings, without the item's storage attributes (pk, sk, entity…).
    expect(Object.keys(saved.body).sort()).toEqual(
      ['billing', 'currency', 'fileNumbering', 'firm', 'integrationEnabled', 'separateContactNumbering', 'updatedAt', 'version'],
    );
    const bad = await api.put('/accounting/settings', { ...put.body, fileNumbering: { prefix: 'F', width: 0 }, currency: 'dollars' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: any) => e.path).sort()).toEqual(['currency', 'fileNumbering.width']);
  });
});
