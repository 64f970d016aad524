'use server';

import { z } from 'zod';
import { employerAction, redirectTo, revalidate } from '@/lib/server/actions';
import { getDb } from '@/lib/server/db';
import { readAttachments, ZMessageForm } from '@/lib/server/messages/message-form';
import { sendMessage } from '@/lib/server/messages/send-message';

/**
 * "İsmarıclar" (SPEC E1): a new message to the fund, or a reply in a thread. The action client
 * guards, refuses control characters and bad shapes; the use case refuses bad text and files
 * at their fields and writes the message, its files and the audit entry together.
 */
export const sendMessageAction = employerAction(
  'REPORTS',
  // useActionState hands the previous state first; only the form is read.
  z.tuple([z.unknown(), ZMessageForm]),
  async (scope, _state, form) => {
    const sent = await sendMessage(await getDb(), scope, {
      subject: form.subject,
      body: form.body,
      ...(form.parentId ? { parentId: form.parentId } : {}),
      attachments: await readAttachments(form.attachments),
    });
    revalidate('/cabinet/messages');
    return redirectTo(
      form.parentId
        ? `/cabinet/messages/${sent.threadId}?sent=1#message-${sent.messageId}`
        : '/cabinet/messages/sent?sent=1',
    );
  },
  { name: 'sendMessageAction' },
);
