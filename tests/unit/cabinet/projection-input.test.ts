import { describe, expect, it } from 'vitest';
import { readProjectionInput } from '@/lib/cabinet/projection-input';
import { cabinetHref, parseCabinetQuery } from '@/lib/cabinet/query';

const TODAY = '2026-12-01';
const read = (params: Record<string, string>) =>
  readProjectionInput(parseCabinetQuery(params, TODAY).query, TODAY);

describe('the projection form’s fields (issue 13 §10)', () => {
  it('defaults to the whole debt today', () => {
    expect(read({})).toMatchObject({ amountQepik: null, payOn: TODAY, errors: {} });
    expect(read({}).maxDate).toBe('2028-11-30');
  });

  it('reads an amount as the wizard does and a date up to two years ahead', () => {
    expect(read({ payX: '1 234,56', payOn: '2027-03-01' })).toMatchObject({
      amountQepik: 123_456,
      payOn: '2027-03-01',
      errors: {},
    });
    expect(read({ payX: '0' }).amountQepik).toBe(0);
    expect(read({ payOn: '2028-11-30' }).errors).toEqual({});
  });

  it.each([
    [{ payX: '12abc' }, { payX: 'AMOUNT_NOT_A_NUMBER' }],
    [{ payX: '1,234' }, { payX: 'AMOUNT_TOO_MANY_DECIMALS' }],
    [{ payX: '-5' }, { payX: 'AMOUNT_NEGATIVE' }],
    [{ payX: '2000000000' }, { payX: 'AMOUNT_TOO_LARGE' }],
    [{ payOn: '2026-02-30' }, { payOn: 'DATE_INVALID' }],
    [{ payOn: '2026-11-30' }, { payOn: 'DATE_PAST' }],
    [{ payOn: '2028-12-01' }, { payOn: 'DATE_TOO_FAR' }],
  ])('%o is a field error %o, never a silent default', (params, errors) => {
    const input = read(params);
    expect(input.errors).toEqual(errors);
    expect(input.typed).toMatchObject(params);
  });

  it('is not kept in links to other views, and adds no query problem', () => {
    const { query, problems } = parseCabinetQuery(
      { code: '62.01', payX: '10', payOn: '2027-01-01' },
      TODAY,
    );
    expect(problems).toEqual([]);
    expect(cabinetHref('debts', query)).toBe('/cabinet/debts?code=62.01');
  });
});
