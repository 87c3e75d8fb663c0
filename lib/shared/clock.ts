/** The one place that reads wall-clock time, so tests and rules can pass their own. */
export const nowIso = (): string => new Date().toISOString();
export const nowEpochSeconds = (): number => Math.floor(Date.now() / 1000);
