import { DEMO_PIN2, demoIdentity } from '@/db/seed/demo-identities';
import { seedEmployer } from '@/db/seed/employers';
import type { Db } from '@/db/types';
import { resolveEmployerAccess, type EmployerScope } from '@/lib/server/access';
import { completeReportFromRoster } from '@/lib/server/demo/complete-report-from-roster';
import { demoSigners } from '@/lib/server/demo/seed-history';
import { signOnSimulatedCard } from '@/lib/server/demo/sign-on-simulated-card';
import { createReport } from '@/lib/server/reports/create-report';
import {
  completeReportSending,
  startReportSending,
  type SendOutcome,
} from '@/lib/server/submissions/send-report';
import { testBrowser } from './test-browser';

function signers(employerKey: string): { director: string; accountant: string } {
  const found = demoSigners(employerKey);
  if (!found) throw new Error(`no demo signers for ${employerKey}`);
  return found;
}

/** The responsible person's REPORTS scope with their e-signature card at `asOf`. */
export async function directorScope(
  db: Db,
  employerKey: string,
  asOf: Date,
): Promise<EmployerScope> {
  const who = demoIdentity(signers(employerKey).director);
  const access = await resolveEmployerAccess(
    db,
    { fin: who.fin, certificateSerial: `CARD-${who.cardNumber}`, method: 'ESIGN' },
    seedEmployer(employerKey).id,
    'REPORTS',
    asOf,
  );
  if (!access.ok) throw new Error(`no access: ${access.reason}`);
  return access.scope;
}

/** A complete İlkin draft from the roster, ready to send (through the wizard's use cases). */
export async function sendableReport(
  db: Db,
  scope: EmployerScope,
  input: { employerKey: string; activityCode: string; year: number; quarter: number; asOf: Date },
): Promise<string> {
  const { reportId } = await createReport(
    db,
    scope,
    {
      reportType: 'INITIAL',
      activityCode: input.activityCode,
      year: input.year,
      quarter: input.quarter,
    },
    input.asOf,
  );
  await completeReportFromRoster(db, scope, {
    reportId,
    chiefAccountantFin: demoIdentity(signers(input.employerKey).accountant).fin,
    asOf: input.asOf,
  });
  return reportId;
}

/** Starts sending, signs on the simulated card with PIN2; returns what completion needs. */
export async function signReport(
  db: Db,
  scope: EmployerScope,
  reportId: string,
): Promise<{ sessionId: string; jws: string }> {
  const started = await startReportSending(db, scope, {
    browser: testBrowser,
    reportId,
    method: 'ESIGN',
  });
  if (!started.ok) throw new Error(`not sendable: ${started.code}`);
  const jws = await signOnSimulatedCard(db, { sessionId: started.sessionId, pin: DEMO_PIN2 });
  return { sessionId: started.sessionId, jws };
}

/** Sign and send in one go. */
export async function sendReport(
  db: Db,
  scope: EmployerScope,
  reportId: string,
  asOf: Date,
): Promise<SendOutcome> {
  const signed = await signReport(db, scope, reportId);
  return completeReportSending(db, scope, { browser: testBrowser, reportId, ...signed }, asOf);
}
