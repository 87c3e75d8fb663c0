import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { InvokeStore, InvokeStoreBase } from '@aws/lambda-invoke-store';
import type { ContextData, FromWorker, SerializedError, ToWorker, WorkerInit } from './worker-protocol.ts';

/*
 * The local Lambda runtime, in a function's worker thread (built into plain
 * JavaScript with esbuild, beside the bundles: the thread loads no TypeScript
 * tooling, only what Lambda's Node runtime would load). As Lambda's runtime it
 * installs the invocation store before the function's code loads, imports the
 * bundle (the init phase), then runs each invocation it is sent in an
 * invocation scope of its own. The thread's process.env is exactly the
 * environment the stack gave it (workers.ts).
 */

type Handler = (event: unknown, context: unknown) => Promise<unknown>;

const port = parentPort!;
const init = workerData as WorkerInit;
const send = (message: FromWorker) => port.postMessage(message);

if ((process.env.NODE_OPTIONS ?? '').includes('--enable-source-maps')) process.setSourceMapsEnabled(true);

// Multi-context, as on a Lambda instance that serves several invocations at once (AWS_LAMBDA_MAX_CONCURRENCY).
const store = await InvokeStore.getInstanceAsync(true);
const module = (await import(pathToFileURL(init.bundleFile).href)) as Record<string, unknown>;
const handler = module[init.handlerExport];
if (typeof handler !== 'function') throw new Error(`${init.bundleFile} exports no function ${init.handlerExport}`);

function contextOf(data: ContextData) {
  const { deadline, ...fields } = data;
  return {
    ...fields,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

function serialize(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(error)) {
    try {
      fields[k] = structuredClone(v);
    } catch {
      // not cloneable (a function, a socket): left out
    }
  }
  return { name: error.name, message: error.message, ...(error.stack ? { stack: error.stack } : {}), fields };
}

port.on('message', (message: ToWorker) => {
  const { id, event, context } = message;
  store
    .run({ [InvokeStoreBase.PROTECTED_KEYS.REQUEST_ID]: context.awsRequestId }, () => (handler as Handler)(event, contextOf(context)))
    .then(
      (result) => {
        try {
          send({ type: 'result', id, result });
        } catch (error) {
          // Lambda answers JSON: a result that cannot even be cloned is the function's error.
          send({ type: 'error', id, error: serialize(error) });
        }
      },
      (error: unknown) => send({ type: 'error', id, error: serialize(error) }),
    );
});
send({ type: 'ready' });
