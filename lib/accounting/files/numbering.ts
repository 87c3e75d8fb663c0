import type { NumberSpace } from '../numbering/claims.ts';

/** File (matter) numbers: the firm's prefix and a zero-padded counter, e.g. M00042. */
export function fileNumberSpace(numbering: { prefix: string; width: number }): NumberSpace {
  const { prefix, width } = numbering;
  return {
    name: { kind: 'file' },
    format: (counter) => `${prefix}${String(counter).padStart(width, '0')}`,
    valueOf: (number) => {
      if (!number.startsWith(prefix)) return undefined;
      const digits = number.slice(prefix.length);
      return /^\d{1,15}$/.test(digits) ? Number(digits) : undefined;
    },
  };
}
