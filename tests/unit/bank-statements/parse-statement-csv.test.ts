import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseStatementCsv } from '@/lib/bank-statements/parse-statement-csv';
import {
  writeStatementCsv,
  type FixtureLine,
} from '@/tests/fixtures/bank-statements/write-statements';

const EXAMPLE = readFileSync(
  new URL('../../fixtures/bank-statements/statement-example.csv', import.meta.url),
  'utf8',
);
const HEADER =
  'booking_date,value_date,bank_reference,amount,currency,payer_name,payer_voen,payer_iban,remittance';
const codes = (result: ReturnType<typeof parseStatementCsv>) => result.problems.map((p) => p.code);

const KUR: FixtureLine = {
  reference: 'KB20261112000042',
  bookingDate: '2026-11-12',
  valueDate: '2026-11-12',
  amount: '1200.00',
  payerName: 'Kür MMC',
  voen: '1700456781',
  iban: 'AZ00BANK00000000000000000043',
  remittance: '121111 MDSS',
};

describe('parseStatementCsv', () => {
  it('reads the example, quoted cells included', () => {
    const result = parseStatementCsv(EXAMPLE);
    expect(result.problems).toEqual([]);
    expect(
      result.lines.map((l) => [
        l.index,
        l.bankReference,
        l.amountQepik,
        l.payerName,
        l.valueDate,
        l.payerIban,
      ]),
    ).toEqual([
      [
        2,
        'PP202610ER62014567',
        488528,
        '"XEZER TEXNOLOGIYALARI" MMC',
        '2026-11-12',
        'AZ00BANK00000000000000000042',
      ],
      [3, 'PP202610EE62014567', 66617, 'XEZER TEXNOLOGIYALARI, MMC', '2026-11-11', null],
    ]);
    expect(result.lines[1]?.classCode).toBe('121211');
  });

  it.each([
    ['comma, LF', { delimiter: ',' as const }],
    ['semicolon, CRLF', { delimiter: ';' as const, eol: '\r\n' }],
    ['BOM, comma', { bom: true }],
    ['BOM, semicolon', { bom: true, delimiter: ';' as const }],
  ])('reads %s alike', (_name, options) => {
    const lines = [
      KUR,
      { ...KUR, reference: 'R2', amount: '1234.5', remittance: '121211; işçi payı, oktyabr' },
    ];
    const result = parseStatementCsv(writeStatementCsv(lines, options));
    expect(result.problems).toEqual([]);
    expect(result.lines.map((l) => [l.bankReference, l.amountQepik, l.remittance])).toEqual([
      ['KB20261112000042', 120000, '121111 MDSS'],
      ['R2', 123450, '121211; işçi payı, oktyabr'],
    ]);
  });

  it('accepts the columns in any order, in any case', () => {
    const csv =
      'REMITTANCE, Amount ,currency,bank_reference,booking_date,value_date,payer_name,payer_voen,payer_iban\n121111,0.01,AZN,R1,2026-11-12,,X,1402345671,\n';
    const result = parseStatementCsv(csv);
    expect(result.problems).toEqual([]);
    expect(result.lines[0]).toMatchObject({
      amountQepik: 1,
      valueDate: '2026-11-12',
      classCode: '121111',
    });
  });

  it.each([
    [
      'a missing column',
      HEADER.replace(',payer_iban', ''),
      { missing: 'payer_iban', repeated: '' },
    ],
    ['a repeated column', `${HEADER},amount`, { missing: '', repeated: 'amount' }],
    ['no header at all', '2026-11-12,2026-11-12,R1,1.00,AZN,X,1402345671,,121111', undefined],
  ])('refuses %s', (_name, header, params) => {
    const result = parseStatementCsv(`${header}\n`);
    expect(codes(result)).toEqual(['STATEMENT_HEADER_INVALID']);
    if (params !== undefined) expect(result.problems[0]?.params).toEqual(params);
  });

  it('refuses an empty file, an unreadable one and one over the cap', () => {
    expect(codes(parseStatementCsv(''))).toEqual(['STATEMENT_EMPTY']);
    expect(codes(parseStatementCsv('\uFEFF\n'))).toEqual(['STATEMENT_EMPTY']);
    expect(codes(parseStatementCsv(`${HEADER}\n2026-11-12,"unterminated\n`))).toEqual([
      'STATEMENT_CSV_INVALID',
    ]);
    expect(codes(parseStatementCsv(EXAMPLE, { maxChars: 10 }))).toEqual(['STATEMENT_TOO_LARGE']);
  });

  it('flags bad rows by their file line and keeps the good ones', () => {
    const csv = [
      HEADER,
      '2026-11-12,2026-11-12,R1,12.00,AZN,X,1402345671,,121111',
      '2026-11-12,2026-11-12,R2,12.00,USD,X,1402345671,,121111',
      '2026-11-12,2026-11-12,R3,-12.00,AZN,X,1402345671,,121111',
      '2026-11-12,2026-11-12,R4,"12,00",AZN,X,1402345671,,121111',
      '2026-11-12,2026-11-12,,12.00,AZN,X,1402345671,,121111',
      '',
      '12.11.2026,2026-11-12,R6,12.00,AZN,X,1402345671,,121111',
      '2026-11-12,2026-11-12,R7,12.00,AZN,X',
      '2026-11-12,2026-11-12,R8,0.01,azn,X,1402345671,,121111',
    ].join('\n');
    const result = parseStatementCsv(csv);
    expect(result.lines.map((l) => [l.index, l.bankReference, l.amountQepik])).toEqual([
      [2, 'R1', 1200],
      [10, 'R8', 1],
    ]);
    expect(result.problems.map((p) => [p.index, p.code])).toEqual([
      [3, 'LINE_CURRENCY_NOT_AZN'],
      [4, 'LINE_NOT_CREDIT'],
      [5, 'LINE_AMOUNT_INVALID'],
      [6, 'LINE_REFERENCE_MISSING'],
      [8, 'LINE_DATE_INVALID'],
      [9, 'LINE_COLUMN_COUNT'],
    ]);
  });

  it('reads back exactly the lines it was written from', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', 'Ə', 'ş', ' ', ',', ';', '"', '\n', '1'),
      minLength: 1,
      maxLength: 20,
    });
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            qepik: fc.integer({ min: 1, max: 100_000_000_000 }),
            payerName: text.filter((s) => s.trim() !== ''),
            remittance: text,
          }),
          { minLength: 1, maxLength: 20 },
        ),
        fc.constantFrom(',' as const, ';' as const),
        fc.boolean(),
        (specs, delimiter, bom) => {
          const lines = specs.map((s, i): FixtureLine => ({
            ...KUR,
            reference: `R${i}`,
            amount: `${Math.floor(s.qepik / 100)}.${String(s.qepik % 100).padStart(2, '0')}`,
            payerName: s.payerName,
            remittance: s.remittance,
          }));
          const result = parseStatementCsv(writeStatementCsv(lines, { delimiter, bom }));
          expect(result.problems).toEqual([]);
          expect(
            result.lines.map((l) => [l.bankReference, l.amountQepik, l.payerName, l.remittance]),
          ).toEqual(
            specs.map((s, i) => [`R${i}`, s.qepik, s.payerName.trim(), s.remittance.trim()]),
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});
