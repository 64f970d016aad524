// Runs once per server process. The database code is Node-only, so it is imported lazily and only
// in the Node runtime (the edge bundle must not see PGlite or postgres.js).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    // Before any request is served: the rate limits key on the socket's peer (issue 12 §7).
    const { installPeerHeaders } = await import('./lib/server/peer-headers');
    installPeerHeaders();
    const { trustedProxiesProblem } = await import('./lib/edge/forwarded-client');
    const { simulatorsConfigurationProblem } = await import('./lib/server/simulators/enabled');
    const { publicUrlProblem } = await import('./lib/server/public-url');
    const { sweepTimerEnabled, sweepTimerProblem } =
      await import('./lib/server/submissions/sweep-timer-mode');
    // The simulators first: whether they are on decides whether PUBLIC_URL is required.
    const problem =
      simulatorsConfigurationProblem() ??
      publicUrlProblem() ??
      trustedProxiesProblem() ??
      sweepTimerProblem();
    if (problem) {
      console.error(`[hesabat] ${problem}`);
      process.exit(1);
    }
    const { startDatabase } = await import('./db/startup');
    const development = process.env.NODE_ENV === 'development';
    const { firstPageServed } = await import('./lib/server/dev/first-page-served');
    // The demo history files past quarters through the sending use cases (lib/server), which
    // db/ must not import: it is handed in from here.
    const { background } = await startDatabase({
      // `next dev` serves its first page while the database starts, then files the demo history;
      // `next start` (tests, self-hosting on PGlite) starts with all of it done.
      serveWhileStarting: development ? { firstPage: firstPageServed(30_000) } : undefined,
      afterSeed: async (db) => {
        const { seedDemoHistory } = await import('./lib/server/demo/seed-history');
        const started = performance.now();
        const filed = await seedDemoHistory(db);
        return `Demo history: ${filed} past reports filed and accepted in ${Math.round(performance.now() - started)} ms.`;
      },
      afterMigrate: async (db) => {
        const { decidePendingSubmissions } =
          await import('./lib/server/submissions/decide-pending');
        const decided = await decidePendingSubmissions(db);
        return decided > 0
          ? `${decided} received report(s) whose checks had stopped were decided.`
          : null;
      },
    });
    // What the start did once, every minute from now on: a submission a crash of another
    // instance (or of this one, later) leaves Received is decided without waiting for a restart.
    // Off where the host's cron calls /api/cron/decide-pending instead (sweep-timer-mode.ts).
    if (sweepTimerEnabled()) {
      const { startPendingSweep } = await import('./lib/server/submissions/sweep-timer');
      const { getDb } = await import('./db/client');
      // After the demo history: its submissions were received at past instants and would look
      // long interrupted to the sweep while it is still deciding them itself.
      void background.then(() => startPendingSweep(getDb));
    } else {
      console.log('[hesabat] Sweep timer off: the host calls /api/cron/decide-pending.');
    }
  }
}
