import { and, count, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, payments, registryPersons } from '@/db/schema';
import { seed } from '@/db/seed';
import { seedEmployer } from '@/db/seed/employers';
import { createReport } from '@/lib/server/reports/create-report';
import { GET as importTemplate } from '@/app/(employer)/reports/[reportId]/import-template/route';
import { loadStep } from '@/app/(employer)/reports/[reportId]/[step]/load-step';
import { loadSentReport } from '@/app/(employer)/reports/[reportId]/view/load-sent-report';
import { ensureDemoCertificates } from '../helpers/identity-fixtures';
import { WIZARD_ACTIONS } from './wizard-action-modules';
import { reportsScope } from '../helpers/report-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { asPerson, callAction, principalOf, useAsAppDatabase } from '../helpers/action-harness';

// Issue 11 §1, §8: another employer's report id in any wizard action — continueStepAction,
// goNextAction and retryChecksAction were a 500 — is a 404 and an audit row, and so it is on the
// step page, the sent-report page and the import template. Every action taking a report id is
// listed (the first test fails when a new one is not), called with otherwise valid arguments.

const ACTIONS = WIZARD_ACTIONS;
/** The actions that take no report id. */
const WITHOUT_REPORT = ['persons.findSignatoryAction', 'newReport.createReportAction'];

describe('another employer’s report in the wizard: 404 and an audit row (issue 11 §1)', () => {
  let database: TestDatabase;
  let kurDraft: string;
  let kurPayment: string;
  let fin: string;
  const xezer = principalOf('xezer-director', 'xezer');
  const OTHER_ID = '00000000-0000-4000-8000-000000000001';

  beforeAll(async () => {
    database = await createTestDatabase();
    await seed(database.db);
    await ensureDemoCertificates(database.db);
    useAsAppDatabase(database);
    kurDraft = (
      await createReport(database.db, await reportsScope(database.db, 'kur', 'kur-director'), {
        reportType: 'INITIAL',
        year: 2025,
        quarter: 3,
        activityCode: '41.20',
      })
    ).reportId;
    const [payment] = await database.db
      .select({ id: payments.id })
      .from(payments)
      .where(eq(payments.employerId, seedEmployer('kur').id))
      .limit(1);
    kurPayment = payment?.id ?? OTHER_ID;
    const [person] = await database.db
      .select({ fin: registryPersons.fin })
      .from(registryPersons)
      .where(eq(registryPersons.documentType, 'DIN'))
      .limit(1);
    fin = person?.fin ?? '';
    expect(fin).not.toBe('');
  });
  afterAll(async () => database?.close());

  const csvForm = () => {
    const form = new FormData();
    form.set('file', new File([`FIN;Soyad;Ad;2025-07;2025-08;2025-09\r\n`], 'persons.csv'));
    form.set('mode', 'replace');
    return form;
  };
  const retryForm = () => {
    const form = new FormData();
    form.set('reportId', kurDraft);
    return form;
  };

  /** Valid arguments for each action, with Kür's draft (and Kür's ids) where they belong. */
  const kurArgs = (): Record<string, [name: string, args: unknown[]]> => ({
    'step.continueStepAction': ['continueStep', [kurDraft, 'F4']],
    'step.saveLabourPaymentsAction': [
      'saveLabourPayments',
      [kurDraft, [{ month: '2025-07', value: '100,00' }]],
    ],
    'step.saveHeadcountAction': ['saveHeadcount', [kurDraft, [{ month: '2025-07', value: '3' }]]],
    'money.addReportPaymentAction': ['addReportPayment', [kurDraft, kurPayment, '']],
    'money.addAllReportPaymentsAction': ['addAllReportPayments', [kurDraft, false]],
    'money.removeReportPaymentAction': ['removeReportPayment', [kurDraft, kurPayment]],
    'money.addNonLiableIncomeAction': [
      'addNonLiableIncome',
      [kurDraft, { reasonCode: 'SOCIAL_COMPENSATION', month: '2025-07', amount: '10,00' }],
    ],
    'money.updateNonLiableIncomeAction': [
      'updateNonLiableIncome',
      [kurDraft, OTHER_ID, { reasonCode: 'SOCIAL_COMPENSATION', month: '2025-07', amount: '1' }],
    ],
    'money.deleteNonLiableIncomeAction': ['deleteNonLiableIncome', [kurDraft, OTHER_ID]],
    'money.computePenaltyAction': ['computePenalty', [kurDraft]],
    'money.continuePenaltyAction': ['continuePenalty', [kurDraft]],
    'money.saveReportLinesAction': [
      'saveReportLines',
      [kurDraft, 'F13', { accrued: '1,00', paid: '1,00' }],
    ],
    'persons.goNextAction': ['goNext', [kurDraft, 'F19']],
    'persons.distributeAction': ['distribute', [kurDraft]],
    'persons.addPersonAction': ['addPerson', [kurDraft, { fin, incomes: ['100', '', ''] }]],
    'persons.updatePersonAction': ['updatePerson', [kurDraft, fin, ['1', '', '']]],
    'persons.deletePersonAction': ['deletePerson', [kurDraft, fin]],
    'persons.prefillAction': ['prefill', [kurDraft]],
    'persons.startImportAction': ['startImport', [kurDraft]],
    'persons.importPersonsAction': ['importPersons', [kurDraft, csvForm()]],
    'persons.checkRowsAction': ['checkRows', [kurDraft, 'replace', []]],
    'persons.addSeniorityAction': [
      'addSeniority',
      [kurDraft, { fin, entryId: '1', period: 'days', days: '10', fromDate: '', toDate: '' }],
    ],
    'persons.deleteSeniorityAction': ['deleteSeniority', [kurDraft, OTHER_ID]],
    'persons.saveSignatoryAction': [
      'saveSignatory',
      [kurDraft, { role: 'RESPONSIBLE', fin, documentType: 'DIN' }],
    ],
    'persons.confirmWarningsAction': ['confirmWarnings', [kurDraft, []]],
    'persons.markReadyAction': ['markReady', [kurDraft]],
    'view.retryChecksAction': ['retryChecks', [retryForm()]],
  });

  const denials = async () =>
    (
      await database.db
        .select({ n: count() })
        .from(auditLog)
        .where(and(eq(auditLog.action, 'ACCESS'), eq(auditLog.outcome, 'DENIED')))
    )[0]?.n ?? 0;
  const lastDenial = async () =>
    (
      await database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'ACCESS'), eq(auditLog.outcome, 'DENIED')))
        .orderBy(desc(auditLog.id))
        .limit(1)
    )[0];

  async function expectAuditedDenial(before: number, action: string): Promise<void> {
    expect(await denials(), action).toBe(before + 1);
    const row = await lastDenial();
    expect(row, action).toMatchObject({
      employerId: seedEmployer('xezer').id,
      actorFin: xezer.fin,
    });
    expect(row?.details, action).toMatchObject({ action, reason: 'NOT_IN_SCOPE' });
  }

  it('lists every action that takes a report id', () => {
    expect(Object.keys(kurArgs()).sort()).toEqual(
      [...ACTIONS.keys()].filter((n) => !WITHOUT_REPORT.includes(n)).sort(),
    );
  });

  it.each(Object.keys(kurArgs()))('%s with Kür’s draft: not-found and audited', async (key) => {
    const [name, args] = kurArgs()[key] ?? ['', []];
    const action = ACTIONS.get(key);
    if (!action) throw new Error(`no action ${key}`);
    const before = await denials();
    expect(await asPerson(xezer, () => callAction(action, args))).toEqual({ kind: 'not-found' });
    await expectAuditedDenial(before, name);
  });

  it('the step page, the sent-report page and the import template: 404 and audited', async () => {
    let before = await denials();
    expect(
      await asPerson(xezer, () => callAction(() => loadStep(kurDraft, 'debt-start'), [])),
    ).toEqual({ kind: 'not-found' });
    await expectAuditedDenial(before, 'page:reportStep');

    before = await denials();
    const page = () => loadSentReport(kurDraft, {});
    expect(await asPerson(xezer, () => callAction(page, []))).toEqual({ kind: 'not-found' });
    await expectAuditedDenial(before, 'page:reportView');

    for (const reportId of [kurDraft, 'not-a-uuid\u0000']) {
      before = await denials();
      const response = await asPerson(xezer, () =>
        importTemplate(new Request('http://localhost/reports/x/import-template?format=csv'), {
          params: Promise.resolve({ reportId }),
        }),
      );
      expect(response.status).toBe(404);
      await expectAuditedDenial(before, 'importTemplate');
    }
  });
});
