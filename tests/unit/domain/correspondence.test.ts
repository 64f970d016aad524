import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  attachmentDisposition,
  baseFileName,
  checkAttachment,
  checkAttachmentSet,
  checkMessageText,
  MESSAGE_LIMITS,
  sniffMediaType,
} from '@/lib/domain/correspondence/message-rules';

const bytes = (...b: number[]) => new Uint8Array(b);
const PDF = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10);
const MB = 1024 * 1024;

describe('message text (SPEC E1)', () => {
  it.each([
    [{ subject: 'Sual', body: 'Mətn' }, null],
    [{ subject: '  ', body: 'Mətn' }, ['subject', 'MESSAGE_SUBJECT_REQUIRED']],
    [{ subject: 'Sual', body: '\n\t ' }, ['body', 'MESSAGE_BODY_REQUIRED']],
    [{ subject: 'a\nb', body: 'Mətn' }, ['subject', 'TEXT_CONTROL_CHARACTERS']],
    [{ subject: 'Sual', body: 'a\u0000b' }, ['body', 'TEXT_CONTROL_CHARACTERS']],
    [{ subject: 'Sual', body: 'bir\nsətir\r\nvə\ttab' }, null],
    [{ subject: 'x'.repeat(201), body: 'Mətn' }, ['subject', 'TEXT_TOO_LONG']],
    [{ subject: 'x'.repeat(200), body: 'y'.repeat(5_000) }, null],
    [{ subject: 'Sual', body: 'y'.repeat(5_001) }, ['body', 'TEXT_TOO_LONG']],
  ] as const)('%j → %j', (input, expected) => {
    const result = checkMessageText(input);
    if (expected === null) expect(result.ok).toBe(true);
    else
      expect(result.ok ? null : [result.errors[0]!.field, result.errors[0]!.code]).toEqual(
        expected,
      );
  });

  it('lists both fields when both are empty, subject first', () => {
    const result = checkMessageText({ subject: '', body: '' });
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(['subject', 'body']);
  });

  it('stores the text trimmed, and accepts any printable text within the limits', () => {
    fc.assert(
      fc.property(
        fc
          .string({ minLength: 1, maxLength: 200 })
          .filter((s) => /^[^\u0000-\u001f\u007f]+$/.test(s) && s.trim() !== ''),
        fc
          .string({ minLength: 1, maxLength: 5_000 })
          .filter(
            (s) => /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]+$/.test(s) && s.trim() !== '',
          ),
        (subject, body) => {
          const result = checkMessageText({ subject, body });
          expect(result).toEqual({
            ok: true,
            value: { subject: subject.trim(), body: body.trim() },
          });
        },
      ),
    );
  });

  it('refuses any control character other than tab and line breaks in the body', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 50 }),
        fc.constantFrom(
          ...[0, 1, 7, 8, 11, 12, 14, 27, 31, 127].map((c) => String.fromCharCode(c)),
        ),
        (text, control) => {
          const result = checkMessageText({ subject: 'Sual', body: `x${text}${control}` });
          expect(result.ok).toBe(false);
        },
      ),
    );
  });
});

describe('attachments: content decides the type', () => {
  it.each([
    [PDF, 'application/pdf'],
    [PNG, 'image/png'],
    [JPEG, 'image/jpeg'],
    [new TextEncoder().encode('%PDF'), null], // the signature is five bytes
    [bytes(0x89, 0x50, 0x4e, 0x47), null],
    [bytes(0xff, 0xd8), null],
    [new TextEncoder().encode('GIF89a'), null],
    [new TextEncoder().encode('<html>%PDF-'), null],
    [bytes(), null],
  ])('sniffs %j as %s', (content, type) => {
    expect(sniffMediaType(content)).toBe(type);
  });

  it.each([
    ['akt.pdf', 'application/pdf', PDF, { ok: true }],
    ['AKT.PDF', '', PDF, { ok: true }],
    ['şəkil.jpeg', 'image/jpeg', JPEG, { ok: true }],
    ['şəkil.jpg', 'application/octet-stream', JPEG, { ok: true }],
    ['scan.png', 'image/png', PNG, { ok: true }],
    ['C:\\fakepath\\akt.pdf', 'application/pdf', PDF, { ok: true }],
    ['akt.pdf', 'application/pdf', PNG, { ok: false, code: 'ATTACHMENT_TYPE_MISMATCH' }],
    ['scan.png', 'application/pdf', PNG, { ok: false, code: 'ATTACHMENT_TYPE_MISMATCH' }],
    ['akt', 'application/pdf', PDF, { ok: false, code: 'ATTACHMENT_TYPE_MISMATCH' }],
    [
      'virus.exe',
      'application/pdf',
      new TextEncoder().encode('MZ'),
      { ok: false, code: 'ATTACHMENT_TYPE' },
    ],
    ['empty.pdf', 'application/pdf', bytes(), { ok: false, code: 'ATTACHMENT_EMPTY' }],
    ['', 'application/pdf', PDF, { ok: false, code: 'ATTACHMENT_NAME' }],
    ['a\u0007.pdf', 'application/pdf', PDF, { ok: false, code: 'TEXT_CONTROL_CHARACTERS' }],
  ] as const)('%s (%s)', (fileName, declaredType, content, expected) => {
    const result = checkAttachment({ fileName, declaredType, bytes: content });
    expect(result).toMatchObject(expected);
  });

  it('takes exactly 5 MB and not a byte more', () => {
    const at = new Uint8Array(MESSAGE_LIMITS.attachmentBytesMax);
    at.set(PDF);
    expect(
      checkAttachment({ fileName: 'a.pdf', declaredType: 'application/pdf', bytes: at }).ok,
    ).toBe(true);
    const over = new Uint8Array(MESSAGE_LIMITS.attachmentBytesMax + 1);
    over.set(PDF);
    expect(
      checkAttachment({ fileName: 'a.pdf', declaredType: 'application/pdf', bytes: over }),
    ).toMatchObject({
      ok: false,
      code: 'ATTACHMENT_TOO_LARGE',
      params: { maxMb: 5 },
    });
  });

  it('never accepts bytes that do not start with a known signature, whatever the name says', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 64 }),
        fc.constantFrom('a.pdf', 'b.png', 'c.jpg', 'd.jpeg'),
        fc.constantFrom('', 'application/pdf', 'image/png', 'image/jpeg'),
        (content, fileName, declaredType) => {
          const result = checkAttachment({ fileName, declaredType, bytes: content });
          if (result.ok) expect(sniffMediaType(content)).toBe(result.value.mediaType);
          else if (sniffMediaType(content) === null) expect(result.code).toBe('ATTACHMENT_TYPE');
        },
      ),
    );
  });

  it('counts and sums the files of one message', () => {
    expect(checkAttachmentSet([1, 2, 3, 4, 5]).ok).toBe(true);
    expect(checkAttachmentSet([1, 2, 3, 4, 5, 6])).toMatchObject({
      code: 'ATTACHMENTS_TOO_MANY',
      params: { max: 5 },
    });
    expect(checkAttachmentSet([5 * MB, 5 * MB, 5 * MB, 5 * MB]).ok).toBe(true);
    expect(checkAttachmentSet([5 * MB, 5 * MB, 5 * MB, 5 * MB, 1])).toMatchObject({
      code: 'ATTACHMENTS_TOO_LARGE',
    });
  });
});

describe('download names', () => {
  it('keeps the base name only', () => {
    expect(baseFileName('/etc/passwd')).toBe('passwd');
    expect(baseFileName(' ..\\..\\akt.pdf ')).toBe('akt.pdf');
  });

  it('never lets a quote, a semicolon or a line break into the header', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (name) => {
        const header = attachmentDisposition(name);
        const fallback = /^attachment; filename="([^"]*)"; filename\*=UTF-8''(\S*)$/.exec(header);
        expect(fallback).not.toBeNull();
        expect(header).not.toMatch(/[\r\n\u0000]/);
        expect(fallback![1]).toMatch(/^[A-Za-z0-9._-]+$/);
      }),
    );
    expect(attachmentDisposition('Akt №1.pdf')).toBe(
      `attachment; filename="Akt__1.pdf"; filename*=UTF-8''Akt%20%E2%84%961.pdf`,
    );
  });
});
