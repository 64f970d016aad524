import 'server-only';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError, type AppErrorCode, type AppErrorParams } from '../../errors';
import { unpackGrid, type Grid, type PackedGrid } from './grid';
import {
  GRID_LIMITS,
  MAX_PARSE_WORKERS,
  PARSE_HEAP_LIMIT_MB,
  PARSE_TIME_LIMIT_MS,
  ZIP_LIMITS,
} from './limits';
import type { GridLimits, GridRefusalCode } from './worker/grid-readers.mjs';
import { inspectZip, type ZipEntry, type ZipRefusal } from './zip-directory';

// Reading a file off the request thread (issue 12 §5): the parser runs in a worker thread with
// a heap limit and is killed past a time limit, so an upload built to be slow or huge cannot
// stall the server for anyone else. The worker is a plain .mjs file loaded by Node from the
// project directory at run time (next.config.mjs traces it into the build output), because
// the Next.js bundle has no file of its own a worker could start.

const WORKER_FILE = path.join(
  /* turbopackIgnore: true */ process.cwd(),
  'lib/server/reports/import/worker/read-grid.worker.mjs',
);

/** The worker's limits; tests lower them to see a breach answered without waiting for one. */
export type WorkerLimits = { timeLimitMs: number; heapLimitMb: number };

const WORKER_LIMITS: WorkerLimits = {
  timeLimitMs: PARSE_TIME_LIMIT_MS,
  heapLimitMb: PARSE_HEAP_LIMIT_MB,
};

type WorkerAnswer =
  { ok: true; grid: PackedGrid } | { ok: false; code: GridRefusalCode; params: AppErrorParams };

/** Worker slots: at most MAX_PARSE_WORKERS files are read at once; the others wait in order. */
let running = 0;
const waiting: (() => void)[] = [];

async function withWorkerSlot<T>(work: () => Promise<T>): Promise<T> {
  // A freed slot passes straight to the first waiter, so a newcomer cannot take it in between.
  if (running >= MAX_PARSE_WORKERS) await new Promise<void>((go) => waiting.push(go));
  else running += 1;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }
}

/** Runs one file in a fresh worker; a breach of time or memory is FILE_TOO_COMPLEX. */
function runWorker(
  workerData: {
    format: 'csv' | 'xlsx';
    data: Uint8Array;
    entries: readonly ZipEntry[];
    limits: GridLimits;
  },
  limits: WorkerLimits,
): Promise<WorkerAnswer> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_FILE, {
      workerData,
      resourceLimits: { maxOldGenerationSizeMb: limits.heapLimitMb },
    });
    let settled = false;
    const settle = (answer: WorkerAnswer | Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      if (answer instanceof Error) reject(answer);
      else resolve(answer);
    };
    const tooComplex: WorkerAnswer = { ok: false, code: 'FILE_TOO_COMPLEX', params: {} };
    const timer = setTimeout(() => settle(tooComplex), limits.timeLimitMs);
    worker.once('message', (answer: WorkerAnswer) => settle(answer));
    worker.once('error', (error: Error & { code?: string }) => {
      // Out of heap is the file's fault; anything else (the worker file missing) is ours.
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') settle(tooComplex);
      else settle(error);
    });
    worker.once('exit', () => settle(new Error('parse worker exited without an answer')));
  });
}

const ZIP_REFUSALS: Record<ZipRefusal['reason'], (r: ZipRefusal) => AppError> = {
  MALFORMED: () => new AppError('FILE_DAMAGED'),
  ENCRYPTED: () => new AppError('FILE_ENCRYPTED'),
  ZIP64: () => new AppError('FILE_TOO_COMPLEX'),
  TOO_MANY_ENTRIES: () => new AppError('FILE_TOO_COMPLEX'),
  RATIO: () => new AppError('FILE_TOO_COMPLEX'),
  TOO_LARGE: () =>
    new AppError('FILE_UNPACKED_TOO_LARGE', {
      params: { maxMb: ZIP_LIMITS.maxTotalUncompressedBytes / 1024 / 1024 },
    }),
};

/**
 * A CSV or XLSX file as a grid, within the limits of limits.ts: an XLSX's zip directory is
 * judged here before anything is inflated, and the reading itself happens in a worker.
 */
export async function readGrid(
  data: Uint8Array,
  format: 'csv' | 'xlsx',
  workerLimits: WorkerLimits = WORKER_LIMITS,
): Promise<Grid> {
  let entries: ZipEntry[] = [];
  if (format === 'xlsx') {
    const zip = inspectZip(data, ZIP_LIMITS);
    if (!zip.ok) throw ZIP_REFUSALS[zip.reason](zip);
    entries = zip.entries;
  }
  const answer = await withWorkerSlot(() =>
    runWorker({ format, data, entries, limits: GRID_LIMITS }, workerLimits),
  );
  if (answer.ok) return unpackGrid(answer.grid);
  const code: AppErrorCode = answer.code;
  throw new AppError(code, { params: answer.params });
}
