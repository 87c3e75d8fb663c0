import { money } from '../../shared/money.ts';

/**
 * Divides a bill's total among its clients by their percents so the shares add
 * up to the total exactly: each share is rounded down to the cent, then the
 * cents left over go one by one to the largest remainders (ties: the earlier
 * client, so the primary first). Pure; amounts are decimal strings.
 */
export function splitTotal(total: string, allocations: readonly { contactId: string; percent: string }[]): { contactId: string; percent: string; amount: string }[] {
  const totalCents = BigInt(money(total).times(100).toFixed(0));
  const sign = totalCents < 0n ? -1n : 1n;
  const abs = totalCents * sign;
  // percent has two decimals: share (in cents) = abs × hundredths / 10000
  const raw = allocations.map((a) => {
    const hundredths = BigInt(money(a.percent).times(100).toFixed(0));
    const numerator = abs * hundredths;
    return { floor: numerator / 10000n, remainder: numerator % 10000n };
  });
  let left = abs - raw.reduce((sum, r) => sum + r.floor, 0n);
  const order = raw.map((r, i) => ({ i, remainder: r.remainder })).sort((a, b) => (b.remainder > a.remainder ? 1 : b.remainder < a.remainder ? -1 : a.i - b.i));
  const extra = new Array<bigint>(raw.length).fill(0n);
  for (const { i } of order) {
    if (left <= 0n) break;
    extra[i] = 1n;
    left -= 1n;
  }
  return allocations.map((a, i) => ({
    contactId: a.contactId,
    percent: a.percent,
    amount: centsToMoney((raw[i]!.floor + extra[i]!) * sign),
  }));
}

export function centsToMoney(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const whole = abs / 100n;
  const frac = abs % 100n;
  return `${negative ? '-' : ''}${whole}.${frac.toString().padStart(2, '0')}`;
}
