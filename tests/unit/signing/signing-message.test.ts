import { describe, expect, it } from 'vitest';
import { readSource, sourceFiles } from '../source-files';
import { signingMessage } from '@/lib/server/signing/errors';

const CODE = ['app', 'components', 'lib', 'auth'].flatMap(sourceFiles);

describe('signingMessage: the one way a signing outcome becomes words (issue 11 §2)', () => {
  it('reads a use case’s refusal as it is: the code with the details it carries', () => {
    expect(signingMessage({ code: 'WRONG_PIN', triesLeft: 2 }, {}, 'en')).toBe(
      'Wrong PIN. Tries left: 2',
    );
    expect(signingMessage({ code: 'RATE_LIMITED', retryAfterSeconds: 30 }, {}, 'en')).toBe(
      'Too many attempts. Try again in 30 seconds.',
    );
    // The caller's parameters fill what the failure does not carry (the PIN's length).
    expect(signingMessage({ code: 'PIN_FORMAT' }, { digits: 5 }, 'en')).toBe(
      'The PIN must be 5 digits.',
    );
    expect(signingMessage('PIN_FORMAT', { digits: 4 }, 'az')).toContain('4');
  });

  it('a malformed phone or User ID reads its field message, not "the data entered is not valid"', () => {
    expect(signingMessage({ code: 'INVALID_INPUT', reason: 'MOBILE_FORMAT' }, {}, 'en')).toBe(
      'Must be a mobile number like 050 123 45 67',
    );
    expect(signingMessage({ code: 'INVALID_INPUT', reason: 'ASAN_USER_ID_FORMAT' }, {}, 'en')).toBe(
      'Must be exactly 6 digits',
    );
  });

  it('a report code of the sending use cases reads its AppError text, counts included', () => {
    expect(signingMessage({ code: 'REPORT_CHANGED_SINCE_SIGNING' }, {}, 'en')).toBe(
      'The report changed after it was signed: sign it again',
    );
    expect(
      signingMessage({ code: 'REPORT_HAS_BLOCKING_ERRORS', messages: [1, 2, 3] }, {}, 'en'),
    ).toBe(
      'The report has 3 errors: until they are fixed on the check page it cannot be marked ready or sent',
    );
  });

  it('an unknown code (e.g. Auth.js’s own "credentials") never reaches the user', () => {
    for (const code of ['credentials', 'SOMETHING_NEW', '']) {
      expect(signingMessage(code, {}, 'en')).toBe('Request not found.');
    }
  });

  it('no other file maps signing codes or reads the signing texts', () => {
    const elsewhere = CODE.filter((file) => file !== 'lib/server/signing/errors.ts').filter(
      (file) =>
        /SIGNING_CODES|\b(az|en)\.signing\b|asSigningCode|failureText/.test(readSource(file)),
    );
    expect(elsewhere).toEqual([]);
  });
});
