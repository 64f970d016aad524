import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

// Plain JavaScript, evaluated by the worker: bundlers leave a string alone, and Node resolves the
// package from the working directory (the repository root, as for the migrations).
const INITDB = `
const { workerData } = require('node:worker_threads');
import('@electric-sql/pglite')
  .then(async ({ PGlite }) => (await PGlite.create(workerData)).close())
  .then(() => process.exit(0), (error) => {
    console.error(String(error));
    process.exit(1);
  });
`;

/**
 * A brand-new embedded database directory is initialised (PostgreSQL's initdb, about 3.5 s of
 * WebAssembly that never yields) on a worker thread, so the server's event loop stays free:
 * under `npm run dev` it compiles and serves the first page meanwhile (issue 15). Reopening
 * the initialised directory on the main thread then takes about 0.4 s. A directory that holds a
 * database already is left to the caller.
 */
export async function initialiseEmbeddedDirectory(directory: string): Promise<void> {
  if (existsSync(join(directory, 'PG_VERSION'))) return;
  await new Promise<void>((resolve, reject) => {
    const worker = new Worker(INITDB, { eval: true, workerData: directory });
    worker.once('error', reject);
    worker.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`initdb in ${directory} exited with ${code}`)),
    );
  });
}
