/**
 * Whether this process runs the minute sweep itself. SWEEP_TIMER=on|off decides when set;
 * otherwise the timer is off when CRON_SECRET is set (the host calls /api/cron/decide-pending on
 * a schedule, as vercel.json does, and a serverless instance would not live to the next tick
 * anyway) and on without it (a long-running server with nothing calling it). Two callers at once
 * are harmless either way: the sweep takes an advisory lock and one of them returns at once.
 */
export function sweepTimerEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  const explicit = env.SWEEP_TIMER?.trim().toLowerCase();
  if (explicit === 'on') return true;
  if (explicit === 'off') return false;
  return !env.CRON_SECRET?.trim();
}

/** One line for the start when SWEEP_TIMER holds something else; null when it is fine. */
export function sweepTimerProblem(env: NodeJS.ProcessEnv = process.env): string | null {
  const explicit = env.SWEEP_TIMER?.trim().toLowerCase();
  if (!explicit || explicit === 'on' || explicit === 'off') return null;
  return `SWEEP_TIMER=${env.SWEEP_TIMER} must be on or off (unset: off when CRON_SECRET is set).`;
}
