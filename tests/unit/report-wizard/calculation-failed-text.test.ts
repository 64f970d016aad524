import { describe, expect, it } from 'vitest';
import { DOMAIN_CODES } from '@/lib/domain';
import { apiText } from '@/lib/server/api/api-messages';
import { apiErrorResponse } from '@/lib/server/api/api-response';
import { toUserError } from '@/lib/server/user-error';
import { AppError } from '@/lib/server/errors';
import { errorMessage } from '@/lib/server/error-messages';

// Issue 10 §5: the CALCULATION_FAILED text printed a literal "{reason}" (a person error's
// `detail` filled into the report error's template). Every way it is rendered now shows words.

const REASONS = [...DOMAIN_CODES, 'NOT_A_CODE', undefined];
const CODE_LIKE = /\b[A-Z]{2,}(?:_[A-Z]+)+\b/;

function expectWords(text: string) {
  expect(text).not.toContain('{');
  expect(text).not.toMatch(CODE_LIKE);
  expect(text).toMatch(/^(Hesablama aparıla bilmədi|The calculation could not be made): \p{L}/u);
}

describe('CALCULATION_FAILED text', () => {
  it('never contains a placeholder or a raw code, however it is rendered', async () => {
    for (const reason of REASONS) {
      const params: Record<string, string> = reason === undefined ? {} : { reason };
      for (const locale of ['az', 'en'] as const) {
        expectWords(errorMessage('CALCULATION_FAILED', params, locale));
        expectWords(errorMessage('CALCULATION_FAILED', params, locale));
        // Older throwers named the param `detail`.
        expectWords(errorMessage('CALCULATION_FAILED', { detail: reason ?? '' }, locale));
        expectWords(toUserError(new AppError('CALCULATION_FAILED', { params }), locale).message);
        expectWords(toUserError(new AppError('CALCULATION_FAILED', { params }), locale).message);
        expectWords(apiText('CALCULATION_FAILED', params)[locale]);
      }
      for (const error of [
        new AppError('CALCULATION_FAILED', { params }),
        new AppError('CALCULATION_FAILED', { params }),
      ]) {
        const body = (await apiErrorResponse(error).json()) as {
          error: {
            message: { az: string; en: string };
            problems?: { message: { az: string; en: string } }[];
          };
        };
        for (const message of [
          body.error.message,
          ...(body.error.problems ?? []).map((p) => p.message),
        ]) {
          expectWords(message.az);
          expectWords(message.en);
        }
      }
    }
  });

  it('explains an amount that is too large', () => {
    expect(errorMessage('CALCULATION_FAILED', { reason: 'AMOUNT_TOO_LARGE' }, 'az')).toBe(
      'Hesablama aparıla bilmədi: məbləğ çox böyükdür',
    );
    expect(errorMessage('CALCULATION_FAILED', { reason: 'TOTAL_TOO_LARGE' }, 'en')).toBe(
      'The calculation could not be made: an amount is too large',
    );
  });
});
