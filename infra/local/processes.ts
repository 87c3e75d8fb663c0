import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';

/** The kernel's range for outgoing connections' source ports (Linux; other systems' defaults sit above 32767 too). */
function ephemeralRange(): [number, number] {
  try {
    const [low, high] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    if (low && high) return [low, high];
  } catch {
    // not Linux
  }
  return [32768, 65535];
}

/** Whether a listener can take this loopback port now. */
const canListen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

/** Where ports are drawn from: registered ports below every kernel's outgoing range. */
const PORTS_FROM = 10_000;

/**
 * A free TCP port on loopback for an emulator or the API to listen on a
 * moment later. Not one the OS would choose for `listen(0)`: those come from
 * the range the kernel also gives outgoing connections as their source port,
 * so between choosing and listening, any client connecting somewhere (the
 * SDK's first requests to DynamoDB Local, say) could take it and the listen
 * fails with EADDRINUSE. Below that range only a listener takes a port.
 */
export async function freePort(): Promise<number> {
  const below = Math.min(ephemeralRange()[0], 32_768);
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = PORTS_FROM + Math.floor(Math.random() * (below - PORTS_FROM));
    if (await canListen(port)) return port;
  }
  throw new Error(`No free port between ${PORTS_FROM} and ${below - 1} on 127.0.0.1`);
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

/** What a start records of a child: its pid, its parent's, and a string its command line holds. */
interface ChildEntry {
  pid: number;
  parentPid: number;
  marker: string;
}

/** SIGKILLs the child if it still runs as recorded (a reused pid runs another command line); answers whether it did. */
function killIfStill(entry: ChildEntry): boolean {
  if (!alive(entry.pid) || !commandLine(entry.pid).includes(entry.marker)) return false;
  try {
    process.kill(entry.pid, 'SIGKILL');
    return true;
  } catch {
    return false; // it ended in between
  }
}

/**
 * Child processes (DynamoDB Local's JVM) outlive a parent killed with
 * SIGKILL and keep their port. Each start records its children; the next
 * start kills those whose parent is gone, so a killed run never blocks the next.
 */
export class PidRegistry {
  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  /** Each recorded child, with the file that records it (`entry` undefined when the file cannot be read). */
  private *entries(): Generator<{ path: string; entry: ChildEntry | undefined }> {
    for (const file of readdirSync(this.dir)) {
      const path = join(this.dir, file);
      let entry: ChildEntry | undefined;
      try {
        entry = JSON.parse(readFileSync(path, 'utf8')) as ChildEntry;
      } catch {
        entry = undefined;
      }
      yield { path, entry };
    }
  }

  reapOrphans(): number {
    let reaped = 0;
    for (const { path, entry } of this.entries()) {
      if (!entry) {
        rmSync(path, { force: true });
        continue;
      }
      if (!alive(entry.parentPid) && killIfStill(entry)) reaped++;
      if (!alive(entry.parentPid) || !alive(entry.pid)) rmSync(path, { force: true });
    }
    return reaped;
  }

  /**
   * SIGKILL every child this process recorded and forget them: a forced exit waits for nothing, and a child
   * left running (DynamoDB Local's JVM) would hold its port until the next start reaped it.
   */
  killOwn(): number {
    let killed = 0;
    // An unreadable file is left for the next start's reapOrphans.
    for (const { path, entry } of this.entries()) {
      if (!entry || entry.parentPid !== process.pid) continue;
      if (killIfStill(entry)) killed++;
      rmSync(path, { force: true });
    }
    return killed;
  }

  record(name: string, pid: number, marker: string): () => void {
    const path = join(this.dir, `${name}-${process.pid}.json`);
    writeFileSync(path, JSON.stringify({ pid, parentPid: process.pid, marker }));
    return () => {
      if (existsSync(path)) rmSync(path, { force: true });
    };
  }
}
