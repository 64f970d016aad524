// The parse worker's entry (issue 12 §5): one file per worker thread, started by read-grid.ts
// with a heap limit and killed past a time limit, so a file built to be slow or huge to read
// costs this thread, never the server's. Answers { ok: true, grid } (packed) or { ok: false, code, params }.
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { GridRefusal, packGrid, readCsv, readXlsx } from './grid-readers.mjs';

// The lowest CPU priority for this thread only (on Linux the nice value is per thread, and
// setpriority(0) names the caller): when cores are short, the server's own thread — every other
// user's request — runs first, and a file waits.
try {
  setPriority(19);
} catch {
  // Not permitted on this platform: the time limit still bounds the worker.
}

const { format, data, entries, limits } = workerData;

try {
  const grid =
    format === 'xlsx' ? await readXlsx(data, entries, limits) : await readCsv(data, limits);
  const packed = packGrid(grid);
  parentPort.postMessage({ ok: true, grid: packed }, [
    packed.offsets.buffer,
    packed.rowStarts.buffer,
    packed.lines.buffer,
  ]);
} catch (error) {
  if (error instanceof GridRefusal) {
    parentPort.postMessage({ ok: false, code: error.code, params: error.params });
  } else {
    // A bug or a library failure: its text stays in the server's log, the user reads our words.
    console.error('parse worker failed', error);
    parentPort.postMessage({ ok: false, code: 'FILE_UNREADABLE', params: {} });
  }
}
