// The page loads measured at national volume, each through the lib/server entry points its page
// calls (issue 15 §11):
//   registry search      app/(employer)/reports/registry/page.tsx → listActivityCodes + searchReports
//   employer data (B1)   app/(employer)/info/page.tsx → getEmployerData
//   wizard step F7       app/(employer)/reports/[reportId]/[step]/load-step.ts → loadStep
//   wizard step F20      loadStep + listReportPersons (steps/persons/f20.tsx, page 1)
//   cabinet views 5/7/8  loadCabinetContext + cabinetTablesLoader (cabinet/[view]/page.tsx)
//   staff report queue   app/admin/(dashboard)/reports/page.tsx → listReviewQueue
// Prints min, p50, p95 and max over a number of runs; never asserts.
import type { Db } from '@/db/types';

export type Subject = { employerId: string; reportId: string; label: string };

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

async function time(runs: number, work: () => Promise<unknown>) {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return {
    min: times[0]!,
    p50: quantile(times, 0.5),
    p95: quantile(times, 0.95),
    max: times.at(-1)!,
  };
}

export async function measure(db: Db, subjects: Subject[], demoKey: string, runs: number) {
  const { demoIdentity } = await import('@/db/seed/demo-identities');
  const { resolveEmployerAccess, resolveStaffAccess } = await import('@/lib/server/access');
  const { runWithRequestContext } = await import('@/lib/server/request-context');
  const { listActivityCodes } = await import('@/lib/server/reports/list-activity-codes');
  const { parseRegistryCriteria } = await import('@/lib/server/reports/registry/registry-criteria');
  const { searchReports } = await import('@/lib/server/reports/registry/search-reports');
  const { getEmployerData } = await import('@/lib/server/employers/get-employer-data');
  const { listReportPersons } = await import('@/lib/server/reports/persons/list-report-persons');
  const { parseCabinetQuery } = await import('@/lib/cabinet/query');
  const { loadCabinetContext } = await import('@/lib/server/cabinet/cabinet-context');
  const { cabinetTablesLoader } = await import('@/lib/server/cabinet/view-tables');
  const { listReviewQueue } = await import('@/lib/server/staff/reports/review-queue');
  const { loadStep } = await import('@/app/(employer)/reports/[reportId]/[step]/load-step');

  const person = demoIdentity(demoKey);
  const actor = {
    fin: person.fin,
    certificateSerial: `CARD-${person.cardNumber}`,
    method: 'ESIGN' as const,
  };
  const today = new Date(Date.now() + 4 * 3_600_000).toISOString().slice(0, 10);
  const rows: {
    page: string;
    employer: string;
    min: number;
    p50: number;
    p95: number;
    max: number;
  }[] = [];
  const record = async (page: string, employer: string, work: () => Promise<unknown>) => {
    try {
      rows.push({ page, employer, ...(await time(runs, work)) });
    } catch (error) {
      console.log(
        `  ${page} (${employer}) failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };

  for (const subject of subjects) {
    const scopeFor = async (service: 'REPORTS' | 'EMPLOYER_DATA') => {
      const access = await resolveEmployerAccess(
        db,
        actor,
        subject.employerId,
        service,
        new Date(),
      );
      if (!access.ok) throw new Error(`national bench: no access: ${access.reason}`);
      return access.scope;
    };
    const scope = await scopeFor('REPORTS');
    const dataScope = await scopeFor('EMPLOYER_DATA');
    const principal = {
      ...actor,
      surname: person.surname,
      name: person.name,
      patronymic: person.patronymic,
      employerId: subject.employerId,
      sessionId: '00000000-0000-4000-8000-000000000000',
    };
    const asPrincipal = <T>(work: () => Promise<T>) =>
      runWithRequestContext({ principal, locale: 'az' }, work);
    const e = subject.label;
    await record('registry search', e, () => {
      const { criteria } = parseRegistryCriteria({});
      return Promise.all([listActivityCodes(db, scope), searchReports(db, scope, criteria)]);
    });
    await record('employer data (B1)', e, () => getEmployerData(db, dataScope));
    await record('wizard step F7', e, () =>
      asPrincipal(() => loadStep(subject.reportId, 'labour-payments')),
    );
    await record('wizard step F20', e, () =>
      asPrincipal(async () => {
        const loaded = await loadStep(subject.reportId, 'insured-persons');
        return listReportPersons(db, loaded.scope, {
          reportId: subject.reportId,
          page: 1,
          pageSize: 50,
          fin: '',
          name: '',
        });
      }),
    );
    const view = (id: 'V5' | 'V7' | 'V8', params: Record<string, string>) =>
      asPrincipal(async () => {
        const { query } = parseCabinetQuery(params, today);
        const context = await loadCabinetContext(db, scope, query);
        return cabinetTablesLoader(id)!(db, context, 'screen');
      });
    const [code] = await listActivityCodes(db, scope);
    const activity = code?.code ?? '';
    await record('cabinet view 5', e, () => view('V5', {}));
    await record('cabinet view 7', e, () => view('V7', { code: activity }));
    await record('cabinet view 8', e, () => view('V8', { code: activity }));
    await record('cabinet view 8 page 20', e, () => view('V8', { code: activity, page: '20' }));
  }
  // The reviewer of Nəsimi's body, whose queue holds the body's share of all sent reports.
  const reviewer = demoIdentity('staff-nesimi-reviewer');
  const staffAccess = await resolveStaffAccess(
    db,
    { fin: reviewer.fin, certificateSerial: `CARD-${reviewer.cardNumber}`, method: 'ESIGN' },
    'REVIEWER',
    new Date(),
  );
  if (staffAccess.ok) {
    const staff = staffAccess.scope;
    const filter = { status: null, employerId: null, year: null, quarter: null };
    await record('staff queue page 1', 'Nəsimi body', () =>
      listReviewQueue(db, staff, { ...filter, page: 1 }),
    );
    await record('staff queue page 100', 'Nəsimi body', () =>
      listReviewQueue(db, staff, { ...filter, page: 100 }),
    );
    await record('staff queue SENT', 'Nəsimi body', () =>
      listReviewQueue(db, staff, { ...filter, status: 'SENT', page: 1 }),
    );
  } else console.log(`  staff queue: no reviewer access (${staffAccess.reason})`);
  return rows;
}
