/** What the stack and a function's worker thread say to each other (runtime.ts, workers.ts). */

export interface WorkerInit {
  /** The bundle's file (absolute) and the export the template's `Handler` names. */
  bundleFile: string;
  handlerExport: string;
}

/** The Lambda context's data (its functions are rebuilt in the worker). */
export interface ContextData {
  functionName: string;
  functionVersion: string;
  invokedFunctionArn: string;
  memoryLimitInMB: string;
  awsRequestId: string;
  logGroupName: string;
  logStreamName: string;
  /** Epoch ms when the invocation times out (the template's Timeout after its start). */
  deadline: number;
}

export type ToWorker = { type: 'invoke'; id: number; event: unknown; context: ContextData };

export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  /** The error's own fields (an SDK error's $metadata, Code…), where they survive structured cloning. */
  fields?: Record<string, unknown>;
}

export type FromWorker =
  | { type: 'ready' }
  | { type: 'result'; id: number; result: unknown }
  | { type: 'error'; id: number; error: SerializedError };
