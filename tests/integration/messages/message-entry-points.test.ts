import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sendMessageAction } from '@/app/(employer)/cabinet/messages/actions';
import { GET as attachmentRoute } from '@/app/(employer)/cabinet/messages/attachments/[attachmentId]/route';
import { auditLog, messageAttachments, messages } from '@/db/schema';
import { seed } from '@/db/seed';
import { seedEmployer } from '@/db/seed/employers';
import { minimalPdf } from '@/db/seed/minimal-pdf';
import { asPerson, callAction, principalOf, useAsAppDatabase } from '../helpers/action-harness';
import { ensureDemoCertificates } from '../helpers/identity-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

vi.mock('@/auth', () => import('../helpers/auth-double'));

// The send action and the download route as a browser reaches them: a NUL in the text or a
// file that is not what it says is a form message (never a 500), another employer's message
// or attachment id is a 404 with an audit row, and a good message redirects to "sent".

const XEZER = seedEmployer('xezer').id;

function form(fields: Record<string, string>, files: File[] = []): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  for (const f of files) data.append('attachments', f);
  return data;
}

describe('messages: the send action and the attachment download', () => {
  let database: TestDatabase;
  const director = principalOf('xezer-director', 'xezer');
  const kur = principalOf('kur-director', 'kur');

  beforeAll(async () => {
    database = await createTestDatabase();
    await seed(database.db);
    await ensureDemoCertificates(database.db);
    useAsAppDatabase(database);
  });
  afterAll(async () => {
    await database?.close();
  });

  const send = (who: typeof director, data: FormData) =>
    asPerson(who, () => callAction(sendMessageAction, [null, data]));

  it('refuses a NUL in the text as a field message', async () => {
    const outcome = await send(director, form({ subject: 'Sual', body: 'a\u0000b' }));
    expect(outcome).toMatchObject({ kind: 'refusal', code: 'TEXT_CONTROL_CHARACTERS' });
  });

  it('refuses a file whose content is not a PDF, PNG or JPEG, at the files field', async () => {
    const fake = new File([new TextEncoder().encode('MZ')], 'akt.pdf', { type: 'application/pdf' });
    const outcome = await send(director, form({ subject: 'Sual', body: 'Mətn' }, [fake]));
    expect(outcome).toMatchObject({ kind: 'refusal', code: 'ATTACHMENT_TYPE' });
    const both = await asPerson(director, () =>
      sendMessageAction(null, form({ subject: ' ', body: 'Mətn' }, [fake])),
    );
    expect(both).toMatchObject({
      ok: false,
      fieldErrors: [
        { field: 'subject', message: 'İsmarıcın mövzusunu yazın' },
        { field: 'attachments', message: 'Fayl PDF, PNG və ya JPEG formatında olmalıdır' },
      ],
    });
  });

  it('sends a good message with a PDF and goes to "sent"; an empty file input is no file', async () => {
    const pdf = new File([minimalPdf('Test')], 'akt.pdf', { type: 'application/pdf' });
    const empty = new File([], '', { type: 'application/octet-stream' });
    const outcome = await send(director, form({ subject: 'Akt', body: 'Əlavədə' }, [pdf, empty]));
    expect(outcome).toEqual({ kind: 'redirect', to: '/cabinet/messages/sent?sent=1' });
    const [row] = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(messageAttachments)
      .innerJoin(messages, eq(messages.id, messageAttachments.messageId))
      .where(and(eq(messages.employerId, XEZER), eq(messages.subject, 'Akt')));
    expect(row!.n).toBe(1);
  });

  it('answers 404 and audits another employer’s parent or attachment id', async () => {
    const [file] = await database.db
      .select({ id: messageAttachments.id, messageId: messageAttachments.messageId })
      .from(messageAttachments)
      .where(eq(messageAttachments.employerId, XEZER));
    const denials = async () =>
      (
        await database.db
          .select({ n: sql<number>`count(*)::int` })
          .from(auditLog)
          .where(
            and(
              eq(auditLog.action, 'ACCESS'),
              eq(auditLog.outcome, 'DENIED'),
              eq(auditLog.actorFin, kur.fin),
              sql`${auditLog.details}->>'reason' = 'NOT_IN_SCOPE'`,
            ),
          )
      )[0]!.n;
    const before = await denials();
    const reply = await send(kur, form({ subject: 's', body: 'b', parentId: file!.messageId }));
    expect(reply).toEqual({ kind: 'not-found' });
    const params = { params: Promise.resolve({ attachmentId: file!.id }) };
    const response = await asPerson(kur, () => attachmentRoute(new Request('http://x/'), params));
    expect(response.status).toBe(404);
    expect(await denials()).toBe(before + 2);
    const own = await asPerson(director, () => attachmentRoute(new Request('http://x/'), params));
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('application/pdf');
    expect(own.headers.get('x-content-type-options')).toBe('nosniff');
    expect(own.headers.get('content-disposition')).toMatch(/^attachment; filename="/);
  });
});
