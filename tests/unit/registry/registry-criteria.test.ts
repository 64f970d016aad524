import { describe, expect, it } from 'vitest';
import {
  parseRegistryCriteria,
  registryQuery,
} from '@/lib/server/reports/registry/registry-criteria';

describe('parseRegistryCriteria (SPEC G1 search form)', () => {
  it('gives defaults for an empty form: newest period first, page 1, 20 a page', () => {
    expect(parseRegistryCriteria({})).toEqual({
      criteria: { sort: 'period', dir: 'desc', page: 1, pageSize: 20 },
      errors: [],
      values: {},
    });
  });

  it('reads every field, amounts typed in AZN as qəpik', () => {
    const { criteria, errors } = parseRegistryCriteria(
      new URLSearchParams({
        year: '2025',
        quarter: '3',
        status: 'ACCEPTED',
        type: 'CORRECTIVE',
        activity: '62.01',
        from: '2025-01-01',
        to: '2025-03-31',
        min: '1 234,56',
        max: '2000',
        receipt: 'R-1001',
        sort: 'amount',
        dir: 'asc',
        page: '3',
      }),
    );
    expect(errors).toEqual([]);
    expect(criteria).toEqual({
      year: 2025,
      quarter: 3,
      status: 'ACCEPTED',
      reportType: 'CORRECTIVE',
      activityCode: '62.01',
      dateFrom: '2025-01-01',
      dateTo: '2025-03-31',
      amountMinQepik: 123_456,
      amountMaxQepik: 200_000,
      receiptNumber: 'R-1001',
      sort: 'amount',
      dir: 'asc',
      page: 3,
      pageSize: 20,
    });
  });

  it.each([
    [' hs-2026-1000036 ', 'HS-2026-1000036'],
    ['hs 2026 1000036', 'HS-2026-1000036'],
    ['HS\u20132026\u20131000036', 'HS-2026-1000036'],
    ['r-1001', 'R-1001'],
  ])('searches receipt %j as issued, %j, and shows that back in the form', (typed, issued) => {
    const { criteria, errors, values } = parseRegistryCriteria({ receipt: typed });
    expect(errors).toEqual([]);
    expect(criteria.receiptNumber).toBe(issued);
    expect(values.receiptNumber).toBe(issued);
  });

  it('refuses a receipt number with letters outside A–Z after normalising', () => {
    const { criteria, errors } = parseRegistryCriteria({ receipt: 'hş-2026-1' });
    expect(criteria.receiptNumber).toBeUndefined();
    expect(errors.map((e) => e.field)).toEqual(['receiptNumber']);
  });

  it.each([
    [
      'year',
      { year: '20x5' },
      'İl 2019 ilə 2100 arasında tam ədəd olmalıdır',
      'Year must be a whole number from 2019 to 2100',
    ],
    [
      'year',
      { year: '1999' },
      'İl 2019 ilə 2100 arasında tam ədəd olmalıdır',
      'Year must be a whole number from 2019 to 2100',
    ],
    ['quarter', { quarter: '5' }, 'Rüb 1-dən 4-ə qədər olmalıdır', 'Quarter must be 1 to 4'],
    [
      'amountMin',
      { min: '12,3,4' },
      'Məbləğ rəqəmlə olmalıdır, məsələn 1 234,56',
      'Must be an amount like 1234.56',
    ],
    [
      'amountMax',
      { max: '1,234' },
      'Vergüldən sonra ən çox 2 rəqəm olmalıdır',
      'Must have at most 2 digits after the decimal point',
    ],
    [
      'dateFrom',
      { from: '2025-02-30' },
      'Tarix mövcud olmalıdır, məsələn 2025-03-31',
      'Must be a real date, like 2025-03-31',
    ],
    ['status', { status: 'LOST' }, 'Statuslardan birini seçin', 'Choose one of the statuses'],
  ] as const)(
    'a bad %s is an error at that field, in az and en, and no criterion',
    (field, query, az, en) => {
      const { criteria, errors, values } = parseRegistryCriteria(query);
      expect(errors).toEqual([{ field, text: { az, en } }]);
      expect(Object.keys(criteria).sort()).toEqual(['dir', 'page', 'pageSize', 'sort']);
      expect(Object.values(values)).toEqual(Object.values(query));
    },
  );

  it('refuses ranges that end before they start', () => {
    const { errors } = parseRegistryCriteria({
      from: '2025-03-01',
      to: '2025-02-01',
      min: '100',
      max: '99,99',
    });
    expect(errors.map((e) => e.field)).toEqual(['dateTo', 'amountMax']);
    expect(errors[1]!.text.en).toBe('The maximum amount cannot be less than the minimum');
  });

  it('falls back for sort, direction and page that did not come from its own links', () => {
    const { criteria, errors } = parseRegistryCriteria({ sort: 'id; drop', dir: 'up', page: '-4' });
    expect(errors).toEqual([]);
    expect(criteria).toMatchObject({ sort: 'period', dir: 'desc', page: 1 });
  });

  it('keeps every filter in the sort and page links', () => {
    const { values } = parseRegistryCriteria({ year: '2025', min: '1 234,56', page: '2' });
    expect(registryQuery(values, { sort: 'amount', dir: 'asc', page: undefined })).toBe(
      '?year=2025&min=1+234%2C56&sort=amount&dir=asc',
    );
    expect(registryQuery({})).toBe('');
  });
});
