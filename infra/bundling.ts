import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { BUNDLED_FONT_DIR, FONT_FILES } from '../lib/documents/pdf/fonts.ts';

/**
 * How every Lambda bundle is built: the one definition the CDK stack
 * (infra/constructs/declared-function.ts) and the bundle benchmark
 * (bench/bundles.ts) both use, so what is measured is what is deployed.
 *
 * ESM, minified, for node24 (the functions' runtime: FUNCTION_RUNTIME in
 * infra/constructs/declared-function.ts), with a source map (no sources inside), and the
 * AWS SDK bundled in rather than taken from the Lambda runtime, so functions
 * run the SDK versions the project pins and tests (all but the credential
 * providers Lambda never uses, below).
 */

/**
 * ESM bundles have no `require`; some CommonJS dependencies still call it
 * (for Node built-ins), so the bundle defines one.
 */
const requireBanner =
  "import { createRequire as __bundleCreateRequire } from 'node:module'; const require = __bundleCreateRequire(import.meta.url);";

/**
 * pdf-lib ships the metrics of all 14 standard fonts (~120 kB compressed) and a
 * PNG codec (~25 kB), and imports them whether or not they are used: its ES
 * build has no `sideEffects: false`, so esbuild keeps them. Our invoice renderer
 * (lib/documents/invoice-pdf.ts) measures text with the embedded Noto Sans
 * fonts' own metrics, embeds their subsets itself (lib/documents/pdf/ttf.ts)
 * and uses pdf-lib only to assemble pages, never `embedFont`, `embedPng` or a form;
 * so the bundle carries a stub in their place that throws if anything ever does
 * reach for them. `test/infra/bundling.test.ts` renders an invoice with the
 * bundled renderer to prove the stubs are never touched.
 */
const unusedPdfLibParts: Plugin = {
  name: 'unused-pdf-lib-parts',
  setup(b) {
    const stub = (what: string) => `throw new Error(${JSON.stringify(`${what} was left out of this bundle (infra/bundling.ts)`)});`;
    // Font metrics, one JSON file per font; `all-encodings` is read when pdf-lib loads, so it stays.
    b.onLoad({ filter: /[\\/]@pdf-lib[\\/]standard-fonts[\\/]es[\\/][^\\/]+\.compressed\.json$/ }, ({ path }) =>
      /all-encodings\.compressed\.json$/.test(path)
        ? undefined
        : { contents: `export default new Proxy({}, { get() { ${stub('Standard font metrics')} } });`, loader: 'js' },
    );
    b.onLoad({ filter: /[\\/]@pdf-lib[\\/]upng[\\/]UPNG\.js$/ }, () => ({
      contents: `const fail = () => { ${stub('The PNG codec')} }; export default { decode: fail, toRGBA8: fail };`,
      loader: 'js',
    }));
  },
};

/**
 * pdf-lib deflates (object streams of a merged PDF, `flateStream`) and
 * inflates (its encodings table, at load) with pako, ~46 kB of JavaScript
 * zlib; on Node the built-in zlib does the same, so the bundle gets a
 * two-function shim over `node:zlib` in its place. Same format (zlib
 * streams), so what pdf-lib writes and reads is unchanged;
 * test/infra/bundling.test.ts merges PDFs with the bundled library.
 */
const pakoOnNodeZlib: Plugin = {
  name: 'pako-on-node-zlib',
  setup(b) {
    b.onResolve({ filter: /^pako$/ }, () => ({ path: 'pako', namespace: 'pako-on-node-zlib' }));
    b.onLoad({ filter: /.*/, namespace: 'pako-on-node-zlib' }, () => ({
      contents: `import { deflateSync, inflateSync } from 'node:zlib';
const bytes = (b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
export const deflate = (data, options) => bytes(deflateSync(data, options && options.level !== undefined ? { level: options.level } : undefined));
export const inflate = (data) => bytes(inflateSync(data));
export default { deflate, inflate };`,
      loader: 'js',
    }));
  },
};

/**
 * The X-Ray SDK (in every traced function: lib/shared/tracer.ts) requires
 * `semver` (~29 kB) for one thing: its AWS SDK v2 patcher checks the v2
 * SDK's version. We capture v3 clients only (`tracer.captureAWSv3Client`),
 * never v2 ones, so the bundle carries a stub in its place that throws if the
 * v2 patcher is ever called. test/infra/bundles.test.ts runs a bundled
 * function with tracing on to prove the stub is never touched.
 */
const unusedXraySemver: Plugin = {
  name: 'unused-x-ray-semver',
  setup(b) {
    b.onResolve({ filter: /^semver$/ }, ({ importer }) =>
      /[\\/]aws-xray-sdk-core[\\/]/.test(importer) ? { path: 'semver', namespace: 'unused-x-ray-semver' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'unused-x-ray-semver' }, () => ({
      contents: `const fail = () => { throw new Error('semver (the X-Ray SDK\\'s AWS SDK v2 patcher) was left out of this bundle (infra/bundling.ts)'); };
module.exports = { gte: fail, lt: fail, satisfies: fail, coerce: fail };`,
      loader: 'js',
    }));
  },
};

/**
 * The SDK's default credential chain imports its other providers (SSO, ini
 * files, process, web identity, container and instance metadata, and the
 * nested STS/SSO clients they use) lazily, with `import()`, only when the one
 * before has no credentials. On Lambda the first, environment variables,
 * always has them, so these are never loaded; kept out of the bundle they cost
 * nothing (~130 kB less per function). Were one ever reached, Node would load
 * it from the runtime's own copy of the SDK.
 */
const lazyCredentialProviders = [
  '@aws-sdk/credential-provider-sso',
  '@aws-sdk/credential-provider-ini',
  '@aws-sdk/credential-provider-process',
  '@aws-sdk/credential-provider-web-identity',
  '@aws-sdk/credential-provider-http',
  '@smithy/credential-provider-imds',
];

export const bundleOptions: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  minify: true,
  mainFields: ['module', 'main'],
  banner: { js: requireBanner },
  sourcemap: true,
  sourcesContent: false,
  external: lazyCredentialProviders,
  plugins: [unusedPdfLibParts, pakoOnNodeZlib, unusedXraySemver],
  logLevel: 'warning',
};

/**
 * The invoice fonts (lib/documents/pdf/fonts.ts) are files beside the
 * bundle, in `fonts/`, not JavaScript inside it: 1.2 MB of TrueType would
 * break the budget below, and a file is read once per container anyway.
 */
export function copyInvoiceFonts(projectRoot: string, outdir: string): void {
  const resolve = createRequire(join(projectRoot, 'package.json')).resolve;
  mkdirSync(join(outdir, BUNDLED_FONT_DIR), { recursive: true });
  for (const f of FONT_FILES) copyFileSync(resolve(f.module), join(outdir, BUNDLED_FONT_DIR, f.file));
}

/** A bundle renders PDFs (and so needs the fonts beside it) when the font loader is inside. */
export const rendersPdfs = (inputs: Record<string, unknown>) => Object.keys(inputs).some((path) => /lib\/documents\/pdf\/fonts\.ts$/.test(path));

/** Bundles one function entry (relative to the project root) into `outdir/index.mjs` (+ its source map, + fonts/ if it renders invoices). */
export async function bundleFunction(projectRoot: string, entry: string, outdir: string): Promise<void> {
  const built = await build({ ...bundleOptions, absWorkingDir: projectRoot, entryPoints: [join(projectRoot, entry)], outfile: join(outdir, 'index.mjs'), metafile: true });
  if (rendersPdfs(built.metafile.inputs)) copyInvoiceFonts(projectRoot, outdir);
}

/**
 * Bundles several entries in one esbuild run (the modules they share are read
 * and parsed once: on 2 cores, 29 bundles take about 13 s instead of 50 s one
 * by one), each into `<outdir>/<name>/index.mjs` (+ map, + fonts/), answering
 * each entry's directory. esbuild builds every entry point on its own (no code
 * splitting), so each bundle is byte for byte what bundleFunction writes for
 * that entry (test/bundled/bundles.test.ts compares one): the local stack's
 * bundled mode runs what CDK deploys.
 */
export async function bundleFunctions(projectRoot: string, entries: readonly string[], outdir: string): Promise<Record<string, string>> {
  const nameOf = (entry: string) => entry.replace(/\.ts$/, '').replace(/[\\/]/g, '-');
  const built = await build({
    ...bundleOptions,
    absWorkingDir: projectRoot,
    entryPoints: entries.map((entry) => ({ in: join(projectRoot, entry), out: join(nameOf(entry), 'index') })),
    outdir,
    outExtension: { '.js': '.mjs' },
    metafile: true,
  });
  const dirs: Record<string, string> = {};
  for (const entry of entries) {
    const dir = join(outdir, nameOf(entry));
    const output = built.metafile.outputs[Object.keys(built.metafile.outputs).find((o) => join(projectRoot, o) === join(dir, 'index.mjs'))!];
    if (output && rendersPdfs(output.inputs)) copyInvoiceFonts(projectRoot, dir);
    dirs[entry] = dir;
  }
  return dirs;
}

/**
 * The size budget of a function bundle (index.mjs): 1 MB, so cold starts stay
 * short. No function is allowed more: sending an invoice by hand attaches the
 * PDF stored at posting or production (lib/accounting/bills/manual-email.ts),
 * so the mail function never holds the renderer.
 */
export const BUNDLE_BUDGET_BYTES = 1_000_000;
export const bundleBudget = (_entry: string) => BUNDLE_BUDGET_BYTES;
