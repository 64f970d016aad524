import 'server-only';
import type { Db } from '@/db/types';
import { sweepPendingSubmissions } from './sweep-pending';

export const SWEEP_INTERVAL_MS = 60_000;

/**
 * Runs the sweep every minute in a long-running server (started from instrumentation.ts). The
 * timer is unref'd, so it never keeps a stopping process alive; a sweep still running when the
 * next tick comes is not doubled; a failure is logged and the next tick tries again. Returns a
 * function that stops it.
 */
export function startPendingSweep(
  getDb: () => Promise<Db>,
  intervalMs: number = SWEEP_INTERVAL_MS,
): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const { decided } = await sweepPendingSubmissions(await getDb());
      if (decided > 0)
        console.log(
          `[hesabat] Sweep: ${decided} received report(s) whose checks had stopped were decided.`,
        );
    } catch (error) {
      console.error(`[hesabat] Sweep failed: ${String(error).split('\n')[0]}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
