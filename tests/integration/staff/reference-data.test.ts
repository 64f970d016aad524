import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  addHolidayAction,
  addPenaltyAction,
  addRegimeAction,
} from '@/app/admin/(dashboard)/reference/actions';
import { seed } from '@/db/seed';
import { auditLog, reports } from '@/db/schema';
import { reportDueDate, resolveContributionRegime } from '@/lib/domain';
import { loadReportFigures } from '@/lib/server/reports/figures/load-report-figures';
import { loadReportContext } from '@/lib/server/reports/persons/report-context';
import { loadContributionSchedule, loadHolidays } from '@/lib/server/reports/report-rates';
import {
  addContributionRegime,
  addHoliday,
  addPenaltyParameters,
  endReferenceCode,
  removeHoliday,
} from '@/lib/server/staff/reference/change-reference';
import { listHolidays, nextDueDates } from '@/lib/server/staff/reference/list-reference';
import { callAction, useAsAppDatabase } from '../helpers/action-harness';
import { directorScope, sendableReport } from '../helpers/sending-fixtures';
import { inSession, STAFF_KEYS, startStaffSession, staffScopeOf } from '../helpers/staff-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

// Reference data (issue 14 §11): effective-dated changes by the administrator, read by the
// server at the moment of use; refused where an accepted report's period would change.

const NOW = new Date('2026-12-01T08:00:00Z');
const OCTOBER = new Date('2026-10-05T08:00:00Z');

let database: TestDatabase;
let adminSession: string;
let draftId: string;

type Refusal = { ok: false; code?: string; field?: string; message: string };

beforeAll(async () => {
  vi.stubEnv('HESABAT_NOW', NOW.toISOString());
  database = await createTestDatabase();
  await seed(database.db);
  useAsAppDatabase(database);
  adminSession = await startStaffSession(database.db, STAFF_KEYS.admin, NOW);
  const scope = await directorScope(database.db, 'xezer', OCTOBER);
  // A Q3 2026 draft (62.01), and a Q3 2026 report of 47.41 the fund accepted (set directly:
  // a draft's status is not guarded; the sending path is tested elsewhere).
  draftId = await sendableReport(database.db, scope, {
    employerKey: 'xezer',
    activityCode: '62.01',
    year: 2026,
    quarter: 3,
    asOf: OCTOBER,
  });
  const acceptedId = await sendableReport(database.db, scope, {
    employerKey: 'xezer',
    activityCode: '47.41',
    year: 2026,
    quarter: 3,
    asOf: OCTOBER,
  });
  await database.db
    .update(reports)
    .set({ status: 'ACCEPTED', decidedAt: OCTOBER })
    .where(eq(reports.id, acceptedId));
}, 120_000);
afterAll(async () => {
  vi.unstubAllEnvs();
  await database?.close();
});

const admin = () => staffScopeOf(database.db, STAFF_KEYS.admin, NOW);
const asAdmin = <T>(fn: () => Promise<T>) => inSession(adminSession, fn);

describe('public holidays', () => {
  it('a holiday on the next report due date moves it to the next working day, removal moves it back', async () => {
    const before = await nextDueDates(database.db, NOW);
    // Q4 2026: the 20th of January 2027 is a holiday (Ümumxalq Hüzn Günü), so the 21st.
    expect(before.report).toEqual({ period: { year: 2026, quarter: 4 }, dueDate: '2027-01-21' });
    const added = await inSession(adminSession, () =>
      callAction(addHolidayAction, [
        null,
        { day: '2027-01-21', nameAz: 'Sınaq günü', nameEn: 'Test day', comment: 'Qərar 1' },
      ]),
    );
    expect(added).toEqual({ kind: 'redirect', to: '/admin/reference/holidays?done=added' });
    expect((await nextDueDates(database.db, NOW)).report.dueDate).toBe('2027-01-22');
    // What receiving a submission computes the late flag with reads the table at that moment.
    const due = reportDueDate({ year: 2026, quarter: 4 }, await loadHolidays(database.db));
    expect(due).toEqual({ ok: true, value: '2027-01-22' });

    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'REFERENCE_HOLIDAY_ADDED'))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(audit?.details).toMatchObject({
      reason: 'Qərar 1',
      day: '2027-01-21',
      staffRole: 'ADMIN',
    });

    await removeHoliday(database.db, await admin(), { day: '2027-01-21', comment: 'Səhv' }, NOW);
    expect((await nextDueDates(database.db, NOW)).report.dueDate).toBe('2027-01-21');
    const list = await listHolidays(database.db, await admin(), { page: 1 }, NOW);
    expect(list.pageCount).toBeGreaterThan(1);
    // Removed, not deleted: the row stays, marked; it can be added again.
    await addHoliday(
      database.db,
      await admin(),
      { day: '2027-01-21', nameAz: 'Yenə', nameEn: 'Again', comment: 'Qərar 2' },
      NOW,
    );
    expect((await nextDueDates(database.db, NOW)).report.dueDate).toBe('2027-01-22');
    await removeHoliday(database.db, await admin(), { day: '2027-01-21', comment: 'Geri' }, NOW);
  });

  it('refuses a past day, a duplicate, and a day that moves an accepted report’s due date', async () => {
    const scope = await admin();
    await expect(
      addHoliday(
        database.db,
        scope,
        { day: '2026-11-30', nameAz: 'a', nameEn: 'a', comment: 'c' },
        NOW,
      ),
    ).rejects.toMatchObject({ code: 'REFERENCE_HOLIDAY_PAST', field: 'day' });
    await expect(
      addHoliday(
        database.db,
        scope,
        { day: '2027-01-20', nameAz: 'a', nameEn: 'a', comment: 'c' },
        NOW,
      ),
    ).rejects.toMatchObject({ code: 'REFERENCE_HOLIDAY_EXISTS', field: 'day' });
    // Early October: Q3 2026 is accepted for Xəzər; a holiday on 19 October moves its due date.
    await expect(
      addHoliday(
        database.db,
        scope,
        { day: '2026-10-19', nameAz: 'a', nameEn: 'a', comment: 'c' },
        OCTOBER,
      ),
    ).rejects.toMatchObject({
      code: 'REFERENCE_PERIOD_ACCEPTED',
      field: 'day',
      params: { employer: '«Xəzər Texnologiyaları» MMC', year: 2026, quarter: 'III' },
    });
  });
});

describe('effective-dated rates', () => {
  it('a rate change from a future date leaves an existing draft’s months as they were', async () => {
    const director = await directorScope(database.db, 'xezer', NOW);
    const figures = async () =>
      loadReportFigures(database.db, await loadReportContext(database.db, director, draftId), {
        asOf: NOW,
      });
    const before = await figures();
    expect(before.employerTotalQepik).toBeGreaterThan(0);
    await addContributionRegime(database.db, await admin(), {
      sector: 'NON_OIL_NON_STATE',
      validFrom: '2027-01-01',
      employeeRate1: '3',
      employeeFrom2: '200',
      employeeRate2: '10',
      employerRate1: '25',
      employerFrom2: '200',
      employerRate2: '15',
      comment: 'Yeni qanun',
    });
    const after = await figures();
    expect(after.contributions).toEqual(before.contributions);
    expect(after.employerTotalQepik).toBe(before.employerTotalQepik);
    const schedule = await loadContributionSchedule(database.db);
    const dec = resolveContributionRegime(schedule, 'NON_OIL_NON_STATE', '2026-12');
    const jan = resolveContributionRegime(schedule, 'NON_OIL_NON_STATE', '2027-01');
    expect(dec.ok && dec.value.id).toBe('NON_OIL_NON_STATE_2026');
    expect(dec.ok && dec.value.validTo).toBe('2026-12-31');
    expect(jan.ok && jan.value.employer[0]?.rate).toEqual({ num: 1, den: 4 });
    // A second version before the one now recorded is refused.
    await expect(
      addContributionRegime(database.db, await admin(), {
        sector: 'NON_OIL_NON_STATE',
        validFrom: '2026-12-01',
        employeeRate1: '3',
        employerRate1: '22',
        comment: 'c',
      }),
    ).rejects.toMatchObject({ code: 'REFERENCE_LATER_VERSION_EXISTS', field: 'validFrom' });
  });

  it('a change covering an accepted report’s period is refused, naming the report', async () => {
    const refusal = (await asAdmin(() =>
      addPenaltyAction(null, {
        validFrom: '2026-09-01',
        dailyRate: '0.2',
        capDays: '365',
        lateFilingRate: '10',
        comment: 'Sınaq',
      }),
    )) as Refusal;
    expect(refusal).toMatchObject({
      ok: false,
      code: 'REFERENCE_PERIOD_ACCEPTED',
      field: 'validFrom',
    });
    expect(refusal.message).toContain(
      '«Xəzər Texnologiyaları» MMC 2026 III rüb hesabatı qəbul olunub',
    );
    // The activity code of the accepted report cannot end inside its period; another code's can.
    await expect(
      endReferenceCode(database.db, await admin(), 'activity-codes', {
        code: '47.41',
        endFrom: '2026-09-01',
        comment: 'c',
      }),
    ).rejects.toMatchObject({ code: 'REFERENCE_PERIOD_ACCEPTED' });
    // From the next quarter on the change is fine.
    await addPenaltyParameters(database.db, await admin(), {
      validFrom: '2027-01-01',
      dailyRate: '0,2',
      capDays: '365',
      lateFilingRate: '10',
      comment: 'Yeni qərar',
    });
    const rows = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'REFERENCE_PENALTY_ADDED')));
    expect(rows.at(-1)?.details).toMatchObject({
      reason: 'Yeni qərar',
      from: '2027-01-01',
      dailyRate: { num: 1, den: 500 },
    });
  });
});

describe('malformed input', () => {
  it('is refused at its field', async () => {
    const cases: [unknown, string, string][] = [
      [
        () =>
          addHolidayAction(null, {
            day: '2027-02-01',
            nameAz: 'a\u0000b',
            nameEn: 'x',
            comment: 'c',
          }),
        'nameAz',
        'TEXT_CONTROL_CHARACTERS',
      ],
      [
        () => addHolidayAction(null, { day: '2027-02-30', nameAz: 'a', nameEn: 'x', comment: 'c' }),
        'day',
        'REFERENCE_DATE_INVALID',
      ],
      [
        () => addHolidayAction(null, { day: '2027-02-01', nameAz: 'a', nameEn: 'x', comment: ' ' }),
        'comment',
        'REFERENCE_COMMENT_REQUIRED',
      ],
      [
        () =>
          addPenaltyAction(null, {
            validFrom: '2028-01-01',
            dailyRate: '-0.1',
            capDays: '365',
            lateFilingRate: '10',
            comment: 'c',
          }),
        'dailyRate',
        'REFERENCE_RATE_INVALID',
      ],
      [
        () =>
          addPenaltyAction(null, {
            validFrom: '2028-01-01',
            dailyRate: '0.1',
            capDays: '99999999999',
            lateFilingRate: '10',
            comment: 'c',
          }),
        'capDays',
        'REFERENCE_NUMBER_INVALID',
      ],
      [
        () =>
          addPenaltyAction(null, {
            validFrom: '2028-01-01',
            dailyRate: '0.1',
            capDays: '365',
            lateFilingRate: '9'.repeat(200),
            comment: 'c',
          }),
        'lateFilingRate',
        'TEXT_TOO_LONG',
      ],
      [
        () =>
          addRegimeAction(null, {
            sector: 'STATE_OR_OIL',
            validFrom: '2028-01-15',
            employeeRate1: '3',
            employerRate1: '1e9',
            employerFrom2: '99999999999999999',
            employerRate2: '5',
            comment: 'c',
          }),
        'validFrom',
        'REFERENCE_DATE_NOT_MONTH_START',
      ],
    ];
    for (const [call, field, code] of cases) {
      const out = (await asAdmin(call as () => Promise<unknown>)) as Refusal;
      expect(out.ok, `${field} ${code}`).toBe(false);
      const errors = (out as Refusal & { fieldErrors?: { field?: string }[] }).fieldErrors;
      expect(out.field, code).toBe(field);
      expect(out.code, field).toBe(code);
      if (field === 'validFrom') {
        expect(errors?.map((e) => e.field)).toEqual([
          'validFrom',
          'employerRate1',
          'employerFrom2',
        ]);
      }
    }
  });
});

describe('who may change reference data', () => {
  it('only the administrator: any other staff member finds nothing', async () => {
    for (const who of ['operator', 'reviewer', 'head', 'otherBody'] as const) {
      const session = await startStaffSession(database.db, STAFF_KEYS[who], NOW);
      const out = await inSession(session, () =>
        callAction(addHolidayAction, [
          null,
          { day: '2027-03-01', nameAz: 'a', nameEn: 'a', comment: 'c' },
        ]),
      );
      expect(out.kind, who).toBe('not-found');
      await expect(
        listHolidays(database.db, await staffScopeOf(database.db, STAFF_KEYS[who], NOW), {
          page: 1,
        }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
  });
});
