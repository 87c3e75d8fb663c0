import { describe, expect, it } from 'vitest';
import { sendGroups, type Outgoing } from '../../lib/sync/queue-sender.ts';

const message = (bytes: number): Outgoing => ({ queue: 'timeBooking', body: 'x'.repeat(bytes), type: 'practice.time.export_batch', firmId: 'firm-1' });
const all = (messages: Outgoing[]) => messages.map((_, i) => i);

describe('send groups', () => {
  it('ten small messages to a call', () => {
    const messages = Array.from({ length: 23 }, () => message(100));
    expect(sendGroups(messages, all(messages)).map((g) => g.length)).toEqual([10, 10, 3]);
  });

  it('never more than 256 KiB to a call: six 200 KB export batches go one by one', () => {
    const messages = Array.from({ length: 6 }, () => message(200_000));
    const groups = sendGroups(messages, all(messages));
    expect(groups).toEqual([[0], [1], [2], [3], [4], [5]]);
  });

  it('packs by size, in order, and keeps an oversized message alone', () => {
    const messages = [message(100_000), message(100_000), message(100_000), message(300_000), message(10)];
    expect(sendGroups(messages, all(messages))).toEqual([[0, 1], [2], [3], [4]]);
    for (const group of sendGroups(messages, all(messages))) {
      const bytes = group.reduce((t, i) => t + messages[i]!.body.length, 0);
      expect(group.length === 1 || bytes <= 256 * 1024).toBe(true);
    }
  });
});
