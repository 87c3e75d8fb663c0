import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { messagesOf } from '../../events/messages.ts';

const dir = join(import.meta.dirname, '../../events/samples');
const queueOf = new Map(Object.entries(messagesOf).flatMap(([queue, schema]) => schema.options.map((o) => [o.shape.type.value, queue] as const)));

describe('sample events', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  it('cover every message type of every queue, and nothing else', () => {
    expect(files.map((f) => f.replace(/\.json$/, '')).sort()).toEqual([...queueOf.keys()].sort());
  });
  it('no message type is carried by two queues', () => {
    const all = Object.values(messagesOf).flatMap((schema) => schema.options.map((o) => o.shape.type.value));
    expect(new Set(all).size).toBe(all.length);
  });
  it.each(files)('%s parses with its queue schema', (file) => {
    const sample = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const queue = queueOf.get(sample.type) as keyof typeof messagesOf;
    expect(messagesOf[queue].parse(sample)).toEqual(sample);
  });
});
