/**
 * Typed iteration over the declaration's records (`Object.entries` loses the
 * key type) and the construct ids derived from their names.
 */

type Key<T> = Extract<keyof T, string>;

export function entriesOf<T extends object>(record: T): [Key<T>, Exclude<T[keyof T], undefined>][] {
  return Object.entries(record) as [Key<T>, Exclude<T[keyof T], undefined>][];
}

export function mapRecord<T extends object, R>(record: T, map: (value: T[keyof T], key: Key<T>) => R): Record<Key<T>, R> {
  return Object.fromEntries(entriesOf(record).map(([key, value]) => [key, map(value, key)])) as Record<Key<T>, R>;
}

/** `toAccounting` → `ToAccounting`: declared names as construct ids. */
export const pascal = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);
