/**
 * Splits items, in order, into groups of at most `maxBytes` (by `sizeOf`)
 * and, if given, `maxCount` items: a new group starts when the next item
 * would pass either limit. An item alone over `maxBytes` makes a group of
 * its own (whoever receives it refuses it, and says so).
 */
export function packInOrder<T>(items: Iterable<T>, sizeOf: (item: T) => number, limits: { maxBytes: number; maxCount?: number }): T[][] {
  const groups: T[][] = [];
  let group: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = sizeOf(item);
    if (group.length && (group.length === limits.maxCount || bytes + size > limits.maxBytes)) {
      groups.push(group);
      group = [];
      bytes = 0;
    }
    group.push(item);
    bytes += size;
  }
  if (group.length) groups.push(group);
  return groups;
}
