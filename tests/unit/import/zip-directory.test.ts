import { describe, expect, it } from 'vitest';
import { ZIP_LIMITS } from '@/lib/server/reports/import/limits';
import {
  checkZipBounds,
  inspectZip,
  readZipDirectory,
  type ZipEntry,
} from '@/lib/server/reports/import/zip-directory';
import { bombSheet, buildZip, sheetXml, workbook } from '../../fixtures/zip-files';

// Issue 12 §5: the zip's central directory is read and judged before any part is inflated.

const part = (name: string, text: string) => ({ name, content: Buffer.from(text) });
const entry = (over: Partial<ZipEntry>): ZipEntry => ({
  name: 'xl/worksheets/sheet1.xml',
  method: 8,
  compressedSize: 1_000,
  uncompressedSize: 10_000,
  localHeaderOffset: 0,
  ...over,
});

describe('readZipDirectory', () => {
  it('lists every part with its method, sizes and local header offset', () => {
    const zip = buildZip([
      part('a.xml', 'x'.repeat(5_000)),
      { ...part('b.txt', 'hello'), method: 0 },
    ]);
    const directory = readZipDirectory(zip);
    expect(directory.ok).toBe(true);
    if (!directory.ok) return;
    expect(directory.entries.map((e) => [e.name, e.method, e.uncompressedSize])).toEqual([
      ['a.xml', 8, 5_000],
      ['b.txt', 0, 5],
    ]);
    const [a, b] = directory.entries;
    expect(a?.localHeaderOffset).toBe(0);
    expect(zip.readUInt32LE(b!.localHeaderOffset)).toBe(0x04034b50);
    expect(a!.compressedSize).toBeLessThan(100);
  });

  it('finds the end record past an archive comment', () => {
    const zip = buildZip([part('a.xml', 'x')], 'PK\x05\x06 in a comment '.repeat(50));
    expect(readZipDirectory(zip)).toMatchObject({ ok: true, entries: [{ name: 'a.xml' }] });
  });

  it('reads the workbook exceljs would open', () => {
    const directory = readZipDirectory(workbook(sheetXml([['FIN', 'Soyad', 'Ad']])));
    expect(directory.ok && directory.entries.map((e) => e.name)).toContain(
      'xl/worksheets/sheet1.xml',
    );
  });

  it('refuses a truncated, cut or overlapping zip as malformed', () => {
    const zip = buildZip([part('a.xml', 'x'.repeat(1_000)), part('b.xml', 'y')]);
    const malformed = { ok: false, reason: 'MALFORMED' };
    expect(readZipDirectory(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toEqual(malformed);
    expect(readZipDirectory(zip.subarray(0, zip.length - 5))).toEqual(malformed);
    expect(readZipDirectory(zip.subarray(10))).toEqual(malformed);
    // The directory claims one more entry than it holds.
    const more = Buffer.from(zip);
    const end = more.length - 22;
    more.writeUInt16LE(3, end + 8);
    more.writeUInt16LE(3, end + 10);
    expect(readZipDirectory(more)).toEqual(malformed);
    // A part whose data would run into the directory.
    const long = Buffer.from(zip);
    const central = long.readUInt32LE(end + 16);
    long.writeUInt32LE(10_000_000, central + 20);
    expect(readZipDirectory(long)).toEqual(malformed);
    // An unknown compression method (12: bzip2).
    const bzip = Buffer.from(zip);
    bzip.writeUInt16LE(12, central + 10);
    expect(readZipDirectory(bzip)).toEqual(malformed);
    // A split archive.
    const split = Buffer.from(zip);
    split.writeUInt16LE(1, end + 4);
    expect(readZipDirectory(split)).toEqual(malformed);
  });

  it('refuses an encrypted part and a zip64 archive', () => {
    const encrypted = buildZip([{ ...part('a.xml', 'x'), flags: 1 }]);
    expect(readZipDirectory(encrypted)).toEqual({ ok: false, reason: 'ENCRYPTED' });
    const zip64 = Buffer.from(buildZip([part('a.xml', 'x')]));
    zip64.writeUInt16LE(0xffff, zip64.length - 22 + 8);
    zip64.writeUInt16LE(0xffff, zip64.length - 22 + 10);
    expect(readZipDirectory(zip64)).toEqual({ ok: false, reason: 'ZIP64' });
  });

  it('reads a part whose sizes are in the zip64 extra field', () => {
    const zip = Buffer.from(buildZip([part('a.xml', 'x'.repeat(300))]));
    const end = zip.length - 22;
    const central = zip.readUInt32LE(end + 16);
    const compressed = zip.readUInt32LE(central + 20);
    const nameLength = zip.readUInt16LE(central + 28);
    zip.writeUInt32LE(0xffffffff, central + 20);
    zip.writeUInt32LE(0xffffffff, central + 24);
    zip.writeUInt16LE(20, central + 30);
    const extra = Buffer.alloc(20);
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(16, 2);
    extra.writeBigUInt64LE(300n, 4); // uncompressed comes first (APPNOTE §4.5.3)
    extra.writeBigUInt64LE(BigInt(compressed), 12);
    const at = central + 46 + nameLength;
    const patched = Buffer.concat([zip.subarray(0, at), extra, zip.subarray(at)]);
    patched.writeUInt32LE(
      patched.readUInt32LE(patched.length - 22 + 12) + 20,
      patched.length - 22 + 12,
    );
    expect(readZipDirectory(patched)).toMatchObject({
      ok: true,
      entries: [{ name: 'a.xml', uncompressedSize: 300, compressedSize: compressed }],
    });
  });
});

describe('checkZipBounds', () => {
  it('passes a workbook of 100 000 rows (30 MB at ~10:1)', () => {
    const entries = [entry({ compressedSize: 3_000_000, uncompressedSize: 30_000_000 })];
    expect(checkZipBounds(entries, ZIP_LIMITS)).toBeNull();
  });

  it('refuses too many parts', () => {
    const entries = Array.from({ length: ZIP_LIMITS.maxEntries + 1 }, () => entry({}));
    expect(checkZipBounds(entries, ZIP_LIMITS)).toEqual({
      reason: 'TOO_MANY_ENTRIES',
      count: ZIP_LIMITS.maxEntries + 1,
    });
    expect(checkZipBounds(entries.slice(1), ZIP_LIMITS)).toBeNull();
  });

  it('refuses a declared total over the cap, even spread over honest parts', () => {
    const mb = 1024 * 1024;
    const parts = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        entry({ name: `p${i}`, compressedSize: 2 * mb, uncompressedSize: 20 * mb }),
      );
    expect(checkZipBounds(parts(5), ZIP_LIMITS)).toBeNull();
    expect(checkZipBounds(parts(6), ZIP_LIMITS)).toMatchObject({ reason: 'TOO_LARGE' });
  });

  it('refuses a part over the ratio, but not a small part that compresses well', () => {
    const mb = 1024 * 1024;
    expect(
      checkZipBounds([entry({ compressedSize: 10_000, uncompressedSize: 2 * mb })], ZIP_LIMITS),
    ).toMatchObject({ reason: 'RATIO', name: 'xl/worksheets/sheet1.xml' });
    expect(
      checkZipBounds([entry({ compressedSize: 0, uncompressedSize: 2 * mb })], ZIP_LIMITS),
    ).toMatchObject({ reason: 'RATIO' });
    expect(
      checkZipBounds([entry({ compressedSize: 100, uncompressedSize: mb })], ZIP_LIMITS),
    ).toBeNull();
  });
});

describe('inspectZip on a real bomb', () => {
  it('refuses 200 MB of rows packed into 815 KB, reading only the directory', () => {
    const bomb = workbook(bombSheet(200), { level: 9 });
    expect(bomb.length).toBeLessThan(900 * 1024);
    const started = performance.now();
    expect(inspectZip(bomb, ZIP_LIMITS)).toMatchObject({ ok: false, reason: 'RATIO' });
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('refuses a bomb that stays under the ratio by its declared total', () => {
    const sheet = { ...part('xl/worksheets/sheet1.xml', ''), declaredSize: 150 * 1024 * 1024 };
    // Declared 150 MB in 2 MB of (here: random) data: ratio 75, total over 100 MB.
    const noise = Buffer.alloc(2 * 1024 * 1024);
    for (let i = 0; i < noise.length; i += 1) noise[i] = (i * 2654435761) >>> 24;
    const zip = buildZip([{ ...sheet, content: noise, method: 0, declaredSize: undefined }]);
    expect(inspectZip(zip, ZIP_LIMITS)).toMatchObject({ ok: true });
    const lying = Buffer.from(zip);
    const end = lying.length - 22;
    const central = lying.readUInt32LE(end + 16);
    lying.writeUInt16LE(8, central + 10); // "deflated", so the sizes may differ
    lying.writeUInt32LE(150 * 1024 * 1024, central + 24);
    expect(inspectZip(lying, ZIP_LIMITS)).toMatchObject({ ok: false, reason: 'TOO_LARGE' });
  });
});
