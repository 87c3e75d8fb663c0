import * as z from 'zod';
import { IsoDate } from '#lib/shared/dates';

const Id = z.string().min(1).max(64);

export const StartTimeExport = z
  .strictObject({ timekeeperId: Id.optional(), matterId: Id.optional(), from: IsoDate.optional(), to: IsoDate.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'must not be before from' });
export type StartTimeExport = z.infer<typeof StartTimeExport>;
