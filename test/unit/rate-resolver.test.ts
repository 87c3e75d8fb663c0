import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  currentLabelId,
  defaultLabel,
  resolveRate,
  type EntryRateInput,
  type LabelFacts,
  type LabelSource,
  type Override,
  type RateContext,
  type Resolution,
  type ResolvedRate,
  type ValueSource,
} from '../../lib/practice/rates/resolver.ts';
import type { RateLabelType } from '../../lib/practice/rates/schemas.ts';

/*
 * The rate hierarchy of "Time entries (practice)" in the contract. Labels, first
 * to last: entry, matter, quick code (for the timekeeper's role), timekeeper,
 * system role, default (first active label by case-insensitive name, ties by id).
 * Values of hourly labels, first to last: matter override (only with
 * customRatesEnabled), primary client override, timekeeper's own value
 * (customRates, then the label's timekeeperValues), base value.
 */

// ---------------------------------------------------------------------------
// Factories
// ---------------------------------------------------------------------------

function hourly(id: string, name: string, baseValue: string, more: Partial<LabelFacts> = {}): LabelFacts {
  return { id, name, type: 'hourly', baseValue, active: true, timekeeperValues: [], ...more };
}
function fixed(id: string, name: string, more: Partial<LabelFacts> = {}): LabelFacts {
  return { id, name, type: 'fixed', active: true, timekeeperValues: [], ...more };
}
function custom(id: string, name: string, more: Partial<LabelFacts> = {}): LabelFacts {
  return { id, name, type: 'custom', active: true, timekeeperValues: [], ...more };
}
/** A deleted label: inactive and standing for `into`. */
function merged(id: string, into: string, more: Partial<LabelFacts> = {}): LabelFacts {
  return hourly(id, `Deleted ${id}`, '1.00', { active: false, mergedInto: into, ...more });
}
const ov = (rateLabelId: string, value: string): Override => ({ rateLabelId, value });
const labelMap = (labels: readonly LabelFacts[]): Map<string, LabelFacts> => new Map(labels.map((l) => [l.id, l]));

const PARTNER = hourly('lbl-partner', 'Partner', '400.00', {
  timekeeperValues: [
    { userId: 'tk-1', value: '380.00' },
    { userId: 'tk-2', value: '390.00' },
  ],
});
const ASSOCIATE = hourly('lbl-associate', 'Associate', '250.00'); // the default of FIRM
const PARALEGAL = hourly('lbl-paralegal', 'Paralegal', '120.00');
const SENIOR = hourly('lbl-senior', 'Senior partner', '500.00');
const JUNIOR = hourly('lbl-junior', 'Junior', '180.00');
const RETIRED = hourly('lbl-retired', 'Retired', '90.00', { active: false });
const FLAT = fixed('lbl-flat', 'Flat fee');
const CUSTOM = custom('lbl-custom', 'Custom rate');
const OLD_PARTNER = merged('lbl-old-partner', 'lbl-partner');
const OLDER_PARTNER = merged('lbl-older-partner', 'lbl-old-partner'); // two hops to Partner
const ACTIVE_ALIAS = merged('lbl-active-alias', 'lbl-paralegal', { active: true }); // deleted but flagged active
const TO_RETIRED = merged('lbl-to-retired', 'lbl-retired');
const TO_GHOST = merged('lbl-to-ghost', 'lbl-ghost');
const CYCLE_A = merged('lbl-cycle-a', 'lbl-cycle-b');
const CYCLE_B = merged('lbl-cycle-b', 'lbl-cycle-a');
const OLD_FLAT = merged('lbl-old-flat', 'lbl-flat');
const OLD_CUSTOM = merged('lbl-old-custom', 'lbl-custom');

const FIRM: readonly LabelFacts[] = [
  PARTNER, ASSOCIATE, PARALEGAL, SENIOR, JUNIOR, RETIRED, FLAT, CUSTOM,
  OLD_PARTNER, OLDER_PARTNER, ACTIVE_ALIAS, TO_RETIRED, TO_GHOST, CYCLE_A, CYCLE_B, OLD_FLAT, OLD_CUSTOM,
];

/** A flat description of a rate context; everything left out is absent. */
interface Setup {
  labels?: readonly LabelFacts[];
  matterLabel?: string;
  customRatesEnabled?: boolean;
  matterRates?: Override[];
  /** Overrides of the primary client; leave out for a matter without one. */
  clientRates?: Override[];
  timekeeper?: string;
  /** The timekeeper's system role; `null` for none. */
  role?: string | null;
  timekeeperLabel?: string;
  timekeeperRates?: Override[];
  /** The system role's default label. */
  roleLabel?: string;
  /** quickCode.rateLabelByRole; leave out for an entry without a quick code. */
  quickCode?: Record<string, string>;
}

function context(s: Setup = {}): RateContext {
  const role = s.role === null ? undefined : (s.role ?? 'role-partner');
  return {
    labels: labelMap(s.labels ?? FIRM),
    matter: { rateLabelId: s.matterLabel, customRatesEnabled: s.customRatesEnabled ?? true, rateOverrides: s.matterRates ?? [] },
    primaryClient: s.clientRates ? { rateOverrides: s.clientRates } : undefined,
    timekeeper: { id: s.timekeeper ?? 'tk-1', systemRoleId: role, defaultRateLabelId: s.timekeeperLabel, customRates: s.timekeeperRates ?? [] },
    systemRole: s.roleLabel !== undefined ? { defaultRateLabelId: s.roleLabel } : role ? {} : undefined,
    quickCode: s.quickCode ? { rateLabelByRole: s.quickCode } : undefined,
  };
}

function rateOf(res: Resolution): ResolvedRate {
  if (!res.ok) throw new Error(`expected a rate, got errors ${JSON.stringify(res.errors)}`);
  return res.rate;
}
function errorPaths(res: Resolution): string[] {
  if (res.ok) throw new Error(`expected errors, got rate ${JSON.stringify(res.rate)}`);
  for (const e of res.errors) expect(e.message).toMatch(/\S/);
  return res.errors.map((e) => e.path).sort();
}

// ---------------------------------------------------------------------------
// Which label
// ---------------------------------------------------------------------------

interface LabelCase {
  name: string;
  input?: EntryRateInput;
  setup: Setup;
  labelId: string;
  labelSource: LabelSource;
}

const everyLevel: Setup = {
  matterLabel: 'lbl-senior',
  quickCode: { 'role-partner': 'lbl-paralegal' },
  timekeeperLabel: 'lbl-junior',
  roleLabel: 'lbl-partner',
};

const labelCases: LabelCase[] = [
  // each level on its own
  { name: 'nothing set → first active label alphabetically', setup: {}, labelId: 'lbl-associate', labelSource: 'default' },
  { name: 'system role default only', setup: { roleLabel: 'lbl-paralegal' }, labelId: 'lbl-paralegal', labelSource: 'system_role' },
  { name: 'timekeeper default only', setup: { timekeeperLabel: 'lbl-junior' }, labelId: 'lbl-junior', labelSource: 'timekeeper' },
  { name: 'quick code for the role only', setup: { quickCode: { 'role-partner': 'lbl-senior' } }, labelId: 'lbl-senior', labelSource: 'quick_code' },
  { name: 'matter label only', setup: { matterLabel: 'lbl-senior' }, labelId: 'lbl-senior', labelSource: 'matter' },
  { name: 'entry label only', input: { rateLabelId: 'lbl-junior' }, setup: {}, labelId: 'lbl-junior', labelSource: 'entry' },

  // precedence between neighbouring levels
  { name: 'entry beats matter', input: { rateLabelId: 'lbl-junior' }, setup: { matterLabel: 'lbl-senior' }, labelId: 'lbl-junior', labelSource: 'entry' },
  { name: 'matter beats quick code', setup: { matterLabel: 'lbl-senior', quickCode: { 'role-partner': 'lbl-paralegal' } }, labelId: 'lbl-senior', labelSource: 'matter' },
  { name: 'quick code beats timekeeper', setup: { quickCode: { 'role-partner': 'lbl-paralegal' }, timekeeperLabel: 'lbl-junior' }, labelId: 'lbl-paralegal', labelSource: 'quick_code' },
  { name: 'timekeeper beats system role', setup: { timekeeperLabel: 'lbl-junior', roleLabel: 'lbl-paralegal' }, labelId: 'lbl-junior', labelSource: 'timekeeper' },
  { name: 'system role beats default', setup: { roleLabel: 'lbl-senior' }, labelId: 'lbl-senior', labelSource: 'system_role' },

  // precedence with every level set
  { name: 'every level set: entry wins', input: { rateLabelId: 'lbl-associate' }, setup: everyLevel, labelId: 'lbl-associate', labelSource: 'entry' },
  { name: 'every level but entry: matter wins', setup: everyLevel, labelId: 'lbl-senior', labelSource: 'matter' },
  { name: 'entry equal to the matter label is still from the entry', input: { rateLabelId: 'lbl-senior' }, setup: everyLevel, labelId: 'lbl-senior', labelSource: 'entry' },

  // the quick code only counts for the timekeeper's own role
  { name: 'quick code for another role only → skipped', setup: { quickCode: { 'role-associate': 'lbl-senior' }, timekeeperLabel: 'lbl-junior' }, labelId: 'lbl-junior', labelSource: 'timekeeper' },
  {
    name: 'quick code picks the entry for the timekeeper role among several',
    setup: { role: 'role-associate', quickCode: { 'role-partner': 'lbl-senior', 'role-associate': 'lbl-paralegal' } },
    labelId: 'lbl-paralegal',
    labelSource: 'quick_code',
  },
  { name: 'timekeeper without a role → quick code skipped', setup: { role: null, quickCode: { 'role-partner': 'lbl-senior' }, timekeeperLabel: 'lbl-junior' }, labelId: 'lbl-junior', labelSource: 'timekeeper' },
  { name: 'empty quick code → skipped', setup: { quickCode: {}, roleLabel: 'lbl-paralegal' }, labelId: 'lbl-paralegal', labelSource: 'system_role' },
  { name: 'a role named like an Object.prototype member does not match anything', setup: { role: 'toString', quickCode: {}, roleLabel: 'lbl-paralegal' }, labelId: 'lbl-paralegal', labelSource: 'system_role' },
  { name: 'role "__proto__" without a mapping → skipped', setup: { role: '__proto__', quickCode: { 'role-partner': 'lbl-senior' } }, labelId: 'lbl-associate', labelSource: 'default' },

  // inherited levels with a missing or inactive label are skipped
  { name: 'inactive matter label falls through to the quick code', setup: { matterLabel: 'lbl-retired', quickCode: { 'role-partner': 'lbl-paralegal' } }, labelId: 'lbl-paralegal', labelSource: 'quick_code' },
  { name: 'missing matter label falls through to the quick code', setup: { matterLabel: 'lbl-ghost', quickCode: { 'role-partner': 'lbl-paralegal' } }, labelId: 'lbl-paralegal', labelSource: 'quick_code' },
  { name: 'empty matter label id falls through', setup: { matterLabel: '', timekeeperLabel: 'lbl-junior' }, labelId: 'lbl-junior', labelSource: 'timekeeper' },
  { name: 'inactive quick code label falls through to the timekeeper', setup: { quickCode: { 'role-partner': 'lbl-retired' }, timekeeperLabel: 'lbl-junior' }, labelId: 'lbl-junior', labelSource: 'timekeeper' },
  { name: 'missing quick code label falls through to the timekeeper', setup: { quickCode: { 'role-partner': 'lbl-ghost' }, timekeeperLabel: 'lbl-junior' }, labelId: 'lbl-junior', labelSource: 'timekeeper' },
  { name: 'inactive timekeeper label falls through to the system role', setup: { timekeeperLabel: 'lbl-retired', roleLabel: 'lbl-paralegal' }, labelId: 'lbl-paralegal', labelSource: 'system_role' },
  { name: 'missing timekeeper label falls through to the system role', setup: { timekeeperLabel: 'lbl-ghost', roleLabel: 'lbl-paralegal' }, labelId: 'lbl-paralegal', labelSource: 'system_role' },
  { name: 'inactive system role label falls through to the default', setup: { roleLabel: 'lbl-retired' }, labelId: 'lbl-associate', labelSource: 'default' },
  { name: 'missing system role label falls through to the default', setup: { roleLabel: 'lbl-ghost' }, labelId: 'lbl-associate', labelSource: 'default' },
  {
    name: 'every inherited level inactive or missing → default',
    setup: { matterLabel: 'lbl-retired', quickCode: { 'role-partner': 'lbl-ghost' }, timekeeperLabel: 'lbl-to-retired', roleLabel: 'lbl-cycle-a' },
    labelId: 'lbl-associate',
    labelSource: 'default',
  },
  {
    name: 'skips several dead levels to the first live one',
    setup: { matterLabel: 'lbl-retired', quickCode: { 'role-partner': 'lbl-ghost' }, timekeeperLabel: 'lbl-to-ghost', roleLabel: 'lbl-junior' },
    labelId: 'lbl-junior',
    labelSource: 'system_role',
  },

  // merged labels are followed at every level
  { name: 'entry label merged → the label it was merged into', input: { rateLabelId: 'lbl-old-partner' }, setup: {}, labelId: 'lbl-partner', labelSource: 'entry' },
  { name: 'entry label merged twice → followed to the end', input: { rateLabelId: 'lbl-older-partner' }, setup: {}, labelId: 'lbl-partner', labelSource: 'entry' },
  { name: 'matter label merged', setup: { matterLabel: 'lbl-old-partner' }, labelId: 'lbl-partner', labelSource: 'matter' },
  { name: 'matter label merged twice', setup: { matterLabel: 'lbl-older-partner' }, labelId: 'lbl-partner', labelSource: 'matter' },
  { name: 'quick code label merged', setup: { quickCode: { 'role-partner': 'lbl-old-partner' } }, labelId: 'lbl-partner', labelSource: 'quick_code' },
  { name: 'timekeeper label merged', setup: { timekeeperLabel: 'lbl-older-partner' }, labelId: 'lbl-partner', labelSource: 'timekeeper' },
  { name: 'system role label merged', setup: { roleLabel: 'lbl-old-partner' }, labelId: 'lbl-partner', labelSource: 'system_role' },
  { name: 'a merged label flagged active still stands for its target', setup: { matterLabel: 'lbl-active-alias' }, labelId: 'lbl-paralegal', labelSource: 'matter' },
  { name: 'matter label merged into an inactive label → skipped', setup: { matterLabel: 'lbl-to-retired', timekeeperLabel: 'lbl-junior' }, labelId: 'lbl-junior', labelSource: 'timekeeper' },
  { name: 'matter label merged into a missing label → skipped', setup: { matterLabel: 'lbl-to-ghost', timekeeperLabel: 'lbl-junior' }, labelId: 'lbl-junior', labelSource: 'timekeeper' },
  { name: 'matter label in a merge cycle → skipped', setup: { matterLabel: 'lbl-cycle-a', timekeeperLabel: 'lbl-junior' }, labelId: 'lbl-junior', labelSource: 'timekeeper' },
  { name: 'quick code label merged into an inactive label → skipped', setup: { quickCode: { 'role-partner': 'lbl-to-retired' }, roleLabel: 'lbl-junior' }, labelId: 'lbl-junior', labelSource: 'system_role' },
  {
    name: 'long merge chain (10 hops) is followed',
    setup: {
      labels: [PARTNER, ASSOCIATE, ...Array.from({ length: 10 }, (_, i) => merged(`hop-${i}`, i === 9 ? 'lbl-partner' : `hop-${i + 1}`))],
      matterLabel: 'hop-0',
    },
    labelId: 'lbl-partner',
    labelSource: 'matter',
  },

  // the label's type does not matter for choosing it
  { name: 'fixed matter label is chosen like any other', input: { amount: '500.00' }, setup: { matterLabel: 'lbl-flat' }, labelId: 'lbl-flat', labelSource: 'matter' },
  { name: 'custom quick code label is chosen like any other', input: { rateValue: '75.00' }, setup: { quickCode: { 'role-partner': 'lbl-custom' } }, labelId: 'lbl-custom', labelSource: 'quick_code' },
  { name: 'merged fixed entry label', input: { rateLabelId: 'lbl-old-flat', amount: '10.00' }, setup: {}, labelId: 'lbl-flat', labelSource: 'entry' },
];

describe('resolveRate: which label', () => {
  it.each(labelCases)('$name', ({ input, setup, labelId, labelSource }) => {
    const ctx = context(setup);
    const rate = rateOf(resolveRate(input ?? {}, ctx));
    const label = ctx.labels.get(labelId)!;
    expect(rate).toMatchObject({ labelId, labelSource, labelName: label.name, type: label.type });
  });
});

// ---------------------------------------------------------------------------
// The default label
// ---------------------------------------------------------------------------

interface DefaultCase {
  name: string;
  labels: LabelFacts[];
  expected: string | undefined;
}

const defaultCases: DefaultCase[] = [
  { name: 'alphabetical by name, not by id or insertion order', labels: [hourly('a', 'Zeta', '1.00'), hourly('b', 'Beta', '1.00'), hourly('c', 'Mu', '1.00')], expected: 'b' },
  { name: 'case-insensitive: "alpha" before "Zeta" (code order would say Z < a)', labels: [hourly('z', 'Zeta', '1.00'), hourly('y', 'alpha', '1.00')], expected: 'y' },
  { name: 'case-insensitive: "beta" after "ALPHA"', labels: [hourly('1', 'beta', '1.00'), hourly('2', 'ALPHA', '1.00')], expected: '2' },
  { name: 'names equal ignoring case → smallest id', labels: [hourly('lbl-b', 'Partner', '1.00'), hourly('lbl-a', 'partner', '1.00')], expected: 'lbl-a' },
  { name: 'tie by id does not depend on insertion order', labels: [hourly('lbl-a', 'partner', '1.00'), hourly('lbl-b', 'PARTNER', '1.00')], expected: 'lbl-a' },
  { name: 'three-way tie → smallest id', labels: [hourly('m', 'X', '1.00'), hourly('c', 'x', '1.00'), hourly('k', 'X', '1.00')], expected: 'c' },
  { name: 'prefix sorts first', labels: [hourly('1', 'Partner senior', '1.00'), hourly('2', 'Partner', '1.00')], expected: '2' },
  { name: 'ignores inactive labels', labels: [hourly('a', 'Aardvark', '1.00', { active: false }), hourly('b', 'Beta', '1.00')], expected: 'b' },
  { name: 'ignores merged labels, even flagged active', labels: [merged('a', 'b', { name: 'Aardvark', active: true }), hourly('b', 'Beta', '1.00'), hourly('c', 'Alpha', '1.00', { active: false })], expected: 'b' },
  { name: 'fixed and custom labels count too', labels: [hourly('h', 'Hourly', '1.00'), fixed('f', 'Fixed'), custom('c', 'custom')], expected: 'c' },
  { name: 'no labels → none', labels: [], expected: undefined },
  { name: 'only inactive and merged labels → none', labels: [hourly('a', 'A', '1.00', { active: false }), merged('b', 'a')], expected: undefined },
];

describe('defaultLabel', () => {
  it.each(defaultCases)('$name', ({ labels, expected }) => {
    expect(defaultLabel(labelMap(labels))?.id).toBe(expected);
    expect(defaultLabel(labelMap([...labels].reverse()))?.id).toBe(expected);
  });

  it.each(defaultCases.filter((c) => c.expected !== undefined && c.labels.find((l) => l.id === c.expected)!.type === 'hourly'))(
    'resolveRate falls back to it: $name',
    ({ labels, expected }) => {
      const rate = rateOf(resolveRate({}, context({ labels })));
      expect(rate).toMatchObject({ labelId: expected, labelSource: 'default' });
    },
  );

  it('a fixed default label needs the entry amount', () => {
    const ctx = context({ labels: [fixed('f', 'Aaa fixed'), hourly('h', 'Hourly', '100.00')] });
    expect(errorPaths(resolveRate({}, ctx))).toEqual(['amount']);
    expect(rateOf(resolveRate({ amount: '250.00' }, ctx))).toEqual({
      labelId: 'f', labelName: 'Aaa fixed', type: 'fixed', value: '250.00', labelSource: 'default', valueSource: 'entry',
    });
  });
});

describe('currentLabelId', () => {
  const labels = labelMap(FIRM);
  it.each([
    ['a live label stands for itself', 'lbl-partner', 'lbl-partner'],
    ['an inactive label stands for itself', 'lbl-retired', 'lbl-retired'],
    ['one merge', 'lbl-old-partner', 'lbl-partner'],
    ['two merges', 'lbl-older-partner', 'lbl-partner'],
    ['merged into an inactive label', 'lbl-to-retired', 'lbl-retired'],
    ['merged into a missing label', 'lbl-to-ghost', undefined],
    ['a merge cycle', 'lbl-cycle-a', undefined],
    ['a missing label', 'lbl-ghost', undefined],
    ['no id', undefined, undefined],
    ['empty id', '', undefined],
  ] as const)('%s', (_name, id, expected) => {
    expect(currentLabelId(labels, id)).toBe(expected);
  });

  it('a self-merge is a cycle', () => {
    expect(currentLabelId(labelMap([merged('x', 'x')]), 'x')).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------
// Which value
// ---------------------------------------------------------------------------

interface ValueCase {
  name: string;
  input?: EntryRateInput;
  setup: Setup;
  value: string;
  valueSource: ValueSource;
}

const partnerEntry: EntryRateInput = { rateLabelId: 'lbl-partner' };

const valueCases: ValueCase[] = [
  // each level
  { name: 'base value when nothing else applies', setup: { timekeeper: 'tk-9' }, value: '400.00', valueSource: 'base' },
  { name: "label's timekeeperValues for this timekeeper", setup: {}, value: '380.00', valueSource: 'timekeeper_override' },
  { name: "label's timekeeperValues picks this timekeeper among several", setup: { timekeeper: 'tk-2' }, value: '390.00', valueSource: 'timekeeper_override' },
  { name: "timekeeper's customRates", setup: { timekeeper: 'tk-9', timekeeperRates: [ov('lbl-partner', '410.00')] }, value: '410.00', valueSource: 'timekeeper_override' },
  { name: 'primary client override', setup: { timekeeper: 'tk-9', clientRates: [ov('lbl-partner', '350.00')] }, value: '350.00', valueSource: 'client_override' },
  { name: 'matter override', setup: { timekeeper: 'tk-9', matterRates: [ov('lbl-partner', '300.00')] }, value: '300.00', valueSource: 'matter_override' },

  // precedence
  { name: 'customRates beats label.timekeeperValues', setup: { timekeeperRates: [ov('lbl-partner', '410.00')] }, value: '410.00', valueSource: 'timekeeper_override' },
  { name: 'timekeeper value beats base', setup: {}, value: '380.00', valueSource: 'timekeeper_override' },
  { name: 'client override beats timekeeper value', setup: { clientRates: [ov('lbl-partner', '350.00')], timekeeperRates: [ov('lbl-partner', '410.00')] }, value: '350.00', valueSource: 'client_override' },
  { name: 'client override beats label.timekeeperValues', setup: { clientRates: [ov('lbl-partner', '350.00')] }, value: '350.00', valueSource: 'client_override' },
  {
    name: 'matter override beats client override',
    setup: { matterRates: [ov('lbl-partner', '300.00')], clientRates: [ov('lbl-partner', '350.00')], timekeeperRates: [ov('lbl-partner', '410.00')] },
    value: '300.00',
    valueSource: 'matter_override',
  },
  {
    name: 'matter override ignored when customRatesEnabled is false → client',
    setup: { customRatesEnabled: false, matterRates: [ov('lbl-partner', '300.00')], clientRates: [ov('lbl-partner', '350.00')] },
    value: '350.00',
    valueSource: 'client_override',
  },
  { name: 'matter override ignored when disabled, no client → timekeeper', setup: { customRatesEnabled: false, matterRates: [ov('lbl-partner', '300.00')] }, value: '380.00', valueSource: 'timekeeper_override' },
  { name: 'matter override ignored when disabled, nothing else → base', setup: { timekeeper: 'tk-9', customRatesEnabled: false, matterRates: [ov('lbl-partner', '300.00')] }, value: '400.00', valueSource: 'base' },
  { name: 'a zero override still counts', setup: { matterRates: [ov('lbl-partner', '0.00')], clientRates: [ov('lbl-partner', '350.00')] }, value: '0.00', valueSource: 'matter_override' },

  // overrides for other labels or timekeepers do not apply
  { name: 'overrides for other labels are ignored', setup: { timekeeper: 'tk-9', matterRates: [ov('lbl-senior', '1.00')], clientRates: [ov('lbl-junior', '2.00')], timekeeperRates: [ov('lbl-associate', '3.00')] }, value: '400.00', valueSource: 'base' },
  { name: 'timekeeperValues of other timekeepers are ignored', setup: { timekeeper: 'tk-3' }, value: '400.00', valueSource: 'base' },
  { name: 'the matching override is found among several', setup: { matterRates: [ov('lbl-senior', '1.00'), ov('lbl-partner', '299.00'), ov('lbl-junior', '2.00')] }, value: '299.00', valueSource: 'matter_override' },
  { name: 'an override for an inactive label does not apply', setup: { timekeeper: 'tk-9', matterRates: [ov('lbl-retired', '1.00')] }, value: '400.00', valueSource: 'base' },
  { name: 'an override for a missing label does not apply', setup: { timekeeper: 'tk-9', clientRates: [ov('lbl-ghost', '1.00')] }, value: '400.00', valueSource: 'base' },
  { name: 'an override for a merge cycle does not apply', setup: { timekeeper: 'tk-9', timekeeperRates: [ov('lbl-cycle-a', '1.00')] }, value: '400.00', valueSource: 'base' },

  // overrides naming a merged label stand for the label it was merged into
  { name: 'matter override on a merged label', setup: { matterRates: [ov('lbl-old-partner', '301.00')] }, value: '301.00', valueSource: 'matter_override' },
  { name: 'matter override on a twice-merged label', setup: { matterRates: [ov('lbl-older-partner', '302.00')] }, value: '302.00', valueSource: 'matter_override' },
  { name: 'client override on a merged label', setup: { clientRates: [ov('lbl-old-partner', '351.00')] }, value: '351.00', valueSource: 'client_override' },
  { name: 'customRates on a merged label beats label.timekeeperValues', setup: { timekeeperRates: [ov('lbl-older-partner', '411.00')] }, value: '411.00', valueSource: 'timekeeper_override' },
  { name: 'merged matter override ignored when customRatesEnabled is false', setup: { customRatesEnabled: false, matterRates: [ov('lbl-old-partner', '301.00')] }, value: '380.00', valueSource: 'timekeeper_override' },
  { name: 'override for a label merged elsewhere does not apply', setup: { timekeeper: 'tk-9', matterRates: [ov('lbl-active-alias', '1.00')] }, value: '400.00', valueSource: 'base' },
  {
    name: 'entry on a merged label gets the overrides of its target',
    input: { rateLabelId: 'lbl-old-partner' },
    setup: { clientRates: [ov('lbl-partner', '352.00')] },
    value: '352.00',
    valueSource: 'client_override',
  },
  {
    name: 'entry on a merged label, override on another alias of the same target',
    input: { rateLabelId: 'lbl-older-partner' },
    setup: { matterRates: [ov('lbl-old-partner', '303.00')] },
    value: '303.00',
    valueSource: 'matter_override',
  },
  {
    name: "a record's own override for the label beats one for an alias listed before it (as once repointed)",
    setup: { matterRates: [ov('lbl-old-partner', '305.00'), ov('lbl-partner', '306.00')] },
    value: '306.00',
    valueSource: 'matter_override',
  },
  {
    name: 'of two aliases of the label, the first listed counts (as once repointed)',
    setup: { clientRates: [ov('lbl-older-partner', '307.00'), ov('lbl-old-partner', '308.00')] },
    value: '307.00',
    valueSource: 'client_override',
  },

  // the value does not depend on where the label came from
  { name: 'matter override applies to a label from the quick code', input: {}, setup: { quickCode: { 'role-partner': 'lbl-partner' }, matterRates: [ov('lbl-partner', '304.00')] }, value: '304.00', valueSource: 'matter_override' },
  { name: 'client override applies to a default label', input: {}, setup: { clientRates: [ov('lbl-associate', '240.00')] }, value: '240.00', valueSource: 'client_override' },
  { name: 'timekeeper value applies to a system role label', input: {}, setup: { roleLabel: 'lbl-old-partner' }, value: '380.00', valueSource: 'timekeeper_override' },
];

describe('resolveRate: which value (hourly)', () => {
  it.each(valueCases)('$name', ({ input, setup, value, valueSource }) => {
    const rate = rateOf(resolveRate(input ?? partnerEntry, context(setup)));
    expect(rate.type).toBe('hourly');
    expect(rate).toMatchObject({ value, valueSource });
  });
});

/** Every override there is, for the given label, to check custom and fixed labels take none. */
function allOverrides(labelId: string): Setup {
  return {
    matterRates: [ov(labelId, '1.11')],
    clientRates: [ov(labelId, '2.22')],
    timekeeperRates: [ov(labelId, '3.33')],
  };
}

interface EntryValueCase {
  name: string;
  input: EntryRateInput;
  setup: Setup;
  expected: ResolvedRate;
}

const entryValueCases: EntryValueCase[] = [
  {
    name: 'custom entry label takes rateValue',
    input: { rateLabelId: 'lbl-custom', rateValue: '75.50' },
    setup: {},
    expected: { labelId: 'lbl-custom', labelName: 'Custom rate', type: 'custom', value: '75.50', labelSource: 'entry', valueSource: 'entry' },
  },
  {
    name: 'custom label ignores matter, client and timekeeper overrides',
    input: { rateLabelId: 'lbl-custom', rateValue: '75.50' },
    setup: allOverrides('lbl-custom'),
    expected: { labelId: 'lbl-custom', labelName: 'Custom rate', type: 'custom', value: '75.50', labelSource: 'entry', valueSource: 'entry' },
  },
  {
    name: 'custom label inherited from the matter takes rateValue',
    input: { rateValue: '0.00' },
    setup: { matterLabel: 'lbl-old-custom', ...allOverrides('lbl-custom') },
    expected: { labelId: 'lbl-custom', labelName: 'Custom rate', type: 'custom', value: '0.00', labelSource: 'matter', valueSource: 'entry' },
  },
  {
    name: 'fixed entry label takes amount',
    input: { rateLabelId: 'lbl-flat', amount: '1500.00' },
    setup: {},
    expected: { labelId: 'lbl-flat', labelName: 'Flat fee', type: 'fixed', value: '1500.00', labelSource: 'entry', valueSource: 'entry' },
  },
  {
    name: 'fixed label ignores matter, client and timekeeper overrides',
    input: { rateLabelId: 'lbl-old-flat', amount: '1500.00' },
    setup: allOverrides('lbl-flat'),
    expected: { labelId: 'lbl-flat', labelName: 'Flat fee', type: 'fixed', value: '1500.00', labelSource: 'entry', valueSource: 'entry' },
  },
  {
    name: 'fixed label from the timekeeper default takes amount',
    input: { amount: '99.99' },
    setup: { timekeeperLabel: 'lbl-flat', ...allOverrides('lbl-flat') },
    expected: { labelId: 'lbl-flat', labelName: 'Flat fee', type: 'fixed', value: '99.99', labelSource: 'timekeeper', valueSource: 'entry' },
  },
  {
    name: 'hourly: the whole resolved rate',
    input: { rateLabelId: 'lbl-older-partner' },
    setup: { customRatesEnabled: false, matterRates: [ov('lbl-partner', '1.00')], clientRates: [ov('lbl-old-partner', '345.67')] },
    expected: { labelId: 'lbl-partner', labelName: 'Partner', type: 'hourly', value: '345.67', labelSource: 'entry', valueSource: 'client_override' },
  },
];

describe('resolveRate: custom and fixed labels', () => {
  it.each(entryValueCases)('$name', ({ input, setup, expected }) => {
    expect(resolveRate(input, context(setup))).toEqual({ ok: true, rate: expected });
  });
});

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

interface ErrorCase {
  name: string;
  input: EntryRateInput;
  setup: Setup;
  paths: string[];
}

const noActive = [RETIRED, merged('m', 'lbl-retired', { active: true, name: 'Aaa' })];

const errorCases: ErrorCase[] = [
  // the entry's own label
  { name: 'entry label missing', input: { rateLabelId: 'lbl-ghost' }, setup: {}, paths: ['rateLabelId'] },
  { name: 'entry label inactive', input: { rateLabelId: 'lbl-retired' }, setup: {}, paths: ['rateLabelId'] },
  { name: 'entry label merged into an inactive label', input: { rateLabelId: 'lbl-to-retired' }, setup: {}, paths: ['rateLabelId'] },
  { name: 'entry label merged into a missing label', input: { rateLabelId: 'lbl-to-ghost' }, setup: {}, paths: ['rateLabelId'] },
  { name: 'entry label in a merge cycle', input: { rateLabelId: 'lbl-cycle-b' }, setup: {}, paths: ['rateLabelId'] },
  { name: 'entry label empty', input: { rateLabelId: '' }, setup: {}, paths: ['rateLabelId'] },
  { name: 'a bad entry label does not fall back to the matter label', input: { rateLabelId: 'lbl-retired' }, setup: everyLevel, paths: ['rateLabelId'] },
  { name: 'a bad entry label is reported before a misplaced rateValue', input: { rateLabelId: 'lbl-ghost', rateValue: '1.00', amount: '1.00' }, setup: {}, paths: ['rateLabelId'] },

  // no active label anywhere
  { name: 'no labels at all', input: {}, setup: { labels: [] }, paths: ['rateLabelId'] },
  { name: 'only inactive and merged labels', input: {}, setup: { labels: noActive }, paths: ['rateLabelId'] },
  { name: 'only inactive labels, every level pointing at them', input: {}, setup: { labels: noActive, matterLabel: 'lbl-retired', timekeeperLabel: 'm', roleLabel: 'lbl-retired', quickCode: { 'role-partner': 'm' } }, paths: ['rateLabelId'] },

  // rateValue and amount only where they belong
  { name: 'rateValue for an hourly label', input: { rateLabelId: 'lbl-partner', rateValue: '1.00' }, setup: {}, paths: ['rateValue'] },
  { name: 'amount for an hourly label', input: { rateLabelId: 'lbl-partner', amount: '1.00' }, setup: {}, paths: ['amount'] },
  { name: 'rateValue and amount for an hourly label', input: { rateLabelId: 'lbl-partner', rateValue: '1.00', amount: '1.00' }, setup: {}, paths: ['amount', 'rateValue'] },
  { name: 'rateValue for an inherited hourly label', input: { rateValue: '1.00' }, setup: { matterLabel: 'lbl-senior' }, paths: ['rateValue'] },
  { name: 'amount for a default hourly label', input: { amount: '1.00' }, setup: {}, paths: ['amount'] },
  { name: 'rateValue for a fixed label (with amount)', input: { rateLabelId: 'lbl-flat', amount: '10.00', rateValue: '1.00' }, setup: {}, paths: ['rateValue'] },
  { name: 'amount for a custom label (with rateValue)', input: { rateLabelId: 'lbl-custom', rateValue: '10.00', amount: '1.00' }, setup: {}, paths: ['amount'] },

  // custom needs rateValue, fixed needs amount
  { name: 'custom label without rateValue', input: { rateLabelId: 'lbl-custom' }, setup: {}, paths: ['rateValue'] },
  { name: 'merged custom label without rateValue', input: { rateLabelId: 'lbl-old-custom' }, setup: {}, paths: ['rateValue'] },
  { name: 'fixed label without amount', input: { rateLabelId: 'lbl-flat' }, setup: {}, paths: ['amount'] },
  { name: 'inherited fixed label without amount (no fall-through on type)', input: {}, setup: { matterLabel: 'lbl-flat', timekeeperLabel: 'lbl-junior' }, paths: ['amount'] },
  { name: 'inherited custom label without rateValue', input: {}, setup: { quickCode: { 'role-partner': 'lbl-custom' } }, paths: ['rateValue'] },
  { name: 'custom label with amount instead of rateValue', input: { rateLabelId: 'lbl-custom', amount: '1.00' }, setup: {}, paths: ['amount', 'rateValue'] },
  { name: 'fixed label with rateValue instead of amount', input: { rateLabelId: 'lbl-flat', rateValue: '1.00' }, setup: {}, paths: ['amount', 'rateValue'] },
];

describe('resolveRate: errors', () => {
  it.each(errorCases)('$name → $paths', ({ input, setup, paths }) => {
    expect(errorPaths(resolveRate(input, context(setup)))).toEqual(paths);
  });
});

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

const RUNS = { numRuns: 200 };
const IDS = ['a', 'b', 'c', 'd', 'e', 'f'] as const;
const REFS = [...IDS, 'ghost'] as const;
const NAMES = ['Alpha', 'alpha', 'ALPHA', 'Beta', 'beta', 'Gamma', 'alpha 2', 'Alpha-1', 'b'] as const;
const SET_LEVELS = ['entry', 'matter', 'quick_code', 'timekeeper', 'system_role'] as const satisfies readonly LabelSource[];
const LEVELS: readonly LabelSource[] = [...SET_LEVELS, 'default'];

const moneyArb = fc.integer({ min: 0, max: 99_999 }).map((c) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`);
const refArb = fc.option(fc.constantFrom(...REFS), { nil: undefined });
const overridesArb = fc.array(fc.record({ rateLabelId: fc.constantFrom(...REFS), value: moneyArb }), { maxLength: 3 });

function labelsArb(types: readonly RateLabelType[]): fc.Arbitrary<Map<string, LabelFacts>> {
  const one = (id: string) =>
    fc.record({
      name: fc.constantFrom(...NAMES),
      type: fc.constantFrom(...types),
      active: fc.boolean(),
      baseValue: moneyArb,
      timekeeperValues: fc.array(fc.record({ userId: fc.constantFrom('tk1', 'tk2'), value: moneyArb }), { maxLength: 2 }),
      mergedInto: fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: fc.constantFrom(...REFS), weight: 1 }),
    }).map((l): LabelFacts => ({ id, ...l }));
  return fc.tuple(...IDS.map((id) => fc.option(one(id), { nil: undefined }))).map((ls) => labelMap(ls.filter((l) => l !== undefined)));
}

function contextArb(types: readonly RateLabelType[] = ['hourly', 'hourly', 'fixed', 'custom']): fc.Arbitrary<RateContext> {
  return fc.record({
    labels: labelsArb(types),
    matter: fc.record({ rateLabelId: refArb, customRatesEnabled: fc.boolean(), rateOverrides: overridesArb }),
    primaryClient: fc.option(fc.record({ rateOverrides: overridesArb }), { nil: undefined }),
    timekeeper: fc.record({
      id: fc.constantFrom('tk1', 'tk2'),
      systemRoleId: fc.option(fc.constantFrom('r1', 'r2'), { nil: undefined }),
      defaultRateLabelId: refArb,
      customRates: overridesArb,
    }),
    systemRole: fc.option(fc.record({ defaultRateLabelId: refArb }), { nil: undefined }),
    quickCode: fc.option(
      fc.record({ r1: refArb, r2: refArb }).map((m) => ({
        rateLabelByRole: Object.fromEntries(Object.entries(m).filter(([, v]) => v !== undefined)) as Record<string, string>,
      })),
      { nil: undefined },
    ),
  });
}

const inputArb: fc.Arbitrary<EntryRateInput> = fc.record({
  rateLabelId: fc.oneof({ arbitrary: fc.constant(undefined), weight: 2 }, { arbitrary: fc.constantFrom(...REFS), weight: 1 }),
  rateValue: fc.option(moneyArb, { nil: undefined }),
  amount: fc.option(moneyArb, { nil: undefined }),
});

// An independent model of the rules, written differently from the implementation
// (a visited set instead of a hop count, a sort instead of a scan).
function modelFollow(labels: ReadonlyMap<string, LabelFacts>, id: string | undefined): LabelFacts | undefined {
  const seen = new Set<string>();
  while (id !== undefined && !seen.has(id)) {
    seen.add(id);
    const label = labels.get(id);
    if (!label || label.mergedInto === undefined) return label;
    id = label.mergedInto;
  }
  return undefined;
}
function modelDefault(labels: ReadonlyMap<string, LabelFacts>): LabelFacts | undefined {
  const key = (l: LabelFacts) => [l.name.toLowerCase(), l.id] as const;
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return [...labels.values()]
    .filter((l) => l.active && l.mergedInto === undefined)
    .sort((l, r) => cmp(key(l)[0], key(r)[0]) || cmp(key(l)[1], key(r)[1]))[0];
}
function levelIds(input: EntryRateInput, ctx: RateContext): [Exclude<LabelSource, 'default'>, string | undefined][] {
  const role = ctx.timekeeper.systemRoleId;
  return [
    ['entry', input.rateLabelId],
    ['matter', ctx.matter.rateLabelId],
    ['quick_code', role === undefined ? undefined : ctx.quickCode?.rateLabelByRole[role]],
    ['timekeeper', ctx.timekeeper.defaultRateLabelId],
    ['system_role', ctx.systemRole?.defaultRateLabelId],
  ];
}
/** The label the rules pick, or undefined for a rateLabelId error. */
function modelLabel(input: EntryRateInput, ctx: RateContext): { label: LabelFacts; source: LabelSource } | undefined {
  if (input.rateLabelId !== undefined) {
    const label = modelFollow(ctx.labels, input.rateLabelId);
    return label?.active ? { label, source: 'entry' } : undefined;
  }
  for (const [source, id] of levelIds(input, ctx).slice(1)) {
    const label = modelFollow(ctx.labels, id);
    if (label?.active) return { label, source };
  }
  const label = modelDefault(ctx.labels);
  return label && { label, source: 'default' };
}
/** Hourly value candidates, first to last, with their source. */
function modelCandidates(label: LabelFacts, ctx: RateContext): [ValueSource, string | undefined][] {
  // A record's own override for the label wins over one for a label merged into it (as a repointed record would say).
  const find = (os: readonly Override[] | undefined) =>
    (os?.find((o) => o.rateLabelId === label.id) ?? os?.find((o) => modelFollow(ctx.labels, o.rateLabelId)?.id === label.id))?.value;
  return [
    ['matter_override', ctx.matter.customRatesEnabled ? find(ctx.matter.rateOverrides) : undefined],
    ['client_override', find(ctx.primaryClient?.rateOverrides)],
    ['timekeeper_override', find(ctx.timekeeper.customRates)],
    ['timekeeper_override', label.timekeeperValues.find((v) => v.userId === ctx.timekeeper.id)?.value],
    ['base', label.baseValue],
  ];
}

/** The label choice alone: supplies rateValue/amount when the chosen label's type asks for it. */
function choice(ctx: RateContext, rateLabelId?: string): { labelId: string; labelSource: LabelSource } | 'error' {
  let res = resolveRate({ rateLabelId }, ctx);
  if (!res.ok && res.errors.some((e) => e.path === 'rateValue')) res = resolveRate({ rateLabelId, rateValue: '1.00' }, ctx);
  if (!res.ok && res.errors.some((e) => e.path === 'amount')) res = resolveRate({ rateLabelId, amount: '1.00' }, ctx);
  return res.ok ? { labelId: res.rate.labelId, labelSource: res.rate.labelSource } : 'error';
}

function withLevel(ctx: RateContext, level: Exclude<LabelSource, 'default' | 'entry'>, id: string): RateContext {
  switch (level) {
    case 'matter':
      return { ...ctx, matter: { ...ctx.matter, rateLabelId: id } };
    case 'quick_code': {
      const role = ctx.timekeeper.systemRoleId ?? 'r1';
      return {
        ...ctx,
        timekeeper: { ...ctx.timekeeper, systemRoleId: role },
        quickCode: { rateLabelByRole: { ...ctx.quickCode?.rateLabelByRole, [role]: id } },
      };
    }
    case 'timekeeper':
      return { ...ctx, timekeeper: { ...ctx.timekeeper, defaultRateLabelId: id } };
    case 'system_role':
      return { ...ctx, systemRole: { defaultRateLabelId: id } };
  }
}

describe('resolveRate: properties', () => {
  it('(a) a resolved label is always active, not merged, and matches what the rules pick', () => {
    fc.assert(
      fc.property(inputArb, contextArb(), (input, ctx) => {
        const res = resolveRate(input, ctx);
        const picked = modelLabel(input, ctx);
        if (!res.ok) {
          expect(res.errors.length).toBeGreaterThan(0);
          for (const e of res.errors) expect(['rateLabelId', 'rateValue', 'amount']).toContain(e.path);
          if (!picked) expect(res.errors).toEqual([expect.objectContaining({ path: 'rateLabelId' })]);
          else expect(res.errors.map((e) => e.path)).not.toContain('rateLabelId');
          return;
        }
        const label = ctx.labels.get(res.rate.labelId);
        expect(label).toBeDefined();
        expect(label!.active).toBe(true);
        expect(label!.mergedInto).toBeUndefined();
        expect(res.rate).toMatchObject({ labelName: label!.name, type: label!.type });
        expect(picked).toBeDefined();
        expect({ id: res.rate.labelId, source: res.rate.labelSource }).toEqual({ id: picked!.label.id, source: picked!.source });
        if (input.rateLabelId !== undefined) expect(res.rate.labelId).toBe(currentLabelId(ctx.labels, input.rateLabelId));
        if (label!.type === 'custom') expect(res.rate).toMatchObject({ value: input.rateValue, valueSource: 'entry' });
        if (label!.type === 'fixed') expect(res.rate).toMatchObject({ value: input.amount, valueSource: 'entry' });
        // errors only for misplaced or missing rateValue/amount
        expect(input.rateValue !== undefined).toBe(label!.type === 'custom');
        expect(input.amount !== undefined).toBe(label!.type === 'fixed');
      }),
      RUNS,
    );
  });

  it('(b) an active label set on a level above the current source always wins, and levels below never matter', () => {
    const freshArb = fc.record({
      name: fc.constantFrom(...NAMES),
      type: fc.constantFrom<RateLabelType>('hourly', 'fixed', 'custom'),
      viaAlias: fc.boolean(),
    });
    fc.assert(
      fc.property(contextArb(), fc.constantFrom(...SET_LEVELS), freshArb, refArb, (ctx, level, fresh, junk) => {
        const before = choice(ctx);
        const rank = before === 'error' ? LEVELS.length : LEVELS.indexOf(before.labelSource);
        const labels = new Map(ctx.labels);
        labels.set('fresh', { id: 'fresh', name: fresh.name, type: fresh.type, active: true, baseValue: '1.00', timekeeperValues: [] });
        labels.set('alias', merged('alias', 'fresh'));
        const ref = fresh.viaAlias ? 'alias' : 'fresh';
        const levelRank = LEVELS.indexOf(level);
        if (levelRank < rank) {
          const after = level === 'entry' ? choice({ ...ctx, labels }, ref) : choice(withLevel({ ...ctx, labels }, level, ref));
          expect(after).toEqual({ labelId: 'fresh', labelSource: level });
        } else if (level !== 'entry' && before !== 'error') {
          // anything at or below the winning level's successors changes nothing
          if (levelRank > rank) expect(choice(withLevel(ctx, level, junk ?? 'ghost'))).toEqual(before);
        }
      }),
      RUNS,
    );
  });

  it('(c) an hourly value is the first candidate there is, in precedence order', () => {
    fc.assert(
      fc.property(contextArb(['hourly']), refArb, (ctx, rateLabelId) => {
        const res = resolveRate({ rateLabelId }, ctx);
        if (!res.ok) return;
        const label = ctx.labels.get(res.rate.labelId)!;
        const candidates = modelCandidates(label, ctx);
        const first = candidates.find(([, v]) => v !== undefined)!;
        expect(candidates.map(([, v]) => v)).toContain(res.rate.value);
        expect([res.rate.valueSource, res.rate.value]).toEqual(first);
      }),
      RUNS,
    );
  });

  it('(e) deterministic, independent of the Map order of labels, and does not mutate its inputs', () => {
    const arb = fc.tuple(inputArb, contextArb()).chain(([input, ctx]) =>
      fc.tuple(fc.constant(input), fc.constant(ctx), fc.shuffledSubarray([...ctx.labels.entries()], { minLength: ctx.labels.size, maxLength: ctx.labels.size })),
    );
    fc.assert(
      fc.property(arb, ([input, ctx, shuffled]) => {
        const snapshot = structuredClone({ input, ctx });
        const first = resolveRate(input, ctx);
        expect(resolveRate(input, ctx)).toEqual(first);
        expect(resolveRate(input, { ...ctx, labels: new Map(shuffled) })).toEqual(first);
        expect(defaultLabel(new Map(shuffled))).toEqual(defaultLabel(ctx.labels));
        expect({ input, ctx }).toEqual(snapshot);
      }),
      RUNS,
    );
  });
});
