import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { synthesizeStack } from './synth.ts';
import { SYNTHESIZED_FILE } from './synthesized.ts';

/**
 * `tsx infra/local/bundled/synth-cli.ts <outdir>`: synthesizes the stack into
 * <outdir>/cdk.out and writes what the local stack reads of it to
 * <outdir>/synthesized.json. A child process of the local stack, so aws-cdk-lib
 * (~200 MB) never stays loaded beside the functions, and it runs while the
 * emulators start and esbuild bundles.
 */
const [outdir] = process.argv.slice(2);
if (!outdir) {
  console.error('usage: tsx infra/local/bundled/synth-cli.ts <outdir>');
  process.exit(2);
}
writeFileSync(join(outdir, SYNTHESIZED_FILE), JSON.stringify(synthesizeStack(join(outdir, 'cdk.out'))));
