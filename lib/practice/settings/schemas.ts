import * as z from 'zod';

export const PracticeSettingsInput = z.strictObject({
  separateContactNumbering: z.boolean(),
});
export type PracticeSettingsInput = z.infer<typeof PracticeSettingsInput>;

export const PracticeSettings = PracticeSettingsInput.extend({
  version: z.number().int(),
  updatedAt: z.string().nullable(),
});
export type PracticeSettings = z.infer<typeof PracticeSettings>;
