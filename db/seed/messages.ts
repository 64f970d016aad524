import { createHash } from 'node:crypto';
import { messageAttachments, messageReads, messages } from '../schema';
import type { DbOrTx } from '../types';
import { demoIdentity } from './demo-identities';
import { SEED_EMPLOYERS } from './employers';
import { minimalPdf } from './minimal-pdf';
import { stableUuid } from './random';
import { demoStaffId } from './staff';

// Demo correspondence (issue 13 §9): for "Xəzər
// Texnologiyaları" MMC a reminder of the quarter's deadline (unread), a question the director
// asked with the fund's answer under it (the answer unread), and an older notice already read.
// Fixed ids and times, so the seed stays deterministic; it runs once, in the seed transaction.

/** The staff account the demo's fund messages are written by: the Nəsimi body's reviewer. */
export const DEMO_FUND_STAFF_ID = demoStaffId('staff-nesimi-reviewer');

const id = (key: string) => stableUuid(`message:xezer:${key}`);

export async function seedMessages(db: DbOrTx): Promise<void> {
  const xezer = SEED_EMPLOYERS.find((e) => e.key === 'xezer');
  if (!xezer) throw new Error('seed employer xezer missing');
  const director = demoIdentity('xezer-director').fin;
  const fund = {
    direction: 'FUND_TO_EMPLOYER' as const,
    authorFin: null,
    authorStaffId: DEMO_FUND_STAFF_ID,
  };
  const notice = id('notice');
  const reminder = id('reminder');
  const question = id('question');
  const answer = id('answer');
  await db.insert(messages).values([
    {
      id: notice,
      employerId: xezer.id,
      threadId: notice,
      parentId: null,
      ...fund,
      subject: 'Elektron xidmətdə yeni bölmə: "İsmarıclar"',
      body: 'Hörmətli sığortaedən!\n\nBu gündən fondla yazışmalarınızı "Şəxsi Kabinet"in "İsmarıclar" bölməsində apara bilərsiniz. Suallarınızı buradan göndərin, cavablarımız da burada görünəcək.',
      createdAt: new Date('2026-09-01T10:00:00+04:00'),
    },
    {
      id: question,
      employerId: xezer.id,
      threadId: question,
      parentId: null,
      direction: 'EMPLOYER_TO_FUND',
      authorFin: director,
      authorStaffId: null,
      subject: 'Qeyri-sığorta gəlirlərinin hesabatda göstərilməsi',
      body: 'Salam. İşçiyə verilən maddi yardım hesabatda hansı bölmədə göstərilməlidir və ondan məcburi dövlət sosial sığorta haqqı hesablanırmı?',
      createdAt: new Date('2026-10-08T11:20:00+04:00'),
    },
    {
      id: answer,
      employerId: xezer.id,
      threadId: question,
      parentId: question,
      ...fund,
      subject: 'Qeyri-sığorta gəlirlərinin hesabatda göstərilməsi',
      body: 'Salam. Maddi yardım "Sosial sığorta haqları tutulmayan gəlirlər" addımında müvafiq səbəb seçilərək göstərilir. Qanunla müəyyən edilmiş hədd daxilində ondan sosial sığorta haqqı hesablanmır.',
      createdAt: new Date('2026-10-09T15:45:00+04:00'),
    },
    {
      id: reminder,
      employerId: xezer.id,
      threadId: reminder,
      parentId: null,
      ...fund,
      subject: 'Xatırlatma: IV rüb hesabatının təqdim edilməsi',
      body: 'Hörmətli sığortaedən!\n\n2026-cı ilin IV rübü üzrə hesabatın təqdim edilməsinin son tarixi 20 yanvar 2027-ci ildir. Hesabatı vaxtında göndərməyinizi xahiş edirik.',
      createdAt: new Date('2026-11-20T09:00:00+04:00'),
    },
  ]);
  // The answer points to a sample document, attached as a PDF.
  const sample = minimalPdf('DSMF: maddi yardim - numune');
  await db.insert(messageAttachments).values({
    id: id('answer-attachment'),
    employerId: xezer.id,
    messageId: answer,
    fileName: 'maddi-yardim-numune.pdf',
    mediaType: 'application/pdf',
    sizeBytes: sample.length,
    content: sample,
    sha256: createHash('sha256').update(sample).digest('hex'),
    createdAt: new Date('2026-10-09T15:45:00+04:00'),
  });
  await db.insert(messageReads).values([
    {
      employerId: xezer.id,
      messageId: notice,
      readAt: new Date('2026-09-02T09:10:00+04:00'),
      readerFin: director,
    },
    {
      employerId: xezer.id,
      messageId: question,
      readAt: new Date('2026-10-09T15:30:00+04:00'),
      readerStaffId: DEMO_FUND_STAFF_ID,
    },
  ]);
}
