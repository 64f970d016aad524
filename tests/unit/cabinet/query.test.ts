import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cabinetHref, parseCabinetQuery, periodDates, periodMonths } from '@/lib/cabinet/query';

const TODAY = '2026-12-01';

describe('a cabinet URL (issue 13 §1–§3)', () => {
  it('defaults to every period, as at today, page 1', () => {
    const { query, problems } = parseCabinetQuery({}, TODAY);
    expect(problems).toEqual([]);
    expect(query).toMatchObject({
      code: null,
      period: { year: null, quarter: null, month: null },
      asOf: TODAY,
      asOfGiven: false,
      page: 1,
    });
  });

  it('reads the code, a quarter, an as-at date and normalises a FIN filter', () => {
    const { query, problems } = parseCabinetQuery(
      { code: '62.01', year: '2025', quarter: '2', asOf: '2025-09-30', fin: ' 3ht8 ' },
      TODAY,
    );
    expect(problems).toEqual([]);
    expect(query.code).toBe('62.01');
    expect(query.period).toEqual({ year: 2025, quarter: 2, month: null });
    expect(query.asOf).toBe('2025-09-30');
    expect(query.asOfGiven).toBe(true);
    expect(query.fin).toBe('3HT8');
  });

  it('drops and reports what it cannot read, never throws', () => {
    const { query, problems } = parseCabinetQuery(
      {
        code: "62.01'; drop",
        year: '99999',
        quarter: '5',
        asOf: '2025-02-30',
        page: '-1',
        payment: 'not-a-uuid',
        name: 'a\u0000b',
      },
      TODAY,
    );
    expect(query.code).toBeNull();
    expect(query.period.year).toBeNull();
    expect(query.asOf).toBe(TODAY);
    expect(query.page).toBe(1);
    expect(query.payment).toBeNull();
    expect(query.name).toBeNull();
    expect(problems.map((p) => p.field).sort()).toEqual(
      ['asOf', 'code', 'name', 'page', 'payment', 'quarter', 'year'].sort(),
    );
  });

  it('refuses a quarter or month without a year and a month outside its quarter', () => {
    expect(parseCabinetQuery({ quarter: '2' }, TODAY).problems).toEqual([
      { field: 'quarter', value: '2' },
    ]);
    const clash = parseCabinetQuery({ year: '2025', quarter: '1', month: '5' }, TODAY);
    expect(clash.query.period).toEqual({ year: 2025, quarter: 1, month: null });
    expect(clash.problems).toEqual([{ field: 'month', value: '5' }]);
    const month = parseCabinetQuery({ year: '2025', quarter: '2', month: '5' }, TODAY);
    expect(month.query.period).toEqual({ year: 2025, quarter: null, month: 5 });
  });

  it('survives any parameters (property)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom('code', 'year', 'quarter', 'month', 'asOf', 'page', 'fin', 'x'),
          fc.oneof(fc.string(), fc.array(fc.string())),
        ),
        (params) => {
          const { query } = parseCabinetQuery(params, TODAY);
          expect(query.page).toBeGreaterThanOrEqual(1);
          expect(query.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        },
      ),
    );
  });

  it('turns a period into months and dates, clipped to the as-at date', () => {
    expect(periodMonths({ year: 2025, quarter: 2, month: null })).toEqual({
      from: '2025-04',
      to: '2025-06',
    });
    expect(periodMonths({ year: 2024, quarter: null, month: 2 })).toEqual({
      from: '2024-02',
      to: '2024-02',
    });
    expect(periodDates({ year: 2024, quarter: null, month: 2 }, TODAY)).toEqual({
      from: '2024-02-01',
      to: '2024-02-29',
    });
    expect(periodDates({ year: 2026, quarter: null, month: null }, TODAY)).toEqual({
      from: '2026-01-01',
      to: TODAY,
    });
    expect(periodDates({ year: null, quarter: null, month: null }, TODAY)).toEqual({
      from: null,
      to: TODAY,
    });
  });

  it('keeps the code, period and a chosen date between views, not a page or a person', () => {
    const { query } = parseCabinetQuery(
      { code: '62.01', year: '2025', month: '8', asOf: '2025-12-31', page: '3', person: 'ABC1234' },
      TODAY,
    );
    expect(cabinetHref('penalty', query)).toBe(
      '/cabinet/penalty?code=62.01&year=2025&month=8&asOf=2025-12-31',
    );
    expect(cabinetHref('debts', query, { code: '47.41', format: 'csv' })).toBe(
      '/cabinet/debts?code=47.41&year=2025&month=8&asOf=2025-12-31&format=csv',
    );
    const today = parseCabinetQuery({ code: '62.01' }, TODAY).query;
    expect(cabinetHref('fines', today)).toBe('/cabinet/fines?code=62.01');
  });
});
