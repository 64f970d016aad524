import 'server-only';
import { z } from 'zod';
import { ZFile, ZId, ZText } from '../action-schemas';
import type { NewAttachment } from './message-writing';

// The message form as a server action receives it: FormData with a subject, a text, the
// message a reply answers, and any number of `attachments` files (the domain allows five;
// a longer list is the domain's refusal, at the files' field, not a transport error).

/** The transport's bounds; the domain's own limits (200, 5 000) speak to the user. */
const ZMessageFields = z.object({
  subject: ZText(2_000).default(''),
  body: ZText(50_000).default(''),
  parentId: ZId.optional(),
  attachments: z.array(ZFile).max(50).default([]),
});
export type MessageForm = z.infer<typeof ZMessageFields>;

function fromFormData(value: unknown): unknown {
  if (typeof FormData === 'undefined' || !(value instanceof FormData)) return value;
  const text = (name: string) => {
    const v = value.get(name);
    return typeof v === 'string' ? v : undefined;
  };
  return {
    subject: text('subject'),
    body: text('body'),
    parentId: text('parentId') || undefined,
    // A file input left empty still sends one part: a nameless, empty file (which the
    // transport may have named "blob"); a file the user chose has its own name.
    attachments: value
      .getAll('attachments')
      .filter(
        (f) =>
          typeof f !== 'string' &&
          !(
            f.size === 0 &&
            (f.name === '' || (f.name === 'blob' && /^(application\/octet-stream)?$/.test(f.type)))
          ),
      ),
  };
}

export const ZMessageForm = z.preprocess(fromFormData, ZMessageFields);

/** The form's files as the use case takes them. */
export async function readAttachments(files: readonly File[]): Promise<NewAttachment[]> {
  return Promise.all(
    files.map(async (file) => ({
      fileName: file.name,
      declaredType: file.type,
      bytes: new Uint8Array(await file.arrayBuffer()),
    })),
  );
}
