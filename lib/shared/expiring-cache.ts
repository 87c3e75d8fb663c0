/**
 * Per-container memo of slow-changing reads (a firm's settings) for a few
 * seconds: the sync consumers read settings for every message, and a burst of
 * messages for one firm would otherwise read the same item hundreds of times.
 * The promise is kept, so concurrent readers share one read; a failed read is
 * forgotten at once. Another container's write is seen within `ttlMs`; this
 * container's own writes call `forget` and are seen immediately.
 */
export interface ExpiringCache<V> {
  get(key: string): Promise<V>;
  forget(key: string): void;
}

export function expiringCache<V>(ttlMs: number, load: (key: string) => Promise<V>, maxEntries = 1000): ExpiringCache<V> {
  const entries = new Map<string, { until: number; value: Promise<V> }>();
  return {
    get(key) {
      const now = Date.now();
      const hit = entries.get(key);
      if (hit && hit.until > now) return hit.value;
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      const value = load(key);
      entries.set(key, { until: now + ttlMs, value });
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key);
      });
      return value;
    },
    forget(key) {
      entries.delete(key);
    },
  };
}
