import { afterEach, describe, expect, it, vi } from 'vitest';
import { expiringCache } from '../../lib/shared/expiring-cache.ts';

describe('expiringCache', () => {
  afterEach(() => vi.useRealTimers());

  const counting = () => {
    const loads: string[] = [];
    return { loads, load: async (key: string) => (loads.push(key), `${key}@${loads.length}`) };
  };

  it('reads once while fresh, concurrent readers share the read, and reads again once expired', async () => {
    vi.useFakeTimers();
    const { loads, load } = counting();
    const cache = expiringCache(2000, load);
    expect(await Promise.all([cache.get('a'), cache.get('a'), cache.get('b')])).toEqual(['a@1', 'a@1', 'b@2']);
    vi.advanceTimersByTime(1999);
    expect(await cache.get('a')).toBe('a@1');
    vi.advanceTimersByTime(1);
    expect(await cache.get('a')).toBe('a@3');
    expect(loads).toEqual(['a', 'b', 'a']);
  });

  it('forget makes the next read fresh (this container wrote the value)', async () => {
    const { load } = counting();
    const cache = expiringCache(60_000, load);
    expect(await cache.get('a')).toBe('a@1');
    cache.forget('a');
    expect(await cache.get('a')).toBe('a@2');
  });

  it('a failed read is not kept', async () => {
    let fail = true;
    const cache = expiringCache(60_000, async (key) => {
      if (fail) throw new Error('boom');
      return key;
    });
    await expect(cache.get('a')).rejects.toThrow('boom');
    fail = false;
    expect(await cache.get('a')).toBe('a');
  });

  it('holds at most maxEntries, dropping the oldest', async () => {
    const { loads, load } = counting();
    const cache = expiringCache(60_000, load, 2);
    await cache.get('a');
    await cache.get('b');
    await cache.get('c');
    await cache.get('b');
    await cache.get('a');
    expect(loads).toEqual(['a', 'b', 'c', 'a']);
  });
});
