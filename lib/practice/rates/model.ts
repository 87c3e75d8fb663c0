import type { LabelFacts } from './resolver.ts';

/** A rate label as stored; a deleted one keeps existing as an alias of the label it was merged into. */
export interface LabelRecord extends LabelFacts {
  entity: 'rateLabel';
  firmId: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  deleted?: { at: string; by: string; reason: string };
}
