/**
 * How numbers and dates read on an invoice. Inputs are the view's decimal
 * strings and YYYY-MM-DD dates; anything that does not parse is shown as it
 * came (the PDF must render whatever the data is).
 */

const DECIMAL = /^\s*([+-])?(\d*)(?:\.(\d*))?\s*$/;

function groupThousands(digits: string): string {
  let out = '';
  const n = digits.length;
  for (let i = 0; i < n; i++) {
    if (i > 0 && (n - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return out;
}

/**
 * A decimal string with thousands separators and `decimals` places, rounded
 * half-up by string arithmetic (no floats): "1234.5" → "1,234.50",
 * "-0.005" → "-0.01". Returns null when `value` is not a decimal.
 */
function formatDecimal(value: string, decimals: number): { sign: string; text: string } | null {
  const m = DECIMAL.exec(value);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
  let int = (m[2] ?? '').replace(/^0+(?=\d)/, '') || '0';
  let frac = m[3] ?? '';
  if (frac.length > decimals) {
    const roundUp = frac.charCodeAt(decimals) >= 0x35; // '5'
    frac = frac.slice(0, decimals);
    if (roundUp) {
      // Add one unit in the last place of int.frac, carrying left.
      const digits = (int + frac).split('');
      let i = digits.length - 1;
      for (; i >= 0; i--) {
        if (digits[i] === '9') digits[i] = '0';
        else {
          digits[i] = String.fromCharCode(digits[i]!.charCodeAt(0) + 1);
          break;
        }
      }
      const all = (i < 0 ? '1' : '') + digits.join('');
      int = all.slice(0, all.length - decimals) || '0';
      frac = all.slice(all.length - decimals);
    }
  }
  frac = frac.padEnd(decimals, '0');
  const zero = /^0*$/.test(int) && /^0*$/.test(frac);
  const text = groupThousands(int) + (decimals > 0 ? '.' + frac : '');
  return { sign: m[1] === '-' && !zero ? '-' : '', text };
}

/** "1234.5" → "1,234.50"; "-12" → "-12.00". */
export function formatAmount(value: string): string {
  const d = formatDecimal(value, 2);
  return d ? d.sign + d.text : value;
}

/** With the currency: "$1,234.50" for USD, "EUR 1,234.50" otherwise; "-$12.00". */
export function formatMoney(value: string, currency: string): string {
  const d = formatDecimal(value, 2);
  if (!d) return value;
  const code = currency.trim().toUpperCase();
  return code === 'USD' ? `${d.sign}$${d.text}` : code ? `${d.sign}${code} ${d.text}` : d.sign + d.text;
}

/** Hours as given, with two decimals: "1.5" → "1.50", "0.25" → "0.25". */
export function formatHours(value: string): string {
  const d = formatDecimal(value, 2);
  return d ? d.sign + d.text : value;
}

/** Exact sum of decimal strings in hundredths (blanks skipped), or null if one does not parse. */
export function sumHundredths(values: readonly string[]): string | null {
  let cents = 0n;
  for (const v of values) {
    if (v.trim() === '') continue;
    const d = formatDecimal(v, 2);
    if (!d) return null;
    const n = BigInt(d.text.replace(/[,.]/g, ''));
    cents += d.sign === '-' ? -n : n;
  }
  const neg = cents < 0n;
  const abs = (neg ? -cents : cents).toString().padStart(3, '0');
  return `${neg ? '-' : ''}${abs.slice(0, -2)}.${abs.slice(-2)}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** "2025-03-31" → "March 31, 2025"; anything else as given. */
export function formatLongDate(value: string): string {
  const m = ISO_DATE.exec(value);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${month} ${Number(m[3])}, ${m[1]}` : value;
}

/** "2025-03-31" → "Mar 31, 2025"; anything else as given. */
export function formatShortDate(value: string): string {
  const m = ISO_DATE.exec(value);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${month.slice(0, 3)} ${Number(m[3])}, ${m[1]}` : value;
}

/** "Mar 1 – Mar 31, 2025", or with both years when they differ. */
export function formatPeriod(from: string, to: string): string {
  const a = ISO_DATE.exec(from);
  const b = ISO_DATE.exec(to);
  if (a && b && a[1] === b[1] && MONTHS[Number(a[2]) - 1]) {
    return `${MONTHS[Number(a[2]) - 1]!.slice(0, 3)} ${Number(a[3])} \u2013 ${formatShortDate(to)}`;
  }
  return `${formatShortDate(from)} \u2013 ${formatShortDate(to)}`;
}

/** "0", "0.00", "-0.00", "" → true. */
export function isZeroAmount(value: string): boolean {
  return /^\s*[+-]?0*(\.0*)?\s*$/.test(value);
}
