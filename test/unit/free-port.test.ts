import { readFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../infra/local/processes.ts';

const outgoingLow = () => {
  try {
    return Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
  } catch {
    return 32768;
  }
};

describe('freePort', () => {
  it('never chooses a port an outgoing connection could take as its source port', async () => {
    const low = outgoingLow();
    const ports = await Promise.all(Array.from({ length: 50 }, () => freePort()));
    for (const port of ports) expect(port).toBeLessThan(low);
  });

  it('chooses a port a listener can take, and an outgoing connection reaches it', async () => {
    const port = await freePort();
    const server = createServer((s) => s.end('hi'));
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    const said = await new Promise<string>((resolve, reject) => {
      const c = connect(port, '127.0.0.1');
      c.on('data', (d) => resolve(String(d)));
      c.on('error', reject);
    });
    await new Promise((r) => server.close(r));
    expect(said).toBe('hi');
  });
});
