import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildStatementLine,
  classCodeFromRemittance,
  qepikFromStatementAmount,
  statementDate,
  voenFromRemittance,
  type RawStatementLine,
} from '@/lib/domain/bank-statements/statement-line';

const RAW: RawStatementLine = {
  index: 1,
  bankReference: 'PP202610ER62014567',
  bookingDate: '2026-11-12',
  valueDate: '2026-11-11',
  amount: '4885.28',
  currency: 'AZN',
  direction: 'CRDT',
  status: 'BOOK',
  payerName: 'XEZER TEXNOLOGIYALARI MMC',
  payerVoen: '1402345671',
  payerIban: 'az00 bank 0000 0000 0000 0000 0042',
  remittance: ' 121111 MDSS oktyabr 2026 ',
  endToEndId: 'MDSS-2026-10',
};

describe('qepikFromStatementAmount', () => {
  it.each([
    ['4885.28', 488528],
    ['1234.5', 123450],
    ['0.01', 1],
    ['12', 1200],
    [' 7.10 ', 710],
    ['-12.00', -1200],
    ['1000000000.00', 100000000000],
  ])('%s → %i qəpik', (text, qepik) => {
    expect(qepikFromStatementAmount(text)).toBe(qepik);
  });

  it.each(['', '1,5', '1 234.56', '1.234', '1e3', '.5', '5.', 'AZN 5', '1000000000.01', 'NaN'])(
    'refuses %j',
    (text) => {
      expect(qepikFromStatementAmount(text)).toBeNull();
    },
  );

  it('is exact for every whole-qəpik amount (no float on the way)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000_000_000 }), (qepik) => {
        const text = `${Math.floor(qepik / 100)}.${String(qepik % 100).padStart(2, '0')}`;
        expect(qepikFromStatementAmount(text)).toBe(qepik);
      }),
    );
  });
});

describe('remittance text', () => {
  it.each([
    ['121111 MDSS oktyabr 2026', '121111'],
    ['isci payi 10.2026 kod:121211', '121211'],
    ['VÖEN 1402345671 121111', '121111'],
    ['MDSS oktyabr 2026', null],
    ['1211110 too long', null],
  ])('class code of %j is %j', (text, code) => {
    expect(classCodeFromRemittance(text)).toBe(code);
  });

  it.each([
    ['VÖEN: 1402345671 121111', '1402345671'],
    ['voen 1700456781', '1700456781'],
    ['VOEN#1500678911', '1500678911'],
    ['121111 MDSS', null],
    ['VÖEN 14023456712', null],
  ])('VÖEN of %j is %j', (text, voen) => {
    expect(voenFromRemittance(text)).toBe(voen);
  });

  it.each([
    ['2026-11-12', '2026-11-12'],
    ['2026-11-12T10:00:00+04:00', '2026-11-12'],
    ['2026-02-30', null],
    ['12.11.2026', null],
    [null, null],
  ])('date %j is %j', (text, date) => {
    expect(statementDate(text)).toBe(date);
  });
});

describe('buildStatementLine', () => {
  it('normalizes a good credit', () => {
    const built = buildStatementLine(RAW);
    expect(built).toEqual({
      ok: true,
      line: {
        index: 1,
        bankReference: 'PP202610ER62014567',
        bookingDate: '2026-11-12',
        valueDate: '2026-11-11',
        amountQepik: 488528,
        currency: 'AZN',
        payerName: 'XEZER TEXNOLOGIYALARI MMC',
        payerVoen: '1402345671',
        payerIban: 'AZ00BANK00000000000000000042',
        classCode: '121111',
        remittance: '121111 MDSS oktyabr 2026',
        endToEndId: 'MDSS-2026-10',
      },
    });
  });

  it('takes the booking date when there is no value date, and the VÖEN from the text', () => {
    const built = buildStatementLine({
      ...RAW,
      valueDate: null,
      payerVoen: ' ',
      remittance: '121111 VÖEN 1700456781',
    });
    expect(built.ok && built.line.valueDate).toBe('2026-11-12');
    expect(built.ok && built.line.payerVoen).toBe('1700456781');
  });

  it.each<[string, Partial<RawStatementLine>, string[]]>([
    ['no reference', { bankReference: '  ' }, ['LINE_REFERENCE_MISSING']],
    ['bad booking date', { bookingDate: '2026-13-01' }, ['LINE_DATE_INVALID']],
    ['bad value date', { valueDate: 'yesterday' }, ['LINE_DATE_INVALID']],
    ['zero', { amount: '0.00' }, ['LINE_AMOUNT_INVALID']],
    ['three decimals', { amount: '1.005' }, ['LINE_AMOUNT_INVALID']],
    ['no amount', { amount: null }, ['LINE_AMOUNT_INVALID']],
    ['USD', { currency: 'USD' }, ['LINE_CURRENCY_NOT_AZN']],
    ['no currency', { currency: null }, ['LINE_CURRENCY_NOT_AZN']],
    ['debit', { direction: 'DBIT' }, ['LINE_NOT_CREDIT']],
    ['negative amount (CSV debit)', { direction: null, amount: '-5.00' }, ['LINE_NOT_CREDIT']],
    ['unknown direction', { direction: 'XXXX' }, ['LINE_NOT_CREDIT']],
    ['reversal', { reversal: true }, ['LINE_REVERSAL']],
    ['pending', { status: 'PDNG' }, ['LINE_NOT_BOOKED']],
    [
      'several at once',
      { currency: 'EUR', direction: 'DBIT', bookingDate: '' },
      ['LINE_DATE_INVALID', 'LINE_CURRENCY_NOT_AZN', 'LINE_NOT_CREDIT'],
    ],
  ])('%s is flagged', (_name, change, codes) => {
    const built = buildStatementLine({ ...RAW, ...change });
    expect(built.ok).toBe(false);
    if (!built.ok) {
      expect(built.problems.map((p) => p.code)).toEqual(codes);
      expect(built.problems.every((p) => p.index === 1)).toBe(true);
    }
  });
});
