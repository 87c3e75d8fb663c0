import { bundleFunction } from './bundling.ts';

/**
 * `tsx infra/bundle-cli.ts <project root> <entry> <outdir>`: bundles one
 * function. The CDK stack runs it as a child process from its local bundling
 * hook, which must be synchronous, while esbuild plugins need the async API.
 */
const [projectRoot, entry, outdir] = process.argv.slice(2);
if (!projectRoot || !entry || !outdir) {
  console.error('usage: tsx infra/bundle-cli.ts <project root> <entry> <outdir>');
  process.exit(2);
}
await bundleFunction(projectRoot, entry, outdir);
