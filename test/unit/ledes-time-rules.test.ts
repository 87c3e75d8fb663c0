import { describe, expect, it, vi } from 'vitest';
import { ledesCodeErrors, missingCodes } from '../../lib/practice/time/ledes-codes.ts';
import { matterEntity } from '../../lib/practice/entities/matter.entity.ts';

describe('LEDES matters take coded time only', () => {
  it('names each UTBMS code an entry lacks', () => {
    expect(missingCodes({})).toEqual(['taskCode', 'activityCode']);
    expect(missingCodes({ taskCode: 'L110' })).toEqual(['activityCode']);
    expect(missingCodes({ activityCode: 'A101' })).toEqual(['taskCode']);
    expect(missingCodes({ taskCode: 'L110', activityCode: 'A101' })).toEqual([]);
  });

  it('as 400 field errors, or under an entry\'s id in a 409', () => {
    expect(ledesCodeErrors({ taskCode: 'L110', activityCode: 'A101' })).toEqual([]);
    expect(ledesCodeErrors({}).map((e) => e.path)).toEqual(['taskCode', 'activityCode']);
    expect(ledesCodeErrors({ taskCode: 'L110' }, 'timeEntries.te_1.')).toEqual([
      { path: 'timeEntries.te_1.activityCode', message: expect.stringContaining('LEDES') },
    ]);
  });

  it('an uncoded entry\'s write checks the matter is off LEDES and counts itself; switching on requires the count unchanged', () => {
    vi.stubEnv('TABLE_PRACTICE', 'practice-test');
    const [check, stamp] = matterEntity.uncodedEntryWritten('f', 'mt_1', '2026-11-22T00:00:00.000Z') as any[];
    expect(check.ConditionCheck.Key).toEqual({ pk: 'FIRM#f', sk: 'MATTER#mt_1' });
    expect(check.ConditionCheck.ConditionExpression).toContain('#billing.#ledes = :off');
    expect(check.ConditionCheck.ExpressionAttributeValues).toEqual({ ':off': false });
    expect(stamp.Update.Key).toEqual({ pk: 'FIRM#f', sk: 'UNCODED#MATTER#mt_1' });
    expect(stamp.Update.UpdateExpression).toContain('ADD writes :one');
    const never = matterEntity.noUncodedWritesSince('f', 'mt_1', undefined) as any;
    expect(never.ConditionCheck.ConditionExpression).toBe('attribute_not_exists(pk)');
    const since = matterEntity.noUncodedWritesSince('f', 'mt_1', { writes: 3, writtenAt: 'x' }) as any;
    expect(since.ConditionCheck).toMatchObject({ ConditionExpression: 'writes = :seen', ExpressionAttributeValues: { ':seen': 3 } });
  });
});
