import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aliasesOf, mergeOverrides, mergeRef, mergeRoleMap, mergeTimekeeperValues, type Aliases } from '../../lib/practice/rates/merge.ts';
import { resolveRate, type EntryRateInput, type LabelFacts, type Override, type RateContext } from '../../lib/practice/rates/resolver.ts';
import type { RateLabelType } from '../../lib/practice/rates/schemas.ts';

/*
 * Repointing after label merges (lib/practice/rates/merge.ts): every
 * reference to a merged label moves to the live label at the end of its
 * alias chain, and a record prices the same before and after, so an
 * interrupted or raced repointing never changes a price.
 */

const label = (id: string, type: RateLabelType = 'hourly', more: Partial<LabelFacts> = {}): LabelFacts => ({
  id, name: id, type, active: true, timekeeperValues: [], ...(type === 'hourly' ? { baseValue: '100.00' } : {}), ...more,
});
const alias = (id: string, into: string, type: RateLabelType = 'hourly'): LabelFacts => label(id, type, { active: false, mergedInto: into });
const aliases = (...labels: LabelFacts[]) => aliasesOf(new Map(labels.map((l) => [l.id, l])));
const ov = (rateLabelId: string, value: string): Override => ({ rateLabelId, value });

// A into B, B into C (a chain), D into E (fixed), a cycle X ↔ Y, G into a label that is gone.
const FIRM = aliases(
  alias('A', 'B'), alias('B', 'C'), label('C'), alias('D', 'E', 'hourly'), label('E', 'fixed'), label('F'),
  alias('X', 'Y'), alias('Y', 'X'), alias('G', 'ghost'),
);

describe('aliasesOf', () => {
  it('maps a merged label to the live end of its chain, and nothing else', () => {
    expect(['A', 'B', 'C', 'D', 'F', 'X', 'G', 'ghost', undefined].map((id) => FIRM.liveOf(id))).toEqual(['C', 'C', undefined, 'E', undefined, undefined, undefined, undefined, undefined]);
    expect(FIRM.isHourly('C')).toBe(true);
    expect(FIRM.isHourly('E')).toBe(false);
  });
});

describe('repointing a record', () => {
  it('moves a reference along the whole chain, and leaves live, unknown or broken ones', () => {
    expect(mergeRef('A', FIRM)).toBe('C');
    expect(mergeRef('B', FIRM)).toBe('C');
    expect(mergeRef('C', FIRM)).toBeUndefined();
    expect(mergeRef('X', FIRM)).toBeUndefined();
    expect(mergeRef(undefined, FIRM)).toBeUndefined();
  });

  it('moves overrides; the record’s own one for the label wins, then the first moved there; a non-hourly label takes none', () => {
    expect(mergeOverrides([ov('F', '1.00')], FIRM)).toBeUndefined();
    expect(mergeOverrides([ov('A', '1.00'), ov('F', '2.00')], FIRM)).toEqual([ov('C', '1.00'), ov('F', '2.00')]);
    expect(mergeOverrides([ov('A', '1.00'), ov('C', '2.00')], FIRM)).toEqual([ov('C', '2.00')]);
    expect(mergeOverrides([ov('A', '1.00'), ov('B', '2.00')], FIRM)).toEqual([ov('C', '1.00')]);
    expect(mergeOverrides([ov('D', '1.00'), ov('X', '2.00')], FIRM)).toEqual([ov('X', '2.00')]);
  });

  it("replaces merged labels in a quick code's role map", () => {
    expect(mergeRoleMap({ r1: 'F' }, FIRM)).toBeUndefined();
    expect(mergeRoleMap({ r1: 'A', r2: 'F', r3: 'B' }, FIRM)).toEqual({ r1: 'C', r2: 'F', r3: 'C' });
  });

  it('moves the merged label’s timekeeper values to the target where it has none', () => {
    expect(mergeTimekeeperValues([{ userId: 'u1', value: '1.00' }], [{ userId: 'u1', value: '9.00' }, { userId: 'u2', value: '2.00' }])).toEqual([
      { userId: 'u1', value: '1.00' },
      { userId: 'u2', value: '2.00' },
    ]);
  });
});

// ---------------------------------------------------------------------------
// Properties: against any label set (chains, cycles, gone targets, any type)
// ---------------------------------------------------------------------------

const IDS = ['l0', 'l1', 'l2', 'l3', 'l4', 'l5'];
const refArb = fc.option(fc.constantFrom(...IDS, 'gone'), { nil: undefined });
const labelsArb = fc.tuple(
  ...IDS.map((id) =>
    fc.record({
      type: fc.constantFrom<RateLabelType>('hourly', 'hourly', 'fixed', 'custom'),
      active: fc.boolean(),
      mergedInto: fc.option(fc.constantFrom(...IDS, 'gone'), { nil: undefined }),
      value: fc.constantFrom('10.00', '20.00'),
    }).map(({ type, active, mergedInto, value }) =>
      label(id, type, { active, ...(mergedInto ? { mergedInto } : {}), ...(type === 'hourly' ? { baseValue: value, timekeeperValues: [{ userId: 'tk', value: '15.00' }] } : {}) }),
    ),
  ),
).map((labels) => new Map(labels.map((l) => [l.id, l])));
const overridesArb = fc.array(fc.record({ rateLabelId: fc.constantFrom(...IDS, 'gone'), value: fc.constantFrom('1.00', '2.00', '3.00') }), { maxLength: 4 });

const contextArb = fc.record({
  labels: labelsArb,
  matter: fc.record({ rateLabelId: refArb, customRatesEnabled: fc.boolean(), rateOverrides: overridesArb }),
  primaryClient: fc.option(fc.record({ rateOverrides: overridesArb }), { nil: undefined }),
  timekeeper: fc.record({ id: fc.constant('tk'), systemRoleId: fc.constant('role'), defaultRateLabelId: refArb, customRates: overridesArb }),
  systemRole: fc.option(fc.record({ defaultRateLabelId: refArb }), { nil: undefined }),
  quickCode: fc.option(fc.record({ rateLabelByRole: fc.dictionary(fc.constantFrom('role', 'other'), fc.constantFrom(...IDS)) }), { nil: undefined }),
}) as fc.Arbitrary<RateContext>;

const inputArb: fc.Arbitrary<EntryRateInput> = fc.record(
  { rateLabelId: fc.constantFrom(...IDS, 'gone'), rateValue: fc.constant('5.00'), amount: fc.constant('7.00') },
  { requiredKeys: [] },
);

/** The context with every record repointed, as `repoint.ts` writes them. */
function repointed(ctx: RateContext, a: Aliases): RateContext {
  return {
    ...ctx,
    matter: {
      ...ctx.matter,
      rateLabelId: mergeRef(ctx.matter.rateLabelId, a) ?? ctx.matter.rateLabelId,
      rateOverrides: mergeOverrides(ctx.matter.rateOverrides, a) ?? ctx.matter.rateOverrides,
    },
    primaryClient: ctx.primaryClient && { rateOverrides: mergeOverrides(ctx.primaryClient.rateOverrides, a) ?? ctx.primaryClient.rateOverrides },
    timekeeper: {
      ...ctx.timekeeper,
      defaultRateLabelId: mergeRef(ctx.timekeeper.defaultRateLabelId, a) ?? ctx.timekeeper.defaultRateLabelId,
      customRates: mergeOverrides(ctx.timekeeper.customRates, a) ?? ctx.timekeeper.customRates,
    },
    systemRole: ctx.systemRole && { defaultRateLabelId: mergeRef(ctx.systemRole.defaultRateLabelId, a) ?? ctx.systemRole.defaultRateLabelId },
    quickCode: ctx.quickCode && { rateLabelByRole: mergeRoleMap(ctx.quickCode.rateLabelByRole, a) ?? ctx.quickCode.rateLabelByRole },
  };
}

const referencesOf = (ctx: RateContext): (string | undefined)[] => [
  ctx.matter.rateLabelId,
  ...ctx.matter.rateOverrides.map((o) => o.rateLabelId),
  ...(ctx.primaryClient?.rateOverrides ?? []).map((o) => o.rateLabelId),
  ctx.timekeeper.defaultRateLabelId,
  ...ctx.timekeeper.customRates.map((o) => o.rateLabelId),
  ctx.systemRole?.defaultRateLabelId,
  ...Object.values(ctx.quickCode?.rateLabelByRole ?? {}),
];

describe('repointing: properties', () => {
  it('a record prices the same before and after it is repointed (so a half-done repointing changes no price)', () => {
    fc.assert(
      fc.property(contextArb, inputArb, (ctx, input) => {
        expect(resolveRate(input, repointed(ctx, aliasesOf(ctx.labels)))).toEqual(resolveRate(input, ctx));
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent, and leaves no reference on a label that stands for a live one', () => {
    fc.assert(
      fc.property(contextArb, (ctx) => {
        const a = aliasesOf(ctx.labels);
        const once = repointed(ctx, a);
        expect(repointed(once, a)).toEqual(once);
        expect(referencesOf(once).filter((id) => a.liveOf(id))).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });
});
