import { config } from './config.ts';

/**
 * Named points where the local stack can make a handler crash on purpose, to
 * prove that a crash halfway loses nothing and does nothing twice. Inert
 * unless FAULT_INJECTION=on, which only the local stack sets. A fault may be
 * limited to one firm, so tests running side by side do not trip each other.
 */
const armed = new Map<string, number>();
const keyOf = (point: string, firmId?: string) => `${point}|${firmId ?? '*'}`;

export function armFault(point: string, times = 1, firmId?: string): void {
  const key = keyOf(point, firmId);
  armed.set(key, (armed.get(key) ?? 0) + times);
}

export function clearFaults(): void {
  armed.clear();
}

export class InjectedFault extends Error {
  constructor(point: string) {
    super(`Injected fault at ${point}`);
    this.name = 'InjectedFault';
  }
}

export function faultPoint(point: string, firmId: string): void {
  if (!config.faultInjection) return;
  for (const key of [keyOf(point, firmId), keyOf(point)]) {
    const left = armed.get(key) ?? 0;
    if (left <= 0) continue;
    armed.set(key, left - 1);
    throw new InjectedFault(point);
  }
}
