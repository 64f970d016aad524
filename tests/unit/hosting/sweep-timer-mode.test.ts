import { describe, expect, it } from 'vitest';
import { sweepTimerEnabled, sweepTimerProblem } from '@/lib/server/submissions/sweep-timer-mode';

/** An environment of just these variables (ProcessEnv's type also demands NODE_ENV). */
const env = (vars: Record<string, string>) => vars as NodeJS.ProcessEnv;

describe('the in-process sweep timer', () => {
  it('runs on a long-running server with no cron', () => {
    expect(sweepTimerEnabled(env({}))).toBe(true);
  });

  it('is off when the host calls the cron route (CRON_SECRET set)', () => {
    expect(sweepTimerEnabled(env({ CRON_SECRET: 's3cret' }))).toBe(false);
  });

  it('SWEEP_TIMER decides when set', () => {
    expect(sweepTimerEnabled(env({ CRON_SECRET: 's3cret', SWEEP_TIMER: 'on' }))).toBe(true);
    expect(sweepTimerEnabled(env({ SWEEP_TIMER: 'OFF' }))).toBe(false);
  });

  it('anything else stops the start with one line', () => {
    expect(sweepTimerProblem(env({ SWEEP_TIMER: 'sometimes' }))).toMatch(/SWEEP_TIMER=sometimes/);
    expect(sweepTimerProblem(env({ SWEEP_TIMER: 'on' }))).toBeNull();
    expect(sweepTimerProblem(env({}))).toBeNull();
  });
});
