import type { FieldError } from '../../shared/errors.ts';
import type { RateLabelType } from './schemas.ts';

/**
 * The rate hierarchy, as a pure function of what it needs. Which label an
 * entry uses, first to last: the entry's own, the matter's, the quick code's
 * for the timekeeper's role, the timekeeper's default, the system role's
 * default, else the first active label alphabetically. The value of an hourly
 * label, first to last: the matter's override (when custom rates are on), the
 * primary client's override, the timekeeper's own value, the base value.
 * Custom labels take the entry's `rateValue`, fixed labels its `amount`.
 */

export interface LabelFacts {
  id: string;
  name: string;
  type: RateLabelType;
  baseValue?: string | undefined;
  active: boolean;
  timekeeperValues: readonly { userId: string; value: string }[];
  /** Set on a deleted label: it now stands for this one. */
  mergedInto?: string | undefined;
}

export interface Override {
  rateLabelId: string;
  value: string;
}

export interface RateContext {
  /** Every label of the firm, deleted (merged) ones included, by id. */
  labels: ReadonlyMap<string, LabelFacts>;
  matter: { rateLabelId?: string | undefined; customRatesEnabled: boolean; rateOverrides: readonly Override[] };
  primaryClient?: { rateOverrides: readonly Override[] } | undefined;
  timekeeper: { id: string; systemRoleId?: string | undefined; defaultRateLabelId?: string | undefined; customRates: readonly Override[] };
  systemRole?: { defaultRateLabelId?: string | undefined } | undefined;
  quickCode?: { rateLabelByRole: Readonly<Record<string, string>> } | undefined;
}

export interface EntryRateInput {
  rateLabelId?: string | undefined;
  rateValue?: string | undefined;
  amount?: string | undefined;
}

export type LabelSource = 'entry' | 'matter' | 'quick_code' | 'timekeeper' | 'system_role' | 'default';
export type ValueSource = 'matter_override' | 'client_override' | 'timekeeper_override' | 'base' | 'entry';

export interface ResolvedRate {
  labelId: string;
  labelName: string;
  type: RateLabelType;
  value: string;
  labelSource: LabelSource;
  valueSource: ValueSource;
}

export type Resolution = { ok: true; rate: ResolvedRate } | { ok: false; errors: FieldError[] };

const MAX_MERGE_HOPS = 16;

/** A label id as it stands today: a merged label stands for the one it was merged into. */
export function currentLabelId(labels: ReadonlyMap<string, LabelFacts>, id: string | undefined): string | undefined {
  let current = id;
  for (let hops = 0; current && hops < MAX_MERGE_HOPS; hops++) {
    const label = labels.get(current);
    if (!label) return undefined;
    if (!label.mergedInto) return current;
    current = label.mergedInto;
  }
  return undefined;
}

function usable(labels: ReadonlyMap<string, LabelFacts>, id: string | undefined): LabelFacts | undefined {
  const current = currentLabelId(labels, id);
  const label = current ? labels.get(current) : undefined;
  return label?.active ? label : undefined;
}

/** The first active label by name (case-insensitive), ties broken by id, so the choice is stable. */
export function defaultLabel(labels: ReadonlyMap<string, LabelFacts>): LabelFacts | undefined {
  let best: LabelFacts | undefined;
  let bestName = '';
  for (const label of labels.values()) {
    if (label.mergedInto || !label.active) continue;
    const name = label.name.toLowerCase();
    if (!best || name < bestName || (name === bestName && label.id < best.id)) {
      best = label;
      bestName = name;
    }
  }
  return best;
}

/**
 * The default label of a label set, computed once per set: it walks every
 * label, and one set serves every entry of a request or a page. Label sets are
 * never changed after they are built (they are read, resolved against, and
 * dropped), so the cached answer cannot go stale.
 */
const defaults = new WeakMap<ReadonlyMap<string, LabelFacts>, { label: LabelFacts | undefined }>();
function cachedDefaultLabel(labels: ReadonlyMap<string, LabelFacts>): LabelFacts | undefined {
  let cached = defaults.get(labels);
  if (!cached) {
    cached = { label: defaultLabel(labels) };
    defaults.set(labels, cached);
  }
  return cached.label;
}

function chooseLabel(input: EntryRateInput, ctx: RateContext): { label: LabelFacts; source: LabelSource } | FieldError {
  if (input.rateLabelId !== undefined) {
    const id = currentLabelId(ctx.labels, input.rateLabelId);
    const label = id ? ctx.labels.get(id) : undefined;
    if (!label) return { path: 'rateLabelId', message: 'is not a rate label of this firm' };
    if (!label.active) return { path: 'rateLabelId', message: `"${label.name}" is not active` };
    return { label, source: 'entry' };
  }
  // Checked in order without building a list of candidates: this runs for every entry of an export page.
  const { labels } = ctx;
  const role = ctx.timekeeper.systemRoleId;
  let label = usable(labels, ctx.matter.rateLabelId);
  if (label) return { label, source: 'matter' };
  label = usable(labels, role ? ctx.quickCode?.rateLabelByRole[role] : undefined);
  if (label) return { label, source: 'quick_code' };
  label = usable(labels, ctx.timekeeper.defaultRateLabelId);
  if (label) return { label, source: 'timekeeper' };
  label = usable(labels, ctx.systemRole?.defaultRateLabelId);
  if (label) return { label, source: 'system_role' };
  const fallback = cachedDefaultLabel(labels);
  if (fallback) return { label: fallback, source: 'default' };
  return { path: 'rateLabelId', message: 'no active rate label exists in this firm; create one first' };
}

/**
 * A record's override for a label: its own for that label, else the first it
 * has for a label merged into it, so a record not yet repointed after a merge
 * prices as it will once repointed (`merge.ts`: its own override wins).
 */
function overrideFor(labels: ReadonlyMap<string, LabelFacts>, overrides: readonly Override[] | undefined, labelId: string): string | undefined {
  if (!overrides?.length) return undefined;
  return (overrides.find((o) => o.rateLabelId === labelId) ?? overrides.find((o) => currentLabelId(labels, o.rateLabelId) === labelId))?.value;
}

function hourlyValue(label: LabelFacts, ctx: RateContext): { value: string; source: ValueSource } {
  const { labels } = ctx;
  const matter = ctx.matter.customRatesEnabled ? overrideFor(labels, ctx.matter.rateOverrides, label.id) : undefined;
  if (matter !== undefined) return { value: matter, source: 'matter_override' };
  const client = overrideFor(labels, ctx.primaryClient?.rateOverrides, label.id);
  if (client !== undefined) return { value: client, source: 'client_override' };
  const own =
    overrideFor(labels, ctx.timekeeper.customRates, label.id) ??
    label.timekeeperValues.find((v) => v.userId === ctx.timekeeper.id)?.value;
  if (own !== undefined) return { value: own, source: 'timekeeper_override' };
  return { value: label.baseValue ?? '0.00', source: 'base' };
}

/** Resolves an entry's rate, or says which fields make that impossible. */
export function resolveRate(input: EntryRateInput, ctx: RateContext): Resolution {
  const chosen = chooseLabel(input, ctx);
  if ('path' in chosen) return { ok: false, errors: [chosen] };
  const { label, source } = chosen;
  const errors: FieldError[] = [];
  if (label.type !== 'custom' && input.rateValue !== undefined) {
    errors.push({ path: 'rateValue', message: `is only for custom labels; "${label.name}" is ${label.type}` });
  }
  if (label.type !== 'fixed' && input.amount !== undefined) {
    errors.push({ path: 'amount', message: `is only for fixed labels; "${label.name}" is ${label.type}` });
  }
  if (label.type === 'custom' && input.rateValue === undefined) {
    errors.push({ path: 'rateValue', message: `is required: "${label.name}" is a custom label` });
  }
  if (label.type === 'fixed' && input.amount === undefined) {
    errors.push({ path: 'amount', message: `is required: "${label.name}" is a fixed label` });
  }
  if (errors.length) return { ok: false, errors };
  // Built as one literal, not spread from a shared base: V8 spreads an object through its slow path
  // (~1 µs each), which was most of a resolution's cost.
  if (label.type === 'hourly') {
    const { value, source: valueSource } = hourlyValue(label, ctx);
    return { ok: true, rate: { labelId: label.id, labelName: label.name, type: label.type, value, labelSource: source, valueSource } };
  }
  const value = label.type === 'custom' ? input.rateValue! : input.amount!;
  return { ok: true, rate: { labelId: label.id, labelName: label.name, type: label.type, value, labelSource: source, valueSource: 'entry' } };
}
