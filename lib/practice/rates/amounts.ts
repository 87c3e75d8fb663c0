import { money, toMoney } from '../../shared/money.ts';
import type { RateLabelType } from './schemas.ts';

export type Behavior = 'bill' | 'hide' | 'no_charge' | 'non_billable';

/**
 * What an entry is worth: value × billable hours, rounded half-up to the cent
 * once; a fixed label's amount as entered; nothing for no-charge and
 * non-billable work. Exact decimals throughout (0.3 h at 166.65 is 50.00).
 */
export function entryAmount(behavior: Behavior, type: RateLabelType, value: string, billableHours: string): string {
  if (behavior === 'no_charge' || behavior === 'non_billable') return '0.00';
  if (type === 'fixed') return toMoney(money(value));
  return toMoney(money(value).times(billableHours));
}
