import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';

/** A free TCP port on loopback, chosen by the OS. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const commandLine = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
};

/**
 * Child processes (DynamoDB Local's JVM) outlive a parent killed with
 * SIGKILL and keep their port. Each start records its children; the next
 * start kills those whose parent is gone, so a killed run never blocks the next.
 */
export class PidRegistry {
  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  reapOrphans(): number {
    let reaped = 0;
    for (const file of readdirSync(this.dir)) {
      const path = join(this.dir, file);
      try {
        const { pid, parentPid, marker } = JSON.parse(readFileSync(path, 'utf8')) as { pid: number; parentPid: number; marker: string };
        if (!alive(parentPid) && alive(pid) && commandLine(pid).includes(marker)) {
          process.kill(pid, 'SIGKILL');
          reaped++;
        }
        if (!alive(parentPid) || !alive(pid)) rmSync(path, { force: true });
      } catch {
        rmSync(path, { force: true });
      }
    }
    return reaped;
  }

  record(name: string, pid: number, marker: string): () => void {
    const path = join(this.dir, `${name}-${process.pid}.json`);
    writeFileSync(path, JSON.stringify({ pid, parentPid: process.pid, marker }));
    return () => {
      if (existsSync(path)) rmSync(path, { force: true });
    };
  }
}
