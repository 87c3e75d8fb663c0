import { parseArgs } from 'node:util';
import { renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startLocalStack } from './stack.ts';
import { defaultStateDir } from './paths.ts';
import { checkJava, javaProblemLine } from './java.ts';
import { PidRegistry } from './processes.ts';

/**
 * `npm start`: the whole system on 127.0.0.1. Data survives restarts under
 * .local/ unless --memory (or LOCAL_STACK_MEMORY=1) asks for a throw-away run.
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    memory: { type: 'boolean', default: process.env.LOCAL_STACK_MEMORY === '1' },
    'state-dir': { type: 'string' },
    'ready-file': { type: 'string' },
    'visibility-timeout': { type: 'string' },
    'redrive-after': { type: 'string' },
    'number-grace': { type: 'string' },
    'schedule-every-ms': { type: 'string' },
    'log-level': { type: 'string' },
    // The functions from their deployed bundles, with the template's environment and IAM checked (infra/local/bundled/).
    bundled: { type: 'boolean', default: process.env.LOCAL_STACK_BUNDLED === '1' },
  },
});

const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
const stateDir = values['state-dir'] ? resolve(values['state-dir']) : defaultStateDir();

// Before anything starts: without a usable Java, DynamoDB Local cannot run, and saying so in one line beats a spawn trace.
const java = checkJava();
if (!java.ok) {
  console.error(javaProblemLine(java.problem));
  process.exit(1);
}

const stack = await startLocalStack({
  port: Number(values.port),
  stateDir,
  persist: !values.memory,
  visibilityTimeoutSeconds: num(values['visibility-timeout']),
  redriveAfterSeconds: num(values['redrive-after']),
  numberGraceSeconds: num(values['number-grace']),
  scheduleEveryMs: num(values['schedule-every-ms']),
  logLevel: values['log-level'],
  bundled: values.bundled,
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) {
    // Asked again while a stop is under way (a hung emulator, a long invocation): leave now, as the user asks.
    // The DynamoDB JVM would outlive us holding its port, so it goes first, without waiting.
    console.error(`${signal} again: exiting now.`);
    new PidRegistry(join(stateDir, 'pids')).killOwn();
    process.exit(130);
  }
  stopping = true;
  console.error(`\n${signal}: stopping the local stack… (${signal === 'SIGINT' ? 'Ctrl-C' : signal} again to exit at once)`);
  await stack.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

const { stop: _stop, ...info } = stack;
if (values['ready-file']) {
  // Written whole, then renamed, so a watcher never reads half a file.
  writeFileSync(`${values['ready-file']}.tmp`, JSON.stringify(info));
  renameSync(`${values['ready-file']}.tmp`, values['ready-file']);
}
console.error(`
  Law billing sync: local stack is up.

  HTTP API     ${info.url}   (OpenAPI: ${info.url}/openapi.json)
  Functions    ${info.bundled ? `bundled as deployed, IAM checked (${info.bundled.dir})` : 'handler modules in this process'}
  Data         ${values.memory ? 'in memory (gone when stopped)' : `${stateDir}/data (kept across restarts)`}
  Mail sink    ${info.mailDir}
  Emulators    DynamoDB ${info.endpoints.dynamodb} · SQS/S3 ${info.endpoints.sqs} · SMTP ${info.endpoints.smtp}

  A token:     TOKEN=$(npm run --silent token -- --firm firm-1 --user u1 --scope "practice accounting billing admin")
  Try:         curl -s -H "Authorization: Bearer $TOKEN" ${info.url}/practice/contacts

  Ctrl-C stops everything.
`);
