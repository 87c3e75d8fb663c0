import { config } from './config.ts';

/**
 * Named points where the local stack can make a handler crash on purpose, to
 * prove that a crash halfway loses nothing and does nothing twice. Inert
 * unless FAULT_INJECTION=on, which only the local stack sets.
 */
const armed = new Map<string, number>();

export function armFault(point: string, times = 1): void {
  armed.set(point, (armed.get(point) ?? 0) + times);
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

export function faultPoint(point: string): void {
  if (!config.faultInjection) return;
  const left = armed.get(point) ?? 0;
  if (left <= 0) return;
  armed.set(point, left - 1);
  throw new InjectedFault(point);
}
