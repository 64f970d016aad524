import { seedEmployer } from '@/db/seed/employers';
import { DEMO_PIN2, demoIdentity } from '@/db/seed/demo-identities';
import type { Db } from '@/db/types';
import { SERVICES, type Service } from '@/db/schema';
import { resolveEmployerAccess, type EmployerScope } from '@/lib/server/access';
import { createApiToken } from '@/lib/server/api/create-api-token';
import { grantAuthority } from '@/lib/server/authorities/grant-authority';
import { signOnSimulatedCard } from '@/lib/server/demo/sign-on-simulated-card';
import { addNonLiableIncome } from '@/lib/server/reports/add-non-liable-income';
import { addReportPayment } from '@/lib/server/reports/add-report-payment';
import { addSeniority } from '@/lib/server/reports/seniority/add-seniority';
import { listSeniorityEntries } from '@/lib/server/reports/seniority/list-seniority-entries';
import { listReportPersons } from '@/lib/server/reports/persons/list-report-persons';
import { getMessageThread } from '@/lib/server/messages/get-message-thread';
import { sendMessage } from '@/lib/server/messages/send-message';
import { startSendJob } from '@/lib/server/jobs/send-job';
import { startImportJob } from '@/lib/server/reports/import/start-import-job';
import { startQuarterSending } from '@/lib/server/submissions/send-quarter';
import { completeReportSending, startReportSending } from '@/lib/server/submissions/send-report';
import { demoActor } from '../helpers/identity-fixtures';
import { sendableReport } from '../helpers/sending-fixtures';
import { insertPayment } from '../reports/report-fixtures';
import { testBrowser } from '../helpers/test-browser';

// Two employers with one of everything a client can name by id, made through the use cases
// themselves: a sent report with its submission (receipt, signed file), a complete draft with
// non-liable income, a payment used, a person with seniority, a signing session and a quarter
// batch under way, an authority and an API token. The access matrix probes one employer's
// ids with the other's scope.

/** After 2025 Q4 ended: Q3 is sent (late, so there is a sanction), Q4 is the draft. */
export const WORLD_AS_OF = new Date('2026-01-20T10:00:00+04:00');
const DRAFT = { year: 2025, quarter: 4 } as const;

/** Every kind of id a client can send to a scoped use case (a receipt number names one too). */
export const ID_KINDS = [
  'reportId',
  'sentReportId',
  'submissionId',
  'incomeId',
  'paymentId',
  'seniorityId',
  'signingSessionId',
  'batchId',
  'authorityId',
  'tokenId',
  'receiptNumber',
  'messageId',
  'attachmentId',
  'jobId',
  'sendJobId',
] as const;
export type IdKind = (typeof ID_KINDS)[number];
export type Ids = Readonly<Record<IdKind, string>>;

export type World = {
  key: string;
  employerId: string;
  activityCode: string;
  /** The responsible person's scope for each service. */
  scope: Readonly<Record<Service, EmployerScope>>;
  ids: Ids;
  /** Values that are not ids but that a valid call needs. */
  fin: string;
  reasonCode: string;
  seniorityEntryId: number;
  draft: typeof DRAFT;
};

const DIRECTORS: Record<string, { director: string; holder: string }> = {
  xezer: { director: 'xezer-director', holder: 'free-person' },
  'sebail-edu': { director: 'school-director', holder: 'free-person' },
};

async function scopes(db: Db, key: string): Promise<Record<Service, EmployerScope>> {
  const entries = await Promise.all(
    SERVICES.map(async (service) => {
      const access = await resolveEmployerAccess(
        db,
        demoActor(DIRECTORS[key]!.director),
        seedEmployer(key).id,
        service,
        WORLD_AS_OF,
      );
      if (!access.ok) throw new Error(`${key} ${service}: ${access.reason}`);
      return [service, access.scope] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<Service, EmployerScope>;
}

function ok<T extends { ok: boolean }>(what: string, result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`${what}: ${JSON.stringify(result).slice(0, 300)}`);
  return result as Extract<T, { ok: true }>;
}

/** Builds one employer's world; `key` is a seed employer whose director is in DIRECTORS. */
export async function buildWorld(db: Db, key: string): Promise<World> {
  const employer = seedEmployer(key);
  const activityCode = employer.activityCodes[0]!;
  const scope = await scopes(db, key);
  const reports = scope.REPORTS;
  const asOf = WORLD_AS_OF;

  const sentReportId = await sendableReport(db, reports, {
    employerKey: key,
    activityCode,
    year: 2025,
    quarter: 3,
    asOf,
  });
  const start = ok(
    'start sending',
    await startReportSending(
      db,
      reports,
      { browser: testBrowser, reportId: sentReportId, method: 'ESIGN' },
      asOf,
    ),
  );
  const jws = await signOnSimulatedCard(db, { sessionId: start.sessionId, pin: DEMO_PIN2 });
  const sent = ok(
    'send',
    await completeReportSending(
      db,
      reports,
      { browser: testBrowser, reportId: sentReportId, sessionId: start.sessionId, jws },
      asOf,
    ),
  );

  const reportId = await sendableReport(db, reports, {
    employerKey: key,
    activityCode,
    ...DRAFT,
    asOf,
  });
  const batch = ok(
    'start quarter sending',
    await startQuarterSending(
      db,
      reports,
      { browser: testBrowser, ...DRAFT, method: 'ESIGN' },
      asOf,
    ),
  );
  const session = ok(
    'start draft sending',
    await startReportSending(
      db,
      reports,
      { browser: testBrowser, reportId, method: 'ESIGN' },
      asOf,
    ),
  );

  const reasonCode = (await db.query.nonLiableIncomeReasons.findFirst())!.code;
  const { id: incomeId } = await addNonLiableIncome(
    db,
    reports,
    { reportId, reasonCode, month: '2025-11', amountQepik: 100 },
    asOf,
  );
  const paymentId = await insertPayment(db, {
    employerId: employer.id,
    amountQepik: 1_000,
    paymentDate: '2025-11-10',
  });
  await addReportPayment(db, reports, { reportId, paymentId, amountQepik: 100 }, asOf);
  const [person] = (await listReportPersons(db, reports, { reportId, pageSize: 1 })).rows;
  if (!person) throw new Error(`${key}: the roster gave the draft no person`);
  const [entry] = await listSeniorityEntries(db, reports);
  if (!entry) throw new Error('no seniority entry in the catalogue');
  const { id: seniorityId } = await addSeniority(
    db,
    reports,
    { reportId, fin: person.fin, entryId: entry.id, days: 1 },
    asOf,
  );

  const holder = demoIdentity(DIRECTORS[key]!.holder);
  const { id: authorityId } = await grantAuthority(
    db,
    scope.AUTHORITIES,
    { service: 'REPORTS', method: 'ESIGN', cardNumber: holder.cardNumber, fin: holder.fin },
    asOf,
  );
  const { id: tokenId } = await createApiToken(db, reports, { name: `Payroll ${key}` }, asOf);
  const message = await sendMessage(
    db,
    reports,
    {
      subject: `Question of ${key}`,
      body: 'With a file.',
      attachments: [
        {
          fileName: 'note.pdf',
          declaredType: 'application/pdf',
          bytes: new TextEncoder().encode('%PDF-1.4\n%%EOF\n'),
        },
      ],
    },
    asOf,
  );
  const thread = await getMessageThread(db, reports, { messageId: message.messageId }, asOf);
  const attachmentId = thread.messages[0]!.attachments[0]!.id;
  // An import under way on the draft (issue 15 §6): its job row is the employer's too.
  const importJob = await startImportJob(db, reports, { reportId });
  // And the job row of sending the sent report (issue 15 §6), which the page polls.
  const sendJob = await startSendJob(db, reports, sentReportId);
  await sendJob.finish({ status: sent.submission.status });
  // And the draft's send waiting for its signature (the session above): a cancel ends it.
  const waiting = await startSendJob(db, reports, reportId);
  waiting.progress({ stage: 'SIGNATURE', signingSessionId: session.sessionId });
  await waiting.flush();

  return {
    key,
    employerId: employer.id,
    activityCode,
    scope,
    ids: {
      reportId,
      sentReportId,
      submissionId: sent.submission.submissionId,
      incomeId,
      paymentId,
      seniorityId,
      signingSessionId: session.sessionId,
      batchId: batch.batchId,
      authorityId,
      tokenId,
      receiptNumber: sent.submission.receiptNumber,
      messageId: message.messageId,
      attachmentId,
      jobId: importJob.id,
      sendJobId: sendJob.jobId,
    },
    fin: person.fin,
    reasonCode,
    seniorityEntryId: entry.id,
    draft: DRAFT,
  };
}
