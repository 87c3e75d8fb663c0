import type { FieldError } from '../../shared/errors.ts';

/**
 * Split billing: how a file's bills are divided among its clients. Percents
 * have two decimals and are handled as whole hundredths, so they add up
 * exactly; every client of the file has a line.
 */
export interface Allocation {
  contactId: string;
  percent: string;
}

const HUNDRED = 10_000;

export const toHundredths = (percent: string | number): number | undefined => {
  const text = typeof percent === 'number' ? String(percent) : percent;
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return undefined;
  const value = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return value <= HUNDRED ? value : undefined;
};

export const fromHundredths = (value: number) => `${Math.floor(value / 100)}.${String(value % 100).padStart(2, '0')}`;

/** A new file, or a split never set by hand: the primary client (the first) pays everything. */
export function initialAllocations(clientIds: readonly string[]): Allocation[] {
  return clientIds.map((contactId, i) => ({ contactId, percent: fromHundredths(i === 0 ? HUNDRED : 0) }));
}

/**
 * The file's clients changed (`clientIds`, the primary first). While the split
 * was never set by hand it follows the primary: the primary, new or not, pays
 * everything. Once set by hand, clients who stay keep their share, new clients
 * start at 0.00, and the shares of clients who left go to the primary, so the
 * total stays exactly 100.00 and nobody's agreed share moves on its own.
 */
export function reallocate(current: readonly Allocation[], clientIds: readonly string[], setByHand: boolean): Allocation[] {
  if (!setByHand) return initialAllocations(clientIds);
  const kept = new Map(current.map((a) => [a.contactId, toHundredths(a.percent) ?? 0]));
  const shares = clientIds.map((id) => kept.get(id) ?? 0);
  const orphaned = HUNDRED - shares.reduce((a, b) => a + b, 0);
  shares[0] = shares[0]! + orphaned;
  return clientIds.map((contactId, i) => ({ contactId, percent: fromHundredths(shares[i]!) }));
}

/**
 * Whether a file's split was set by hand. Files stored before the flag existed
 * count as set by hand when their split is anything but "the primary pays
 * everything" (the only split a file ever got without a hand).
 */
export function splitWasSetByHand(file: { splitSetByHand?: boolean; allocations: readonly Allocation[]; clientIds: readonly string[] }): boolean {
  if (file.splitSetByHand !== undefined) return file.splitSetByHand;
  const automatic = initialAllocations(file.clientIds);
  return file.allocations.length !== automatic.length
    || file.allocations.some((a, i) => a.contactId !== automatic[i]!.contactId || toHundredths(a.percent) !== toHundredths(automatic[i]!.percent));
}

/** Checks a requested split against the file's clients; returns the full split or the field errors. */
export function validateAllocations(
  requested: readonly { contactId: string; percent: string | number }[],
  clientIds: readonly string[],
): { ok: true; allocations: Allocation[] } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const given = new Map<string, number>();
  requested.forEach((a, i) => {
    if (!clientIds.includes(a.contactId)) errors.push({ path: `allocations.${i}.contactId`, message: 'is not a client of this file' });
    else if (given.has(a.contactId)) errors.push({ path: `allocations.${i}.contactId`, message: 'is listed twice' });
    const value = toHundredths(a.percent);
    if (value === undefined) errors.push({ path: `allocations.${i}.percent`, message: 'must be a percent from 0 to 100 with at most two decimals' });
    else given.set(a.contactId, value);
  });
  if (errors.length) return { ok: false, errors };
  const total = [...given.values()].reduce((a, b) => a + b, 0);
  if (total !== HUNDRED) {
    return { ok: false, errors: [{ path: 'allocations', message: `must add up to exactly 100.00, not ${fromHundredths(total)}` }] };
  }
  return { ok: true, allocations: clientIds.map((contactId) => ({ contactId, percent: fromHundredths(given.get(contactId) ?? 0) })) };
}
