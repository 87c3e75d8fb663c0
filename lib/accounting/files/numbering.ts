import type { NumberSpace } from '../numbering/claims.ts';
import { numericValue } from '../contacts/numbering.ts';

/**
 * File (matter) numbers: the firm's prefix and a zero-padded counter, e.g.
 * M00042. A hand-given number has the firm's shape if it is the prefix (in
 * any case, as numbers compare) and digits, of any width: `m42` and
 * `M0042` stand for 42 as M00042 does, and hold the same claim.
 */
export function fileNumberSpace(numbering: { prefix: string; width: number }): NumberSpace {
  const { prefix, width } = numbering;
  return {
    name: { kind: 'file' },
    format: (counter) => `${prefix}${String(counter).padStart(width, '0')}`,
    valueOf: (number) => {
      if (number.slice(0, prefix.length).toLowerCase() !== prefix.toLowerCase()) return undefined;
      return numericValue(number.slice(prefix.length));
    },
  };
}
