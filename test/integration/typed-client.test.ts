import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, generatedApiTypes } from '../../examples/typescript-client/generate.ts';
import { runWalkthrough } from '../../examples/typescript-client/walkthrough.ts';
import { newFirm, stack, token } from './helpers.ts';

/**
 * The typed client in examples/typescript-client: its types are what the
 * routes publish today (so a client generated from /openapi.json compiles
 * against the real API: `npm test` type-checks the example with them), and
 * its walkthrough runs end to end against the local stack, failing on any
 * status the published API does not promise.
 */
describe('the typed client (examples/typescript-client)', () => {
  it('has the types the published OpenAPI document generates (npm run client:generate after a route change)', async () => {
    expect(readFileSync(API_TYPES_FILE, 'utf8')).toBe(await generatedApiTypes());
  });

  it('runs the walkthrough: a split bill posted, produced and paid by two clients', async () => {
    const lines: string[] = [];
    const result = await runWalkthrough({ baseUrl: stack.url, token: await token(newFirm()), log: (l) => lines.push(l) });
    expect(result.invoiceNumbers).toEqual(['1', '2']);
    expect(lines.some((l) => l.startsWith('aging on 2027-01-15: 0.00'))).toBe(true);
  }, 120_000);
});
