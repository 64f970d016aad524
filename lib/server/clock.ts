import 'server-only';

/**
 * The one place server code reads the time. HESABAT_NOW (ISO instant) pins it for demos and
 * e2e runs; domain functions never read a clock, they receive `asOf` from here.
 */
export function now(): Date {
  const pinned = process.env.HESABAT_NOW?.trim();
  if (pinned) {
    const date = new Date(pinned);
    if (!Number.isNaN(date.getTime())) return date;
  }
  return new Date();
}

/** Today's calendar date in Baku (UTC+4, no daylight saving), as 'YYYY-MM-DD'. */
export function todayInBaku(at: Date = now()): string {
  return new Date(at.getTime() + 4 * 3_600_000).toISOString().slice(0, 10);
}
