/**
 * LEDES 1998B e-billing output: a writer and a pre-flight validator.
 * Rules and sources: /work/shared/reference/LEDES.md (the team reference).
 */
export type { LedesInvoice, LedesLine, LedesProblem, WriteLedesOptions } from './ledes/types.ts';
export { writeLedes, ledesLineAmounts, LedesInputError } from './ledes/write.ts';
export { validateLedes } from './ledes/validate.ts';
export { ledesTimekeeperName, sanitizeLedesValue, toLedesAscii } from './ledes/sanitize.ts';
export {
  LEDES_FIELDS,
  LEDES_FORMAT_LINE,
  LEDES_HEADER_LINE,
  LOC_TIMEKEEPER_CLASSIFICATIONS,
  type LedesField,
} from './ledes/fields.ts';
