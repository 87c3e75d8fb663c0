import * as z from 'zod';

export const JobStatus = z.enum(['queued', 'running', 'succeeded', 'failed', 'partially_failed']);
export type JobStatus = z.infer<typeof JobStatus>;

export const Job = z.object({
  id: z.string(),
  kind: z.string(),
  status: JobStatus,
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  errors: z.array(z.record(z.string(), z.unknown())),
  reason: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Job = z.infer<typeof Job>;
