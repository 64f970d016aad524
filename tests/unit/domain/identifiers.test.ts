import { describe, expect, it } from 'vitest';
import {
  normalizeMobile,
  validateAsanUserId,
  validateCardNumber,
  validateDsmfNumber,
  validateFin,
  validatePin,
  validateVoen,
} from '@/lib/domain';

describe('FIN (SPEC C4, DOMAIN.md §9)', () => {
  it.each([
    ['5ZXKP8R', 'DIN', '5ZXKP8R'],
    [' 5zx kp8r ', 'DIN', '5ZXKP8R'],
    ['abc12', 'MIGRATION', 'ABC12'],
    ['ABCDEF', 'MIGRATION', 'ABCDEF'],
    ['IO12345', 'MIGRATION', 'IO12345'],
  ] as const)('%j as %s → %s', (input, type, expected) => {
    expect(validateFin(input, type)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', 'DIN', 'FIN_EMPTY'],
    ['   ', 'DIN', 'FIN_EMPTY'],
    ['5ZXKP8', 'DIN', 'FIN_DIN_FORMAT'],
    ['5ZXKP8RR', 'DIN', 'FIN_DIN_FORMAT'],
    ['5ZXKP8I', 'DIN', 'FIN_DIN_FORMAT'],
    ['5ZXKP8O', 'DIN', 'FIN_DIN_FORMAT'],
    ['5ZXKP8İ', 'DIN', 'FIN_NON_LATIN'],
    ['5ZXKP8Ə', 'DIN', 'FIN_NON_LATIN'],
    ['5zxkp8ı', 'MIGRATION', 'FIN_NON_LATIN'], // 'ı'.toUpperCase() is 'I' in JS
    ['5ZX-KP8', 'DIN', 'FIN_NON_LATIN'],
    ['ABCD', 'MIGRATION', 'FIN_MIGRATION_FORMAT'],
    ['ABCDEFGH', 'MIGRATION', 'FIN_MIGRATION_FORMAT'],
  ] as const)('%j as %s → %s', (input, type, code) => {
    expect(validateFin(input, type)).toEqual({ ok: false, code });
  });
});

describe('VÖEN', () => {
  it.each([
    ['1234567891', true],
    [' 1234567892 ', true],
    ['1234567893', false],
    ['123456789', false],
    ['12345678901', false],
    ['12345678a1', false],
  ])('%j valid: %s', (input, valid) => {
    expect(validateVoen(input).ok).toBe(valid);
  });
  it('answers the codes', () => {
    expect(validateVoen('')).toEqual({ ok: false, code: 'VOEN_EMPTY' });
    expect(validateVoen('1234567890')).toEqual({ ok: false, code: 'VOEN_FORMAT' });
  });
});

describe('mobile numbers to E.164', () => {
  it.each([
    '0501234567',
    '050 123 45 67',
    '050-123-45-67',
    '(050) 123-45-67',
    '994501234567',
    '+994 50 123 45 67',
    '+994501234567',
    '00994501234567',
  ])('%j → +994501234567', (input) => {
    expect(normalizeMobile(input)).toEqual({ ok: true, value: '+994501234567' });
  });

  it.each(['10', '40', '44', '50', '51', '55', '60', '70', '77', '99'])(
    'accepts operator %s',
    (op) => {
      expect(normalizeMobile(`0${op}1234567`)).toEqual({ ok: true, value: `+994${op}1234567` });
    },
  );

  it.each([
    ['', 'MOBILE_EMPTY'],
    ['0121234567', 'MOBILE_FORMAT'], // Baku landline
    ['0531234567', 'MOBILE_FORMAT'],
    ['050123456', 'MOBILE_FORMAT'],
    ['05012345678', 'MOBILE_FORMAT'],
    ['+7 050 123 45 67', 'MOBILE_FORMAT'],
    ['050 123 45 6a', 'MOBILE_FORMAT'],
  ])('%j → %s', (input, code) => {
    expect(normalizeMobile(input)).toEqual({ ok: false, code });
  });
});

describe('Asan İmza, PIN, card and DSMF numbers', () => {
  it('User ID is 6 digits', () => {
    expect(validateAsanUserId(' 123456 ')).toEqual({ ok: true, value: '123456' });
    expect(validateAsanUserId('12345')).toEqual({ ok: false, code: 'ASAN_USER_ID_FORMAT' });
    expect(validateAsanUserId('')).toEqual({ ok: false, code: 'ASAN_USER_ID_EMPTY' });
  });

  it.each([
    ['1234', 'PIN1', true],
    ['123', 'PIN1', false],
    ['12345', 'PIN1', false],
    ['12345', 'PIN2', true],
    ['1234', 'PIN2', false],
    [' 1234', 'PIN1', false],
    ['12a4', 'PIN1', false],
  ] as const)('%j as %s valid: %s', (input, kind, valid) => {
    expect(validatePin(input, kind).ok).toBe(valid);
  });

  it('card number is 6–20 Latin letters or digits', () => {
    expect(validateCardNumber('ab 12 cd')).toEqual({ ok: true, value: 'AB12CD' });
    expect(validateCardNumber('A'.repeat(20))).toMatchObject({ ok: true });
    expect(validateCardNumber('A'.repeat(21))).toEqual({ ok: false, code: 'CARD_NUMBER_FORMAT' });
    expect(validateCardNumber('ABCDE')).toEqual({ ok: false, code: 'CARD_NUMBER_FORMAT' });
    expect(validateCardNumber('ABCDEƏ')).toEqual({ ok: false, code: 'CARD_NUMBER_NON_LATIN' });
    expect(validateCardNumber('')).toEqual({ ok: false, code: 'CARD_NUMBER_EMPTY' });
  });

  it('DSMF registration number is 5–15 digits', () => {
    expect(validateDsmfNumber('12345')).toEqual({ ok: true, value: '12345' });
    expect(validateDsmfNumber('1'.repeat(15))).toMatchObject({ ok: true });
    expect(validateDsmfNumber('1'.repeat(16))).toEqual({ ok: false, code: 'DSMF_NUMBER_FORMAT' });
    expect(validateDsmfNumber('1234')).toEqual({ ok: false, code: 'DSMF_NUMBER_FORMAT' });
    expect(validateDsmfNumber('')).toEqual({ ok: false, code: 'DSMF_NUMBER_EMPTY' });
  });
});
