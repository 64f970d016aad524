import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';

// A pin that holds only inside one piece of work (the demo history files its past quarters at
// their filing instants while the first visitor's requests run at the real time beside it).
const pinnedHere = new AsyncLocalStorage<Date>();

/**
 * The one place server code reads the time. HESABAT_NOW (ISO instant) pins it for demos and
 * e2e runs; `atInstant` pins it for one call's work only. Domain functions never read a clock,
 * they receive `asOf` from here.
 */
export function now(): Date {
  const here = pinnedHere.getStore();
  if (here) return new Date(here.getTime());
  const pinned = process.env.HESABAT_NOW?.trim();
  if (pinned) {
    const date = new Date(pinned);
    if (!Number.isNaN(date.getTime())) return date;
  }
  return new Date();
}

/** Runs `work` with `now()` answering `at` inside it (and in everything it awaits), nowhere else. */
export function atInstant<T>(at: Date, work: () => Promise<T>): Promise<T> {
  return pinnedHere.run(at, work);
}

/** Today's calendar date in Baku (UTC+4, no daylight saving), as 'YYYY-MM-DD'. */
export function todayInBaku(at: Date = now()): string {
  return new Date(at.getTime() + 4 * 3_600_000).toISOString().slice(0, 10);
}
