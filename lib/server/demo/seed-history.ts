import 'server-only';
import { DEMO_PIN2, demoIdentity } from '@/db/seed/demo-identities';
import { SEED_EMPLOYERS } from '@/db/seed/employers';
import type { Db } from '@/db/types';
import { resolveEmployerAccess } from '../access';
import { atInstant } from '../clock';
import { newBrowserSecret } from '../signing/browser-binding';
import { createReport } from '../reports/create-report';
import { completeReportSending, startReportSending } from '../submissions/send-report';
import { completeReportFromRoster } from './complete-report-from-roster';
import { signOnSimulatedCard } from './sign-on-simulated-card';

/** Quarters of demo history: 2025 Q1 – 2026 Q2 (issue 6 §12). 2026 Q3 is left for the user. */
export const HISTORY_QUARTERS = [
  { year: 2025, quarter: 1 },
  { year: 2025, quarter: 2 },
  { year: 2025, quarter: 3 },
  { year: 2025, quarter: 4 },
  { year: 2026, quarter: 1 },
  { year: 2026, quarter: 2 },
] as const;

const ACCOUNTANT: Record<string, string> = {
  'xezer-director': 'xezer-accountant',
  'school-director': 'school-accountant',
  'kur-director': 'kur-accountant',
};

/** The demo identity keys of an employer's responsible person and chief accountant. */
export function demoSigners(employerKey: string): { director: string; accountant: string } | null {
  const employer = SEED_EMPLOYERS.find((e) => e.key === employerKey);
  const director = Object.keys(ACCOUNTANT).find(
    (k) => demoIdentity(k).fin === employer?.responsibleFin,
  );
  return director ? { director, accountant: ACCOUNTANT[director] as string } : null;
}

/** Filing instant in Baku: the 15th of the month after the quarter, 10:00 — on time. */
function filingInstant(year: number, quarter: number, dayOfMonth = 15): Date {
  const m = quarter * 3 + 1;
  const y = m > 12 ? year + 1 : year;
  const mm = String(m > 12 ? 1 : m).padStart(2, '0');
  return new Date(`${y}-${mm}-${String(dayOfMonth).padStart(2, '0')}T10:00:00+04:00`);
}

/**
 * The demo employers' past quarters, filed and accepted through the very code a user's filing
 * goes through (create → wizard use cases → sign on the simulated card → receive → automatic
 * checks → posting), so the ledger, persons' accounts, opening debts and the registry show real
 * history on first start. Xəzər files 2025 Q2 late (the 25th), which records a sanction
 * proposal. The clock is pinned to each filing instant for that filing's work only (`atInstant`
 * of lib/server/clock.ts), so signatures, receipts and audit carry the filing time while requests
 * served beside it (the history runs after the dev server is up) keep the real time.
 */
export async function seedDemoHistory(
  db: Db,
  options: { employerKeys?: readonly string[] } = {},
): Promise<number> {
  // The demo holder's own "browser": the sessions it starts are bound to it like any other.
  const browser = newBrowserSecret();
  let filed = 0;
  for (const { year, quarter } of HISTORY_QUARTERS) {
    for (const employer of SEED_EMPLOYERS) {
      if (options.employerKeys && !options.employerKeys.includes(employer.key)) continue;
      const signers = demoSigners(employer.key);
      if (!signers) continue;
      const director = demoIdentity(signers.director);
      const accountant = demoIdentity(signers.accountant);
      const late = employer.key === 'xezer' && year === 2025 && quarter === 2;
      const asOf = filingInstant(year, quarter, late ? 25 : 15);
      filed += await atInstant(asOf, () =>
        fileQuarter(db, { employer, director, accountant, year, quarter, asOf, browser }),
      );
    }
  }
  return filed;
}

async function fileQuarter(
  db: Db,
  input: {
    employer: (typeof SEED_EMPLOYERS)[number];
    director: ReturnType<typeof demoIdentity>;
    accountant: ReturnType<typeof demoIdentity>;
    year: number;
    quarter: 1 | 2 | 3 | 4;
    asOf: Date;
    browser: ReturnType<typeof newBrowserSecret>;
  },
): Promise<number> {
  const { employer, director, accountant, year, quarter, asOf, browser } = input;
  let filed = 0;
  const access = await resolveEmployerAccess(
    db,
    { fin: director.fin, certificateSerial: `CARD-${director.cardNumber}`, method: 'ESIGN' },
    employer.id,
    'REPORTS',
    asOf,
  );
  if (!access.ok) throw new Error(`seedDemoHistory: ${employer.key} ${access.reason}`);
  const scope = access.scope;
  for (const activityCode of employer.activityCodes) {
    const { reportId } = await createReport(
      db,
      scope,
      { activityCode, year, quarter, reportType: 'INITIAL' },
      asOf,
    );
    await completeReportFromRoster(db, scope, {
      reportId,
      chiefAccountantFin: accountant.fin,
      asOf,
    });
    const started = await startReportSending(db, scope, {
      reportId,
      method: 'ESIGN',
      browser,
    });
    if (!started.ok) {
      // A code with no employees has nothing to report: the draft stays for the demo.
      if ('messages' in started) continue;
      throw new Error(`seedDemoHistory: signing ${started.code}`);
    }
    const jws = await signOnSimulatedCard(db, {
      sessionId: started.sessionId,
      pin: DEMO_PIN2,
    });
    const sent = await completeReportSending(
      db,
      scope,
      { reportId, sessionId: started.sessionId, browser, jws },
      asOf,
    );
    if (!sent.ok) throw new Error(`seedDemoHistory: sending ${sent.code}`);
    if (sent.submission.status !== 'ACCEPTED') {
      throw new Error(
        `seedDemoHistory: ${employer.key} ${activityCode} ${year}Q${quarter} ${sent.submission.status} ${sent.submission.returnReasons.map((r) => r.code).join(',')}`,
      );
    }
    filed += 1;
  }
  return filed;
}
