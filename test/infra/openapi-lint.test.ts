import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '#lib/api/openapi';
import { projectRoot } from '../../infra/constructs/declared-function.ts';

const run = promisify(execFile);

/**
 * The generated API description (what `GET /openapi.json` serves) through
 * both linters an outside review ran: Redocly's `recommended` ruleset
 * (redocly.yaml) and Spectral's `spectral:oas` (.spectral.yaml), each with
 * 0 errors and 0 warnings; a rule either config switches off says why there.
 * Offline: both rulesets are built in, Redocly's telemetry and update check
 * are off.
 */
describe('the OpenAPI document', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lbs-openapi-lint-'));
  const file = join(dir, 'openapi.json');
  writeFileSync(file, JSON.stringify(openApiDocument(), null, 2));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const env = {
    ...process.env,
    REDOCLY_TELEMETRY: 'off',
    REDOCLY_SUPPRESS_NOTIFICATIONS: 'true',
    REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
    NO_COLOR: '1',
  };
  const bin = (name: string) => join(projectRoot, 'node_modules', '.bin', name);

  it('is clean under Redocly (recommended)', async () => {
    const { stdout } = await run(bin('redocly'), ['lint', file, '--config', join(projectRoot, 'redocly.yaml'), '--format', 'json'], {
      cwd: projectRoot,
      env,
    }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    const report = JSON.parse(stdout) as { totals: { errors: number; warnings: number }; problems: { ruleId: string; message: string; location?: { pointer?: string }[] }[] };
    const problems = report.problems.map((p) => `${p.ruleId}: ${p.message} (${p.location?.[0]?.pointer ?? ''})`);
    expect(problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  }, 60_000);

  it('is clean under Spectral (spectral:oas)', async () => {
    const output = join(dir, 'spectral.json');
    await run(bin('spectral'), ['lint', file, '--ruleset', join(projectRoot, '.spectral.yaml'), '--format', 'json', '--output', output, '--fail-severity', 'hint'], {
      cwd: projectRoot,
      env,
    }).catch(() => undefined); // a non-zero exit is read from the report below
    const results = JSON.parse(readFileSync(output, 'utf8')) as { code: string; message: string; path: string[] }[];
    expect(results.map((r) => `${r.code}: ${r.message} (${r.path.join('.')})`)).toEqual([]);
  }, 60_000);
});
