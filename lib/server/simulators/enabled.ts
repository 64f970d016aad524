import 'server-only';

/**
 * Whether the simulated card and phone may run (issue 4 §3): SIMULATORS=on enables, =off
 * disables; unset (or anything else) → on, except in production. ARCHITECTURE.md §3.
 */
export function simulatorsEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.SIMULATORS?.trim().toLowerCase();
  if (value === 'on') return true;
  if (value === 'off') return false;
  return env.NODE_ENV !== 'production';
}

/**
 * Thrown when simulator code is reached while simulators are off. Pages and route handlers check
 * `simulatorsEnabled()` first and answer 404; this is the second line, so a forgotten check can
 * never let a "device" sign in production.
 */
export class SimulatorsDisabledError extends Error {
  constructor() {
    super('Simulators are disabled (SIMULATORS=off or production without SIMULATORS=on)');
    this.name = 'SimulatorsDisabledError';
  }
}

export function assertSimulatorsEnabled(): void {
  if (!simulatorsEnabled()) throw new SimulatorsDisabledError();
}
