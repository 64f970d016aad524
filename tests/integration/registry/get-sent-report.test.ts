import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportPersons, reports, reportStatusHistory, submissions } from '@/db/schema';
import type { EmployerScope } from '@/lib/server/access';
import { getSentReport } from '@/lib/server/reports/registry/get-sent-report';
import { insertDraftReport, reportsScope } from '../helpers/report-fixtures';
import type { TestDatabase } from '../helpers/test-database';
import { expectRefusal, seededDatabase } from '../reports/report-fixtures';
import { insertSubmission, markSent, sampleDocument } from './registry-fixtures';

const PERSONS = Array.from({ length: 120 }, (_, i) => ({
  fin: `${String(i).padStart(3, '0')}AB${i % 2 === 0 ? 'CD' : 'EF'}`,
  surname: i === 7 ? 'Məmmədli' : 'Əliyev',
  name: i === 7 ? 'İsmayıl' : 'Vüqar',
  patronymic: 'Rəşid',
  incomeQepik: [100_000, 100_000, null] as [number | null, number | null, number | null],
}));

describe('getSentReport (SPEC G2)', () => {
  let database: TestDatabase;
  let xezer: EmployerScope;
  let kur: EmployerScope;
  let legacyReportId = '';
  const db = () => database.db;
  let draftId = '';
  let submissionId = '';
  /** Sent by the sending core as it is now: a view document, and the persons as rows. */
  let rowsReportId = '';
  beforeAll(async () => {
    database = await seededDatabase();
    const db = database.db;
    xezer = await reportsScope(db, 'xezer', 'xezer-director');
    kur = await reportsScope(db, 'kur', 'kur-director');
    legacyReportId = await insertDraftReport(db);
    const reportId = legacyReportId;
    draftId = await insertDraftReport(db, { activityCode: '47.41' });
    await markSent(db, reportId, { status: 'RETURNED', receiptNumber: 'S-1', personsCount: 120 });
    submissionId = await insertSubmission(db, legacyReportId, {
      receiptNumber: 'S-1',
      receivedAt: new Date('2025-10-15T08:00:00Z'),
      document: sampleDocument(reportId, PERSONS),
    });
    const reasons = [
      {
        code: 'HEADCOUNT_MISMATCH',
        step: 'F21',
        text: { az: 'İşçi sayı uyğun deyil', en: 'Headcount does not match' },
      },
    ];
    await db
      .update(submissions)
      .set({
        status: 'RETURNED',
        returnReasons: reasons,
        decidedAt: new Date('2025-10-16T08:00:00Z'),
      })
      .where(eq(submissions.id, submissionId));
    await db.insert(reportStatusHistory).values({
      reportId,
      employerId: xezer.employerId,
      submissionId,
      status: 'RETURNED',
      reasons,
      actor: 'SYSTEM',
      at: new Date('2025-10-16T08:00:00Z'),
    });
    rowsReportId = await insertDraftReport(db, { activityCode: '62.01', quarter: 2 });
    // The signed version (sampleDocument's), and the persons the document was built from.
    await db.update(reports).set({ version: 3 }).where(eq(reports.id, rowsReportId));
    await db.insert(reportPersons).values(
      PERSONS.map((p) => ({
        reportId: rowsReportId,
        employerId: xezer.employerId,
        fin: p.fin,
        surname: p.surname,
        name: p.name,
        patronymic: p.patronymic,
        incomeM1Qepik: p.incomeQepik[0],
        incomeM2Qepik: p.incomeQepik[1],
        incomeM3Qepik: p.incomeQepik[2],
      })),
    );
    await markSent(db, rowsReportId, { status: 'SENT', receiptNumber: 'S-2', personsCount: 120 });
    await insertSubmission(db, rowsReportId, {
      receiptNumber: 'S-2',
      receivedAt: new Date('2025-07-15T08:00:00Z'),
      document: sampleDocument(rowsReportId, PERSONS),
      withView: true,
    });
  });
  afterAll(async () => database?.close());

  it('gives the signed document, the sendings with their reasons and the timeline in order', async () => {
    const view = await getSentReport(database.db, xezer, { reportId: legacyReportId });
    if (view.isDraft) throw new Error('expected a sent report');
    expect(view.report).toMatchObject({
      status: 'RETURNED',
      receiptNumber: 'S-1',
      activityCode: '62.01',
    });
    expect(view.document?.totals.debtEndQepik).toBe(85_000);
    expect(view.latestSubmission?.submissionId).toBe(submissionId);
    expect(view.submissions.map((s) => [s.receiptNumber, s.status])).toEqual([['S-1', 'RETURNED']]);
    expect(view.submissions[0]!.returnReasons[0]).toMatchObject({
      code: 'HEADCOUNT_MISMATCH',
      step: 'F21',
    });
    expect(view.history.map((h) => h.status)).toEqual(['RECEIVED', 'RETURNED']);
    expect(view.history[1]!.reasons[0]!.text.en).toBe('Headcount does not match');
  });

  it.each(['document', 'rows'] as const)(
    'pages the persons 50 at a time and filters them by FIN or name (from the %s)',
    async (source) => {
      const reportId = source === 'rows' ? rowsReportId : legacyReportId;
      const first = await getSentReport(database.db, xezer, { reportId });
      if (first.isDraft) throw new Error('expected a sent report');
      expect(first.persons).toMatchObject({ total: 120, page: 1, pageCount: 3 });
      expect(first.persons.rows).toHaveLength(50);
      const last = await getSentReport(database.db, xezer, { reportId, personsPage: 3 });
      if (last.isDraft) throw new Error('expected a sent report');
      expect(last.persons.rows).toHaveLength(20);
      expect(last.persons.rows[0]!.fin).toBe('100ABCD');
      const byFin = await getSentReport(database.db, xezer, { reportId, finFilter: 'ef' });
      if (byFin.isDraft) throw new Error('expected a sent report');
      expect(byFin.persons.total).toBe(60);
      // A FIN typed with spaces, in lower case, is found as the identifier it is.
      const spaced = await getSentReport(database.db, xezer, { reportId, finFilter: ' 007 abef ' });
      if (spaced.isDraft) throw new Error('expected a sent report');
      expect(spaced.persons.rows.map((p) => p.fin)).toEqual(['007ABEF']);
      // Lower case and a plain i find "İsmayıl".
      const byName = await getSentReport(database.db, xezer, {
        reportId,
        finFilter: 'ismayil',
        personsPage: 9,
      });
      if (byName.isDraft) throw new Error('expected a sent report');
      expect(byName.persons.rows.map((p) => p.fin)).toEqual(['007ABEF']);
      expect(byName.persons.page).toBe(1);
    },
  );

  it('shows the persons of a sent report from its rows, as signed, pages reached by keyset', async () => {
    const view = await getSentReport(database.db, xezer, { reportId: rowsReportId });
    if (view.isDraft) throw new Error('expected a sent report');
    // The view document has every section but the persons.
    expect(view.document?.totals.debtEndQepik).toBe(85_000);
    expect(view.document && 'persons' in view.document ? view.document.persons : []).toEqual([]);
    expect(view.persons.rows).toEqual(PERSONS.slice(0, 50));
    const second = await getSentReport(database.db, xezer, {
      reportId: rowsReportId,
      personsPage: 2,
      personsAfter: view.persons.rows.at(-1)!.fin,
    });
    if (second.isDraft) throw new Error('expected a sent report');
    expect(second.persons).toMatchObject({ page: 2, pageCount: 3, total: 120 });
    expect(second.persons.rows).toEqual(PERSONS.slice(50, 100));
    const back = await getSentReport(database.db, xezer, {
      reportId: rowsReportId,
      personsPage: 1,
      personsBefore: second.persons.rows[0]!.fin,
    });
    if (back.isDraft) throw new Error('expected a sent report');
    expect(back.persons.rows).toEqual(PERSONS.slice(0, 50));
    // A page typed by number in the second half is read from the end.
    const typed = await getSentReport(database.db, xezer, {
      reportId: rowsReportId,
      personsPage: 3,
    });
    if (typed.isDraft) throw new Error('expected a sent report');
    expect(typed.persons.rows).toEqual(PERSONS.slice(100));
  });

  it('shows a returned report being corrected with the persons it was signed with', async () => {
    const returnedId = await insertDraftReport(db(), { activityCode: '62.01', quarter: 1 });
    await db().update(reports).set({ version: 3 }).where(eq(reports.id, returnedId));
    await db().insert(reportPersons).values({
      reportId: returnedId,
      employerId: xezer.employerId,
      fin: '999ZZZZ',
      surname: 'Yeni',
      name: 'Şəxs',
      patronymic: 'X',
      incomeM1Qepik: 1,
      incomeM2Qepik: 1,
      incomeM3Qepik: 1,
    });
    await markSent(db(), returnedId, { status: 'RETURNED', receiptNumber: 'S-3' });
    await insertSubmission(db(), returnedId, {
      receiptNumber: 'S-3',
      receivedAt: new Date('2025-04-15T08:00:00Z'),
      document: sampleDocument(returnedId, PERSONS.slice(0, 2)),
      withView: true,
    });
    // At the signed version the rows are shown…
    const before = await getSentReport(database.db, xezer, { reportId: returnedId });
    if (before.isDraft) throw new Error('expected a sent report');
    expect(before.persons.rows.map((p) => p.fin)).toEqual(['999ZZZZ']);
    // …once the correction moved it on, the signed document's persons.
    await db().update(reports).set({ version: 4 }).where(eq(reports.id, returnedId));
    const after = await getSentReport(database.db, xezer, { reportId: returnedId });
    if (after.isDraft) throw new Error('expected a sent report');
    expect(after.persons.rows).toEqual(PERSONS.slice(0, 2));
    expect(after.persons.total).toBe(2);
  });

  it('answers isDraft for a draft, and NOT_FOUND to another employer', async () => {
    expect(await getSentReport(database.db, xezer, { reportId: draftId })).toMatchObject({
      isDraft: true,
      reportId: draftId,
    });
    await expectRefusal(getSentReport(database.db, kur, { reportId: legacyReportId }), 'NOT_FOUND');
    await expectRefusal(getSentReport(database.db, kur, { reportId: draftId }), 'NOT_FOUND');
    await expectRefusal(getSentReport(database.db, xezer, { reportId: 'x' }), 'NOT_FOUND');
  });
});
