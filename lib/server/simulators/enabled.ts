import 'server-only';

/**
 * Why this configuration must not start (issue 12 §9), or null: the simulated card and phone
 * sign for anyone who knows a demo PIN, so a production server (NODE_ENV=production, as under
 * `next start`) runs them only when the deployment says it is a demo: SIMULATORS_ALLOW_PRODUCTION=yes.
 */
export function simulatorsConfigurationProblem(
  env: NodeJS.ProcessEnv = process.env,
): string | null {
  if (env.NODE_ENV !== 'production' || env.SIMULATORS?.trim().toLowerCase() !== 'on') return null;
  if (env.SIMULATORS_ALLOW_PRODUCTION?.trim().toLowerCase() === 'yes') return null;
  return 'SIMULATORS=on in production: the simulated card and phone would sign for anyone. Set SIMULATORS=off, or SIMULATORS_ALLOW_PRODUCTION=yes for a demo deployment.';
}

/**
 * Whether the simulated card and phone may run (issue 4 §3): SIMULATORS=on enables, =off
 * disables; unset (or anything else) → on, except in production. In production, on only with
 * SIMULATORS_ALLOW_PRODUCTION=yes (the server refuses to start otherwise; this is the second
 * line). ARCHITECTURE.md §3.
 */
export function simulatorsEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  if (simulatorsConfigurationProblem(env)) return false;
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
