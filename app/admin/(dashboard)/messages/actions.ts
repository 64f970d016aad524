'use server';

import { z } from 'zod';
import { ZId } from '@/lib/server/action-schemas';
import { redirectTo, revalidate, staffAction } from '@/lib/server/actions';
import { getDb } from '@/lib/server/db';
import { AppError } from '@/lib/server/errors';
import { answerMessage } from '@/lib/server/messages/fund/answer-message';
import { readAttachments, ZMessageForm } from '@/lib/server/messages/message-form';
import { markThreadHandled } from '@/lib/server/staff/employers/staff-thread';

/**
 * The fund answers in an employer's thread (issue 14 §7): bound to the employer; the form is
 * the employer side's (text, up to five PDF/PNG/JPEG files, the message answered). The use case
 * refuses another body's employer (NOT_FOUND), bad text and files at their fields, and audits.
 */
export const answerMessageAction = staffAction(
  'REVIEWER',
  z.tuple([ZId, z.unknown(), ZMessageForm]),
  async (staff, employerId, _state, form) => {
    if (!form.parentId) throw new AppError('NOT_FOUND');
    const sent = await answerMessage(await getDb(), staff, {
      employerId,
      messageId: form.parentId,
      body: form.body,
      attachments: await readAttachments(form.attachments),
    });
    revalidate('/admin/messages');
    return redirectTo(
      `/admin/messages/${employerId}/${sent.threadId}?sent=1#message-${sent.messageId}`,
    );
  },
  { name: 'answerMessageAction' },
);

/** "Baxılıb": the thread leaves the open inbox (append-only mark, audited). */
export const markThreadHandledAction = staffAction(
  'REVIEWER',
  z.tuple([ZId, ZId, z.unknown(), z.unknown()]),
  async (staff, employerId, threadId, _state, _form) => {
    void _state;
    void _form;
    await markThreadHandled(await getDb(), staff, { employerId, threadId });
    revalidate('/admin/messages');
    return redirectTo(`/admin/messages/${employerId}/${threadId}?handled=1`);
  },
  { name: 'markThreadHandledAction' },
);
