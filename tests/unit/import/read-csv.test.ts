import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GRID_LIMITS } from '@/lib/server/reports/import/limits';
import { readCsv as readCsvWithin } from '@/lib/server/reports/import/worker/grid-readers.mjs';

const readCsv = (data: Uint8Array) => readCsvWithin(data, GRID_LIMITS);

const encode = (text: string) => new TextEncoder().encode(text);
const cell = fc.stringMatching(/^[0-9A-Za-zƏəİıÖöÜüÇçŞşĞğ .-]{0,12}$/);

describe('readCsv', () => {
  it('reads an unquoted file exactly as the general CSV parser does (lines, blanks, CRLF, BOM, ;)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 20 }),
        fc.constantFrom(',', ';'),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        async (rows, delimiter, eol, bom) => {
          const header = ['FIN', 'Soyad', 'Ad', '2025-07'].join(delimiter);
          const lines = [header, ...rows.map((r) => r.join(delimiter))];
          // A blank line in the middle must be skipped by both readers, keeping line numbers.
          lines.splice(Math.min(2, lines.length), 0, '');
          const body = `${bom ? '\uFEFF' : ''}${lines.join(eol)}${eol}`;
          const plain = await readCsv(encode(body));
          // The same file with one quoted header cell goes through csv-parse.
          const quoted = await readCsv(encode(body.replace('FIN', '"FIN"')));
          expect(plain.header).toEqual(quoted.header);
          expect(plain.rows).toEqual(quoted.rows);
        },
      ),
      { numRuns: 200 },
    );
  });
});
