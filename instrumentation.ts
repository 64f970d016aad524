// Runs once per server process. The database code is Node-only, so it is imported lazily and only
// in the Node runtime (the edge bundle must not see PGlite or postgres.js).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startDatabase } = await import('./db/startup');
    await startDatabase();
  }
}
