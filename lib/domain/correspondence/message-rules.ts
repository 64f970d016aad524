import { err, ok, type Result } from '../result';

// The rules of a message to or from the fund (SPEC E1, issue 13 §9): what a subject, a text and
// an attachment may be. Pure: the server reads the files and calls these on their bytes.

const MB = 1024 * 1024;

export const MESSAGE_LIMITS = {
  subjectMax: 200,
  bodyMax: 5_000,
  attachmentsMax: 5,
  attachmentBytesMax: 5 * MB,
  /**
   * All attachments of one message together. A message travels as one server-action body,
   * which next.config.mjs caps at 21 MB (the persons import's limit, checked by proxy.ts too):
   * 20 MB of files leaves room for the text and the form's own parts.
   */
  attachmentsTotalBytesMax: 20 * MB,
  fileNameMax: 200,
} as const;

export const CORRESPONDENCE_CODES = [
  'MESSAGE_SUBJECT_REQUIRED',
  'MESSAGE_BODY_REQUIRED',
  'TEXT_TOO_LONG',
  'TEXT_CONTROL_CHARACTERS',
  'ATTACHMENT_EMPTY',
  'ATTACHMENT_TOO_LARGE',
  'ATTACHMENT_TYPE',
  'ATTACHMENT_TYPE_MISMATCH',
  'ATTACHMENT_NAME',
  'ATTACHMENTS_TOO_MANY',
  'ATTACHMENTS_TOO_LARGE',
] as const;
export type CorrespondenceCode = (typeof CORRESPONDENCE_CODES)[number];

export type MediaType = 'application/pdf' | 'image/png' | 'image/jpeg';

/** A refusal of one field of the message form. */
export type MessageFieldError = {
  field: string;
  code: CorrespondenceCode;
  params?: Readonly<Record<string, number>>;
};

/** Control characters no text takes; tab and line breaks pass (the body has paragraphs). */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LINE_CONTROL = /[\u0000-\u001f\u007f]/;

function checkText(
  field: 'subject' | 'body',
  value: string,
  max: number,
  multiline: boolean,
): MessageFieldError | null {
  if ((multiline ? CONTROL : LINE_CONTROL).test(value))
    return { field, code: 'TEXT_CONTROL_CHARACTERS' };
  if (value.trim() === '')
    return {
      field,
      code: field === 'subject' ? 'MESSAGE_SUBJECT_REQUIRED' : 'MESSAGE_BODY_REQUIRED',
    };
  if ([...value.trim()].length > max) return { field, code: 'TEXT_TOO_LONG', params: { max } };
  return null;
}

/** The subject and text as stored (trimmed), or every field refusal in the form's order. */
export function checkMessageText(input: {
  subject: string;
  body: string;
}):
  | { ok: true; value: { subject: string; body: string } }
  | { ok: false; errors: MessageFieldError[] } {
  const errors = [
    checkText('subject', input.subject, MESSAGE_LIMITS.subjectMax, false),
    checkText('body', input.body, MESSAGE_LIMITS.bodyMax, true),
  ].filter((e): e is MessageFieldError => e !== null);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { subject: input.subject.trim(), body: input.body.trim() } };
}

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);
}

/** What the bytes are, by their magic number; null for anything but PDF, PNG and JPEG. */
export function sniffMediaType(bytes: Uint8Array): MediaType | null {
  if (startsWith(bytes, PDF)) return 'application/pdf';
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, JPEG)) return 'image/jpeg';
  return null;
}

const EXTENSIONS: Readonly<Record<MediaType, readonly string[]>> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
};

/** Declared types browsers send for these files (image/jpg and image/pjpeg are old aliases). */
const DECLARED: Readonly<Record<MediaType, readonly string[]>> = {
  'application/pdf': ['application/pdf', 'application/x-pdf'],
  'image/png': ['image/png'],
  'image/jpeg': ['image/jpeg', 'image/jpg', 'image/pjpeg'],
};

/** A type a browser sends when it does not know the file's: it claims nothing. */
const UNKNOWN_DECLARED = new Set(['', 'application/octet-stream']);

/** The name without a path (a browser may send one) and without surrounding spaces. */
export function baseFileName(name: string): string {
  return (name.split(/[\\/]/).pop() ?? '').trim();
}

export type AttachmentInput = {
  fileName: string;
  /** The type the browser declared (File.type); may be empty. */
  declaredType: string;
  bytes: Uint8Array;
};

/**
 * One attachment: not empty, at most 5 MB, a PDF, PNG or JPEG by its content, and its name's
 * extension and declared type saying the same — a renamed file is refused, not trusted.
 */
export function checkAttachment(
  input: AttachmentInput,
): Result<{ fileName: string; mediaType: MediaType; sizeBytes: number }, CorrespondenceCode> {
  const fileName = baseFileName(input.fileName);
  if (fileName === '' || [...fileName].length > MESSAGE_LIMITS.fileNameMax)
    return err('ATTACHMENT_NAME', { max: MESSAGE_LIMITS.fileNameMax });
  if (LINE_CONTROL.test(fileName)) return err('TEXT_CONTROL_CHARACTERS');
  const size = input.bytes.length;
  if (size === 0) return err('ATTACHMENT_EMPTY');
  if (size > MESSAGE_LIMITS.attachmentBytesMax)
    return err('ATTACHMENT_TOO_LARGE', { maxMb: MESSAGE_LIMITS.attachmentBytesMax / MB });
  const mediaType = sniffMediaType(input.bytes);
  if (mediaType === null) return err('ATTACHMENT_TYPE');
  const dot = fileName.lastIndexOf('.');
  const extension = dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
  const declared = input.declaredType.trim().toLowerCase().split(';')[0]!.trim();
  if (
    !EXTENSIONS[mediaType].includes(extension) ||
    (!UNKNOWN_DECLARED.has(declared) && !DECLARED[mediaType].includes(declared))
  )
    return err('ATTACHMENT_TYPE_MISMATCH');
  return ok({ fileName, mediaType, sizeBytes: size });
}

/** The attachments of one message together: how many, and their total size. */
export function checkAttachmentSet(
  sizes: readonly number[],
): Result<null, 'ATTACHMENTS_TOO_MANY' | 'ATTACHMENTS_TOO_LARGE'> {
  if (sizes.length > MESSAGE_LIMITS.attachmentsMax)
    return err('ATTACHMENTS_TOO_MANY', { max: MESSAGE_LIMITS.attachmentsMax });
  const total = sizes.reduce((sum, s) => sum + s, 0);
  if (total > MESSAGE_LIMITS.attachmentsTotalBytesMax)
    return err('ATTACHMENTS_TOO_LARGE', { maxMb: MESSAGE_LIMITS.attachmentsTotalBytesMax / MB });
  return ok(null);
}

/**
 * A Content-Disposition header for a download: an ASCII fallback name and the real one
 * percent-encoded (RFC 6266 / 5987), so no quote, semicolon or line break reaches the header.
 */
export function attachmentDisposition(fileName: string): string {
  const name = baseFileName(fileName).replace(/[\u0000-\u001f\u007f]/g, '') || 'attachment';
  const fallback = name.replace(/[^A-Za-z0-9._-]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
