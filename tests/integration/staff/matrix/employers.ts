import { and, eq } from 'drizzle-orm';
import {
  answerMessageAction,
  markThreadHandledAction,
} from '@/app/admin/(dashboard)/messages/actions';
import { messages } from '@/db/schema';
import { seedEmployer } from '@/db/seed/employers';
import type { MatrixContext, StaffMatrixCase } from '../matrix-types';

// Issue 14 §4, §7: answering an employer's message and marking a thread handled are the
// reviewer's (and the head's, the administrator's); the employers' pages only read.

const XEZER = seedEmployer('xezer').id;
const ANSWERING = ['reviewer', 'head', 'admin'] as const;

/** A message of Xəzər's written to the fund (the seed has one), to answer or mark. */
async function xezerQuestion({ db }: MatrixContext) {
  const [row] = await db.db
    .select({ id: messages.id, threadId: messages.threadId })
    .from(messages)
    .where(and(eq(messages.employerId, XEZER), eq(messages.direction, 'EMPLOYER_TO_FUND')))
    .limit(1);
  if (!row) throw new Error('the seed has no message of Xəzər to the fund');
  return row;
}

function answerForm(parentId: string, n: number): FormData {
  const form = new FormData();
  form.set('parentId', parentId);
  form.set('body', `Cavab ${n}`);
  return form;
}

export const CASES: StaffMatrixCase[] = [
  {
    action: 'answerMessageAction',
    allowed: ANSWERING,
    targetsNesimiEmployer: true,
    call: async (ctx) => {
      const question = await xezerQuestion(ctx);
      return answerMessageAction(XEZER, null, answerForm(question.id, ctx.n));
    },
  },
  {
    action: 'markThreadHandledAction',
    allowed: ANSWERING,
    targetsNesimiEmployer: true,
    // A second mark is refused (already handled): a refusal, still an allowed call.
    call: async (ctx) => {
      const question = await xezerQuestion(ctx);
      return markThreadHandledAction(XEZER, question.threadId, null, new FormData());
    },
  },
];
