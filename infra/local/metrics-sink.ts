/**
 * The local stand-in for CloudWatch's reading of embedded-metric-format
 * lines. In Lambda, Powertools Metrics writes each flush as one JSON line to
 * stdout and CloudWatch Logs turns it into metrics; here every function runs
 * in this one process, so the sink reads those same lines off
 * `process.stdout` and sums them, for `GET /__local/metrics` (and tests).
 * What is summed is exactly what Lambda would emit.
 *
 * Sums and sample counts are kept by metric name, by name and dimension
 * (`GiveUps{queue=toAccounting}`) and by firm (the `firmId` metadata of a
 * line, lib/shared/metrics.ts). The lines are not printed unless `echo`.
 */

export interface MetricTotals {
  /** Metric name (or `Name{dimension=value}`) → sum of its values. */
  sums: Record<string, number>;
  /** The same keys → how many values were emitted (one per request, record or measurement). */
  samples: Record<string, number>;
}

export interface MetricsSink {
  /** Everything since the start (or the last reset). */
  totals(): MetricTotals;
  /** What lines naming this firm carried. */
  ofFirm(firmId: string): MetricTotals;
  reset(): void;
  stop(): void;
}

interface EmfLine {
  _aws?: { CloudWatchMetrics?: { Namespace?: string; Dimensions?: string[][]; Metrics?: { Name: string }[] }[] };
  firmId?: unknown;
  [key: string]: unknown;
}

const EMF_PREFIX = '{"_aws":';
const empty = (): MetricTotals => ({ sums: {}, samples: {} });

function add(totals: MetricTotals, key: string, values: number[]): void {
  totals.sums[key] = (totals.sums[key] ?? 0) + values.reduce((a, b) => a + b, 0);
  totals.samples[key] = (totals.samples[key] ?? 0) + values.length;
}

/** Starts reading the EMF lines of `namespace` written to this process's stdout. */
export function captureMetrics(namespace: string, options: { echo?: boolean } = {}): MetricsSink {
  let all = empty();
  let byFirm = new Map<string, MetricTotals>();

  /** Takes one line if it is an EMF line of our namespace; answers whether it was. */
  function take(text: string): boolean {
    let line: EmfLine;
    try {
      line = JSON.parse(text) as EmfLine;
    } catch {
      return false;
    }
    const directives = (line._aws?.CloudWatchMetrics ?? []).filter((d) => d.Namespace === namespace);
    if (directives.length === 0) return false;
    const firm = typeof line.firmId === 'string' ? line.firmId : undefined;
    const firmTotals = firm ? (byFirm.get(firm) ?? byFirm.set(firm, empty()).get(firm)!) : undefined;
    for (const directive of directives) {
      const dimensions = (directive.Dimensions?.[0] ?? []).filter((d) => d !== 'service');
      for (const { Name } of directive.Metrics ?? []) {
        const raw = line[Name];
        const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is number => typeof v === 'number');
        const keys = [Name, ...(dimensions.length ? [`${Name}{${dimensions.map((d) => `${d}=${String(line[d])}`).join(',')}}`] : [])];
        for (const key of keys) {
          add(all, key, values);
          if (firmTotals) add(firmTotals, key, values);
        }
      }
    }
    return true;
  }

  const stdout = process.stdout;
  const write = stdout.write;
  stdout.write = function (this: typeof stdout, chunk: unknown, ...rest: unknown[]): boolean {
    // Powertools writes each flush whole, in one call (its own Console on process.stdout).
    if (typeof chunk === 'string' && chunk.startsWith(EMF_PREFIX) && take(chunk) && !options.echo) {
      const callback = rest.find((r): r is (error: Error | null) => void => typeof r === 'function');
      if (callback) process.nextTick(() => callback(null));
      return true;
    }
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof stdout.write;

  const copy = (t: MetricTotals): MetricTotals => ({ sums: { ...t.sums }, samples: { ...t.samples } });
  return {
    totals: () => copy(all),
    ofFirm: (firmId) => copy(byFirm.get(firmId) ?? empty()),
    reset: () => {
      all = empty();
      byFirm = new Map();
    },
    stop: () => {
      stdout.write = write;
    },
  };
}
