import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCamt053 } from '@/lib/bank-statements/parse-camt053';
import { writeCamt053, type FixtureLine } from '@/tests/fixtures/bank-statements/write-statements';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/bank-statements/${name}`, import.meta.url), 'utf8');

const codes = (result: ReturnType<typeof parseCamt053>) => result.problems.map((p) => p.code);

const XEZER: FixtureLine = {
  reference: 'PP202611ER00000001',
  bookingDate: '2026-11-12',
  valueDate: '2026-11-11',
  amount: '4885.28',
  payerName: '"XƏZƏR TEXNOLOGİYALARI" MMC',
  voen: '1402345671',
  iban: 'AZ21AIIB38090019440100206101',
  remittance: '121111 MDSS oktyabr 2026',
  endToEndId: 'MDSS-2026-10',
};

describe('parseCamt053', () => {
  it('reads the reference example', () => {
    const result = parseCamt053(fixture('camt053-example.xml'));
    expect(result.problems).toEqual([]);
    expect(
      result.lines.map((l) => [l.index, l.bankReference, l.amountQepik, l.payerVoen, l.classCode]),
    ).toEqual([
      [1, 'PP202610ER62014567', 488528, '1402345671', '121111'],
      [2, 'PP202610EE62014567', 66617, '1402345671', '121211'],
    ]);
    expect(result.lines[0]).toMatchObject({
      payerName: 'XEZER TEXNOLOGIYALARI MMC',
      payerIban: 'AZ00BANK00000000000000000042',
      endToEndId: 'MDSS-2026-10',
      valueDate: '2026-11-12',
      remittance: '121111 MDSS oktyabr 2026',
    });
  });

  it('accepts a BOM and a namespace prefix, and decodes predefined entities', () => {
    const xml = writeCamt053([{ ...XEZER, payerName: 'A & B <MMC>' }])
      .replace(/<(\/?)(?=[A-Z])/g, '<$1c:')
      .replace('xmlns=', 'xmlns:c=');
    const result = parseCamt053(`\uFEFF${xml}`);
    expect(result.problems).toEqual([]);
    expect(result.lines[0]?.payerName).toBe('A & B <MMC>');
  });

  it.each([
    ['not XML', 'hello', 'STATEMENT_XML_INVALID'],
    ['unclosed tag', '<Document><BkToCstmrStmt></Document>', 'STATEMENT_XML_INVALID'],
    ['empty', '  ', 'STATEMENT_EMPTY'],
    [
      'another message',
      '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.02"><BkToCstmrStmt/></Document>',
      'STATEMENT_NOT_CAMT053',
    ],
    [
      'no namespace',
      '<Document><BkToCstmrStmt><Stmt/></BkToCstmrStmt></Document>',
      'STATEMENT_NOT_CAMT053',
    ],
  ])('refuses %s', (_name, xml, code) => {
    const result = parseCamt053(xml);
    expect(result.lines).toEqual([]);
    expect(codes(result)).toEqual([code]);
  });

  it('refuses a billion-laughs document at once, without expanding anything', () => {
    const start = performance.now();
    const result = parseCamt053(fixture('billion-laughs.xml'));
    expect(codes(result)).toEqual(['STATEMENT_DOCTYPE_REFUSED']);
    expect(performance.now() - start).toBeLessThan(100);
  });

  it('refuses an input over the size cap before parsing', () => {
    const xml = writeCamt053([XEZER]);
    expect(codes(parseCamt053(xml, { maxChars: 100 }))).toEqual(['STATEMENT_TOO_LARGE']);
    expect(parseCamt053(xml, { maxChars: xml.length }).lines).toHaveLength(1);
  });

  it('flags non-AZN, debit, reversal and unbooked entries per line and keeps the rest', () => {
    const xml = writeCamt053([
      XEZER,
      { ...XEZER, reference: 'R-USD', currency: 'USD' },
      { ...XEZER, reference: 'R-DBIT', direction: 'DBIT', amount: '10.00' },
      { ...XEZER, reference: 'R-REV' },
      { ...XEZER, reference: 'R-PDNG' },
      { ...XEZER, reference: 'R-DEC', amount: '1234.5' },
      { ...XEZER, reference: 'R-MIN', amount: '0.01' },
    ])
      .replace(
        /(<CdtDbtInd>CRDT<\/CdtDbtInd>)(<Sts>BOOK<\/Sts>\s*<BookgDt><Dt>2026-11-12<\/Dt><\/BookgDt><ValDt><Dt>2026-11-11<\/Dt><\/ValDt>\s*<AcctSvcrRef>R-REV)/,
        '$1<RvslInd>true</RvslInd>$2',
      )
      .replace(
        /<Sts>BOOK<\/Sts>(\s*<BookgDt><Dt>2026-11-12<\/Dt><\/BookgDt><ValDt><Dt>2026-11-11<\/Dt><\/ValDt>\s*<AcctSvcrRef>R-PDNG)/,
        '<Sts>PDNG</Sts>$1',
      );
    const result = parseCamt053(xml);
    expect(result.lines.map((l) => [l.bankReference, l.amountQepik])).toEqual([
      ['PP202611ER00000001', 488528],
      ['R-DEC', 123450],
      ['R-MIN', 1],
    ]);
    expect(result.problems.map((p) => [p.index, p.code, p.bankReference ?? null])).toEqual([
      // The pending entry is not booked, so the booked balance no longer adds up: reported too.
      [0, 'STATEMENT_BALANCE_MISMATCH', null],
      [2, 'LINE_CURRENCY_NOT_AZN', 'R-USD'],
      [3, 'LINE_NOT_CREDIT', 'R-DBIT'],
      [4, 'LINE_REVERSAL', 'R-REV'],
      [5, 'LINE_NOT_BOOKED', 'R-PDNG'],
    ]);
  });

  it.each([
    [
      'amount',
      '4885.28</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>',
      '4,885.28</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>',
      'LINE_AMOUNT_INVALID',
    ],
    ['reference', '<AcctSvcrRef>PP202611ER00000001</AcctSvcrRef>', '', 'LINE_REFERENCE_MISSING'],
    ['date', '<BookgDt><Dt>2026-11-12</Dt>', '<BookgDt><Dt>2026-11-31</Dt>', 'LINE_DATE_INVALID'],
  ])('flags a bad %s', (_name, from, to, code) => {
    const result = parseCamt053(writeCamt053([XEZER]).replace(from, to));
    expect(result.lines).toEqual([]);
    expect(codes(result)).toContain(code);
  });

  it('checks the declared count, sum and closing balance', () => {
    const xml = writeCamt053([XEZER, { ...XEZER, reference: 'R2', amount: '1.00' }]);
    expect(codes(parseCamt053(xml.replace('<NbOfNtries>2<', '<NbOfNtries>3<')))).toEqual([
      'STATEMENT_COUNT_MISMATCH',
    ]);
    expect(codes(parseCamt053(xml.replace('<Sum>4886.28<', '<Sum>4886.29<')))).toEqual([
      'STATEMENT_SUM_MISMATCH',
    ]);
    const broken = parseCamt053(
      xml.replace('">4886.28</Amt><CdtDbtInd>CRDT', '">4886.27</Amt><CdtDbtInd>CRDT'),
    );
    expect(codes(broken)).toEqual(['STATEMENT_BALANCE_MISMATCH']);
    expect(broken.problems[0]?.params).toMatchObject({ expected: '4886.28', closing: '4886.27' });
    // The lines themselves are still read: a person decides what the mismatch means.
    expect(broken.lines).toHaveLength(2);
  });

  it('splits a batch entry into its transactions, each with its own reference', () => {
    const batch = `<Ntry><Amt Ccy="AZN">150.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
<BookgDt><Dt>2026-11-12</Dt></BookgDt><AcctSvcrRef>BATCH-1</AcctSvcrRef><NtryDtls>
<TxDtls><AmtDtls><TxAmt><Amt Ccy="AZN">100.00</Amt></TxAmt></AmtDtls><RltdPties><Dbtr><Nm>A</Nm><Id><PrvtId><Othr><Id>1500678911</Id><SchmeNm><Prtry>VOEN</Prtry></SchmeNm></Othr></PrvtId></Id></Dbtr></RltdPties><RmtInf><Strd><CdtrRefInf><Ref>121112</Ref></CdtrRefInf></Strd></RmtInf></TxDtls>
<TxDtls><Refs><AcctSvcrRef>BATCH-1-B</AcctSvcrRef></Refs><AmtDtls><TxAmt><Amt Ccy="AZN">50.00</Amt></TxAmt></AmtDtls><RmtInf><Ustrd>121212 VÖEN 1700456781</Ustrd></RmtInf></TxDtls>
</NtryDtls></Ntry>`;
    const xml = writeCamt053([]).replace('</Stmt>', `${batch}</Stmt>`);
    const result = parseCamt053(xml);
    expect(
      result.lines.map((l) => [l.index, l.bankReference, l.amountQepik, l.payerVoen, l.classCode]),
    ).toEqual([
      [1, 'BATCH-1/1', 10000, '1500678911', '121112'],
      [2, 'BATCH-1-B', 5000, '1700456781', '121212'],
    ]);
    // The header was written for no entries: count, sum and balance now disagree.
    expect(codes(result)).toEqual([
      'STATEMENT_COUNT_MISMATCH',
      'STATEMENT_SUM_MISMATCH',
      'STATEMENT_BALANCE_MISMATCH',
    ]);
    const unequal = parseCamt053(xml.replace('>50.00<', '>49.99<'));
    expect(unequal.lines).toEqual([]);
    expect(codes(unequal)).toContain('LINE_BATCH_SUM_MISMATCH');
  });

  it('reads back exactly the lines it was written from (amounts to the qəpik)', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', 'Ə', 'ş', ' ', '&', '<', '"', "'", '1'),
      minLength: 1,
      maxLength: 20,
    });
    const arbLine = fc.record({
      qepik: fc.integer({ min: 1, max: 100_000_000_000 }),
      oneDecimal: fc.boolean(),
      day: fc.integer({ min: 1, max: 28 }),
      payerName: text.filter((s) => s.trim() !== ''),
      voen: fc.stringMatching(/^\d{9}[12]$/),
      remittance: text,
    });
    fc.assert(
      fc.property(fc.array(arbLine, { minLength: 1, maxLength: 25 }), (specs) => {
        const lines: FixtureLine[] = specs.map((s, i) => {
          const whole = Math.floor(s.qepik / 100);
          const cents = String(s.qepik % 100).padStart(2, '0');
          const amount =
            s.oneDecimal && cents.endsWith('0') ? `${whole}.${cents[0]}` : `${whole}.${cents}`;
          const date = `2026-10-${String(s.day).padStart(2, '0')}`;
          return {
            ...XEZER,
            reference: `R${i}`,
            amount,
            bookingDate: date,
            valueDate: date,
            payerName: s.payerName,
            voen: s.voen,
            remittance: s.remittance,
          };
        });
        const result = parseCamt053(writeCamt053(lines));
        expect(result.problems).toEqual([]);
        expect(
          result.lines.map((l) => [
            l.bankReference,
            l.amountQepik,
            l.valueDate,
            l.payerName,
            l.payerVoen,
            l.remittance,
          ]),
        ).toEqual(
          specs.map((s, i) => [
            `R${i}`,
            s.qepik,
            lines[i]?.valueDate,
            s.payerName.trim(),
            s.voen,
            s.remittance.trim(),
          ]),
        );
      }),
      { numRuns: 60 },
    );
  });
});
