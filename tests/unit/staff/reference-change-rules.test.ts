import { describe, expect, it } from 'vitest';
import {
  acceptedReportsTouched,
  firstTouchedQuarter,
  parsePercentRate,
  parseReferenceDate,
  parseWholeNumber,
  percentOf,
  romanQuarter,
} from '@/lib/domain/staff/reference-change-rules';

const accepted = [
  { employerName: 'Kür İnşaat', year: 2026, quarter: 2 },
  { employerName: 'Xəzər Texnologiyaları', year: 2026, quarter: 3 },
  { employerName: 'Xəzər Texnologiyaları', year: 2025, quarter: 4 },
];

describe('firstTouchedQuarter', () => {
  it('a version from D touches the quarter of D and every later one', () => {
    expect(firstTouchedQuarter({ kind: 'FROM_DATE', from: '2026-08-01' })).toEqual({
      year: 2026,
      quarter: 3,
    });
    expect(firstTouchedQuarter({ kind: 'FROM_DATE', from: '2027-01-01' })).toEqual({
      year: 2027,
      quarter: 1,
    });
  });
  it('a holiday in the first month of a quarter also touches the previous quarter', () => {
    expect(firstTouchedQuarter({ kind: 'HOLIDAY', day: '2027-01-21' })).toEqual({
      year: 2026,
      quarter: 4,
    });
    expect(firstTouchedQuarter({ kind: 'HOLIDAY', day: '2026-10-20' })).toEqual({
      year: 2026,
      quarter: 3,
    });
    expect(firstTouchedQuarter({ kind: 'HOLIDAY', day: '2026-11-20' })).toEqual({
      year: 2026,
      quarter: 4,
    });
  });
  it('a malformed date touches nothing', () => {
    expect(firstTouchedQuarter({ kind: 'FROM_DATE', from: '2026-02-30' })).toBeNull();
    expect(acceptedReportsTouched({ kind: 'FROM_DATE', from: 'x' }, accepted)).toEqual([]);
  });
});

describe('acceptedReportsTouched', () => {
  it('lists the accepted reports from the first touched quarter on, earliest first', () => {
    const touched = acceptedReportsTouched({ kind: 'FROM_DATE', from: '2026-05-01' }, accepted);
    expect(touched.map((r) => `${r.employerName} ${r.year}/${r.quarter}`)).toEqual([
      'Kür İnşaat 2026/2',
      'Xəzər Texnologiyaları 2026/3',
    ]);
  });
  it('a change after every accepted period touches none', () => {
    expect(acceptedReportsTouched({ kind: 'FROM_DATE', from: '2026-10-01' }, accepted)).toEqual([]);
    expect(acceptedReportsTouched({ kind: 'HOLIDAY', day: '2026-11-02' }, accepted)).toEqual([]);
  });
  it('a holiday on the due date of an accepted quarter is refused', () => {
    const touched = acceptedReportsTouched({ kind: 'HOLIDAY', day: '2026-10-20' }, accepted);
    expect(touched).toHaveLength(1);
    expect(touched[0]?.employerName).toBe('Xəzər Texnologiyaları');
    expect(romanQuarter(touched[0]!.quarter)).toBe('III');
  });
});

describe('typed values', () => {
  it('percentages become exact rates', () => {
    expect(parsePercentRate('22')).toEqual({ ok: true, value: { num: 11, den: 50 } });
    expect(parsePercentRate('0,1')).toEqual({ ok: true, value: { num: 1, den: 1000 } });
    expect(parsePercentRate('0.1 %')).toEqual({ ok: true, value: { num: 1, den: 1000 } });
    expect(parsePercentRate('100')).toEqual({ ok: true, value: { num: 1, den: 1 } });
    for (const bad of ['', '-3', '1e3', '0.00001', 'abc', '3\u0000'])
      expect(parsePercentRate(bad).ok, bad).toBe(false);
    expect(parsePercentRate('101')).toEqual({ ok: false, code: 'RATE_TOO_HIGH' });
    expect(parsePercentRate('999999999999')).toEqual({ ok: false, code: 'RATE_INVALID' });
  });
  it('rates show as percentages', () => {
    expect(percentOf({ num: 1, den: 1000 })).toBe('0.1');
    expect(percentOf({ num: 22, den: 100 })).toBe('22');
    expect(percentOf({ num: 1, den: 3 })).toBe('33.3333');
  });
  it('dates are real days of 2000–2100', () => {
    expect(parseReferenceDate('2027-01-21')).toEqual({ ok: true, value: '2027-01-21' });
    for (const bad of ['2027-02-30', '21.01.2027', '1999-12-31', '2101-01-01', ''])
      expect(parseReferenceDate(bad).ok, bad).toBe(false);
  });
  it('whole numbers within bounds', () => {
    expect(parseWholeNumber('365', 1, 3650)).toEqual({ ok: true, value: 365 });
    for (const bad of ['0', '-1', '3651', '1.5', '99999999999999'])
      expect(parseWholeNumber(bad, 1, 3650).ok, bad).toBe(false);
  });
});
