import 'server-only';
import type { ZipLimits } from './limits';

// A zip's table of contents read straight from its bytes (PKWARE APPNOTE 6.3.10 §4.3.12–16),
// nothing extracted: the End Of Central Directory record at the end of the file says where the
// central directory is, and each directory entry declares a part's sizes. An XLSX is refused on
// these numbers before the spreadsheet library inflates anything (issue 12 §5). The sizes are
// only declarations: the parse worker inflates each part with the declared size as its cap, so
// a file that lies here is stopped there.

/** One part of the zip as its central directory declares it. */
export type ZipEntry = {
  name: string;
  /** 0 stored, 8 deflated: the only two methods an XLSX uses. */
  method: 0 | 8;
  compressedSize: number;
  uncompressedSize: number;
  /** Where the part's local header starts. */
  localHeaderOffset: number;
};

/** Why a zip is refused; read-grid.ts turns each into the user's message. */
export type ZipRefusal =
  | { reason: 'MALFORMED' }
  | { reason: 'ENCRYPTED' }
  | { reason: 'ZIP64' }
  | { reason: 'TOO_MANY_ENTRIES'; count: number }
  | { reason: 'TOO_LARGE'; totalBytes: number }
  | { reason: 'RATIO'; name: string; ratio: number };

export type ZipDirectory = { ok: true; entries: ZipEntry[] } | ({ ok: false } & ZipRefusal);

const EOCD_SIGNATURE = 0x06054b50;
const EOCD_SIZE = 22;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const CENTRAL_SIZE = 46;
const ZIP64_EXTRA = 0x0001;
const MAX_COMMENT = 0xffff;
const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;

/** The EOCD record's offset: the last signature that lies where a record with its comment fits. */
function findEndRecord(view: DataView): number {
  const last = view.byteLength - EOCD_SIZE;
  for (let at = last; at >= 0 && at >= last - MAX_COMMENT; at -= 1) {
    if (view.getUint32(at, true) !== EOCD_SIGNATURE) continue;
    if (at + EOCD_SIZE + view.getUint16(at + 20, true) === view.byteLength) return at;
  }
  return -1;
}

/**
 * The zip64 "extended information" extra field (APPNOTE §4.5.3): the real 64-bit values of
 * whichever 32-bit fields hold 0xFFFFFFFF, in order. Writers that stream (not Excel) use it even
 * for small files. null when a value it must carry is missing.
 */
function readZip64Sizes(
  view: DataView,
  extraStart: number,
  extraLength: number,
  needs: { uncompressed: boolean; compressed: boolean; offset: boolean },
): { uncompressed?: number; compressed?: number; offset?: number } | null {
  for (let at = extraStart; at + 4 <= extraStart + extraLength;) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === ZIP64_EXTRA) {
      const values: number[] = [];
      for (let k = at + 4; k + 8 <= at + 4 + size; k += 8)
        values.push(Number(view.getBigUint64(k, true)));
      const out: { uncompressed?: number; compressed?: number; offset?: number } = {};
      for (const key of ['uncompressed', 'compressed', 'offset'] as const) {
        if (!needs[key]) continue;
        const value = values.shift();
        if (value === undefined) return null;
        out[key] = value;
      }
      return out;
    }
    at += 4 + size;
  }
  return null;
}

/** Every entry of the central directory, or MALFORMED / ENCRYPTED; sizes are not judged here. */
export function readZipDirectory(bytes: Uint8Array): ZipDirectory {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < EOCD_SIZE) return { ok: false, reason: 'MALFORMED' };
  const end = findEndRecord(view);
  if (end === -1) return { ok: false, reason: 'MALFORMED' };
  const disk = view.getUint16(end + 4, true);
  const directoryDisk = view.getUint16(end + 6, true);
  const onDisk = view.getUint16(end + 8, true);
  const count = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryOffset = view.getUint32(end + 16, true);
  // A zip64 end record is for more than 65 535 parts or a 4 GB file: far past any limit here,
  // so it is not read.
  const isZip64 =
    (end >= 20 && view.getUint32(end - 20, true) === ZIP64_LOCATOR_SIGNATURE) ||
    count === U16_MAX ||
    directorySize === U32_MAX ||
    directoryOffset === U32_MAX;
  if (isZip64) return { ok: false, reason: 'ZIP64' };
  // Split archives are never a workbook.
  if (disk !== 0 || directoryDisk !== 0 || onDisk !== count)
    return { ok: false, reason: 'MALFORMED' };
  if (directoryOffset + directorySize > end) return { ok: false, reason: 'MALFORMED' };

  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i += 1) {
    if (at + CENTRAL_SIZE > directoryOffset + directorySize)
      return { ok: false, reason: 'MALFORMED' };
    if (view.getUint32(at, true) !== CENTRAL_SIGNATURE) return { ok: false, reason: 'MALFORMED' };
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    let compressedSize = view.getUint32(at + 20, true);
    let uncompressedSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    let localHeaderOffset = view.getUint32(at + 42, true);
    const next = at + CENTRAL_SIZE + nameLength + extraLength + commentLength;
    if (next > directoryOffset + directorySize) return { ok: false, reason: 'MALFORMED' };
    if ((flags & 0x1) !== 0) return { ok: false, reason: 'ENCRYPTED' };
    if (method !== 0 && method !== 8) return { ok: false, reason: 'MALFORMED' };
    const needs = {
      uncompressed: uncompressedSize === U32_MAX,
      compressed: compressedSize === U32_MAX,
      offset: localHeaderOffset === U32_MAX,
    };
    if (needs.uncompressed || needs.compressed || needs.offset) {
      const wide = readZip64Sizes(view, at + CENTRAL_SIZE + nameLength, extraLength, needs);
      if (!wide) return { ok: false, reason: 'MALFORMED' };
      uncompressedSize = wide.uncompressed ?? uncompressedSize;
      compressedSize = wide.compressed ?? compressedSize;
      localHeaderOffset = wide.offset ?? localHeaderOffset;
    }
    if (localHeaderOffset + compressedSize > directoryOffset)
      return { ok: false, reason: 'MALFORMED' };
    if (method === 0 && compressedSize !== uncompressedSize)
      return { ok: false, reason: 'MALFORMED' };
    const name = new TextDecoder().decode(
      bytes.subarray(at + CENTRAL_SIZE, at + CENTRAL_SIZE + nameLength),
    );
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
    at = next;
  }
  return { ok: true, entries };
}

/** The limits an XLSX's directory must keep (lib/server/reports/import/limits.ts). */
export function checkZipBounds(entries: readonly ZipEntry[], limits: ZipLimits): ZipRefusal | null {
  if (entries.length > limits.maxEntries)
    return { reason: 'TOO_MANY_ENTRIES', count: entries.length };
  let totalBytes = 0;
  for (const entry of entries) {
    totalBytes += entry.uncompressedSize;
    if (entry.uncompressedSize <= limits.ratioFromBytes) continue;
    // A deflated part of 0 bytes that unpacks to megabytes is the extreme case of a bomb.
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (ratio > limits.maxRatio) return { reason: 'RATIO', name: entry.name, ratio };
  }
  if (totalBytes > limits.maxTotalUncompressedBytes) return { reason: 'TOO_LARGE', totalBytes };
  return null;
}

/** The directory read and judged in one step: the entries to inflate, or why not. */
export function inspectZip(bytes: Uint8Array, limits: ZipLimits): ZipDirectory {
  const directory = readZipDirectory(bytes);
  if (!directory.ok) return directory;
  const refusal = checkZipBounds(directory.entries, limits);
  return refusal ? { ok: false, ...refusal } : directory;
}
