import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import {
  checkAttachment,
  checkAttachmentSet,
  checkMessageText,
  type AttachmentInput,
} from '@/lib/domain/correspondence/message-rules';
import { messageAttachments, messages, type MessageDirection } from '@/db/schema';
import type { Tx } from '@/db/types';
import { AppError, type AppErrorCode } from '../errors';

// The one way a message is written, whoever writes it (the employer's form, the fund's answer
// on the staff dashboard): the domain's rules first, every refusal at its form field, then the
// message and its attachments in the caller's transaction.

export type NewAttachment = AttachmentInput;

export type CheckedMessage = {
  subject: string;
  body: string;
  attachments: {
    fileName: string;
    mediaType: 'application/pdf' | 'image/png' | 'image/jpeg';
    bytes: Uint8Array;
  }[];
};

/** One AppError for every refused field (the first on top), as the action client shows them. */
function refuse(
  errors: {
    field: string;
    code: AppErrorCode;
    params?: Readonly<Record<string, string | number>>;
  }[],
): never {
  const all = errors.map((e) => new AppError(e.code, { field: e.field, params: e.params ?? {} }));
  const [first] = all;
  if (!first) throw new AppError('VALIDATION');
  throw all.length === 1
    ? first
    : new AppError(first.code, { field: first.field, params: first.params, fieldErrors: all });
}

/** Checks the text and every attachment; throws the refusals at `subject`, `body`, `attachments`. */
export function checkNewMessage(input: {
  subject: string;
  body: string;
  attachments: readonly NewAttachment[];
}): CheckedMessage {
  const errors: {
    field: string;
    code: AppErrorCode;
    params?: Readonly<Record<string, string | number>>;
  }[] = [];
  const text = checkMessageText(input);
  if (!text.ok) errors.push(...text.errors);
  const set = checkAttachmentSet(input.attachments.map((a) => a.bytes.length));
  const attachments: CheckedMessage['attachments'] = [];
  if (!set.ok) {
    errors.push({ field: 'attachments', code: set.code, params: numeric(set.params) });
  } else {
    for (const attachment of input.attachments) {
      const checked = checkAttachment(attachment);
      if (!checked.ok) {
        // One message for the files: the first refused file names what is wrong.
        errors.push({ field: 'attachments', code: checked.code, params: numeric(checked.params) });
        break;
      }
      attachments.push({ ...checked.value, bytes: attachment.bytes });
    }
  }
  if (errors.length > 0 || !text.ok) refuse(errors);
  return { ...text.value, attachments };
}

function numeric(params: Readonly<Record<string, unknown>> | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(params ?? {}))
    if (typeof value === 'number') out[key] = value;
  return out;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Inserts a checked message and its attachments; returns the ids and the files' hashes. */
export async function insertMessage(
  tx: Tx,
  message: CheckedMessage & {
    employerId: string;
    direction: MessageDirection;
    thread: { threadId: string; parentId: string } | null;
    authorFin: string | null;
    authorStaffId: string | null;
    createdAt: Date;
  },
): Promise<{ messageId: string; threadId: string; attachments: { id: string; sha256: string }[] }> {
  const messageId = randomUUID();
  const threadId = message.thread?.threadId ?? messageId;
  await tx.insert(messages).values({
    id: messageId,
    employerId: message.employerId,
    threadId,
    parentId: message.thread?.parentId ?? null,
    direction: message.direction,
    subject: message.subject,
    body: message.body,
    authorFin: message.authorFin,
    authorStaffId: message.authorStaffId,
    createdAt: message.createdAt,
  });
  const attachments = message.attachments.map((a) => ({
    id: randomUUID(),
    sha256: sha256Hex(a.bytes),
    ...a,
  }));
  if (attachments.length > 0)
    await tx.insert(messageAttachments).values(
      attachments.map((a) => ({
        id: a.id,
        employerId: message.employerId,
        messageId,
        fileName: a.fileName,
        mediaType: a.mediaType,
        sizeBytes: a.bytes.length,
        content: a.bytes,
        sha256: a.sha256,
        createdAt: message.createdAt,
      })),
    );
  return {
    messageId,
    threadId,
    attachments: attachments.map(({ id, sha256 }) => ({ id, sha256 })),
  };
}
