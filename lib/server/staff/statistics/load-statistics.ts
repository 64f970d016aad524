import 'server-only';
import { and, desc, eq, gte, isNull, lt, lte, sql, type SQL } from 'drizzle-orm';
import { employers, ledgerEntries, payments, reports, submissions } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { addDays, type IsoDate } from '@/lib/domain/calendar';
import {
  deadlineWindow,
  lastMonths,
  lastReportDeadline,
  sharePercent,
} from '@/lib/domain/staff/statistics-period';
import { staffBodyFilter, type StaffScope } from '../../access';
import { categorySql } from '../../cabinet/ledger-sql';
import { now, todayInBaku } from '../../clock';
import { exactQepikTotal, sumAsText } from '../../exact-sum';
import { loadHolidays } from '../../reports/report-rates';

// The statistics page (issue 14 §13): one aggregate query per chart, in SQL, over the staff
// member's local body (an administrator: every body). The on-time comparison shows every body
// to everyone: it holds counts only, no employer's data. Money is qəpik, summed exactly.

/** The debt categories of the cabinet's views 5 and 7 (lib/server/cabinet/ledger-sql.ts). */
export const STAT_DEBT_CATEGORIES = ['MDSS', 'PENALTY', 'FINES', 'OTHER'] as const;
export type StatDebtCategory = (typeof STAT_DEBT_CATEGORIES)[number];

const bakuMidnight = (date: IsoDate) => new Date(`${date}T00:00:00+04:00`);
const bakuDateSql = (column: SQL | typeof submissions.receivedAt) =>
  sql<string>`(((${column}) at time zone 'UTC') + interval '4 hours')::date::text`;

function nextDay(date: IsoDate): IsoDate {
  const next = addDays(date, 1);
  if (!next.ok) throw new Error(`statistics: bad date ${date}`);
  return next.value;
}

export type DeadlineDay = { date: IsoDate; received: number; late: number };
export type Deadline = { year: number; quarter: number; dueDate: IsoDate };

/** Reports received per Baku day, ±10 days around `deadline`, of the body's employers. */
export async function reportsAroundDeadline(
  db: DbOrTx,
  staff: StaffScope,
  deadline: Deadline,
): Promise<DeadlineDay[]> {
  const { from, to } = deadlineWindow(deadline.dueDate);
  const day = bakuDateSql(submissions.receivedAt);
  const rows = await db
    .select({
      day,
      received: sql<number>`count(*)::int`,
      late: sql<number>`(count(*) filter (where ${submissions.late}))::int`,
    })
    .from(submissions)
    .innerJoin(employers, eq(employers.id, submissions.employerId))
    .where(
      and(
        gte(submissions.receivedAt, bakuMidnight(from)),
        lt(submissions.receivedAt, bakuMidnight(nextDay(to))),
        staffBodyFilter(staff, employers.localBodyCode),
      ),
    )
    .groupBy(day);
  const byDay = new Map(rows.map((r) => [r.day, r]));
  const days: DeadlineDay[] = [];
  for (let d = from; d <= to; d = nextDay(d)) {
    const row = byDay.get(d);
    days.push({ date: d, received: Number(row?.received ?? 0), late: Number(row?.late ?? 0) });
  }
  return days;
}

export type BodyOnTime = {
  code: string;
  name: string;
  employers: number;
  onTime: number;
  late: number;
  notFiled: number;
  /** On time / employers, in per cent with one decimal; null for a body with no employer. */
  sharePercent: number | null;
};

/**
 * Per local body (every body, for everyone): of its employers, how many sent a report for the
 * deadline's quarter by the deadline, how many only after it, how many none yet.
 */
export async function onTimeShareByBody(db: DbOrTx, deadline: Deadline): Promise<BodyOnTime[]> {
  const filed = db
    .select({
      employerId: submissions.employerId,
      onTime: sql<boolean>`bool_or(not ${submissions.late})`.as('on_time'),
    })
    .from(submissions)
    .innerJoin(reports, eq(reports.id, submissions.reportId))
    .where(and(eq(reports.year, deadline.year), eq(reports.quarter, deadline.quarter)))
    .groupBy(submissions.employerId)
    .as('filed');
  const rows = await db
    .select({
      code: employers.localBodyCode,
      name: sql<string>`min(${employers.localBodyName})`,
      employers: sql<number>`count(*)::int`,
      onTime: sql<number>`(count(*) filter (where ${filed.onTime}))::int`,
      late: sql<number>`(count(*) filter (where not ${filed.onTime}))::int`,
      notFiled: sql<number>`(count(*) filter (where ${filed.employerId} is null))::int`,
    })
    .from(employers)
    .leftJoin(filed, eq(filed.employerId, employers.id))
    .groupBy(employers.localBodyCode)
    .orderBy(employers.localBodyCode);
  return rows.map((r) => {
    const counts = {
      employers: Number(r.employers),
      onTime: Number(r.onTime),
      late: Number(r.late),
      notFiled: Number(r.notFiled),
    };
    return {
      code: r.code,
      name: r.name,
      ...counts,
      sharePercent: sharePercent(counts.onTime, counts.employers),
    };
  });
}

export type CategoryDebt = { category: StatDebtCategory; debtQepik: number; employers: number };

/**
 * The body's debt by category at `today`: per employer and category the ledger balance, and of
 * those the debts (balances above zero) summed — one employer's overpayment does not lower
 * another's debt.
 */
export async function debtByCategory(
  db: DbOrTx,
  staff: StaffScope,
  today: IsoDate,
): Promise<CategoryDebt[]> {
  const per = db
    .select({
      employerId: ledgerEntries.employerId,
      category: sql<string>`${categorySql}`.as('category'),
      balance: sql<string>`sum(${ledgerEntries.amountQepik})`.as('balance'),
    })
    .from(ledgerEntries)
    .innerJoin(employers, eq(employers.id, ledgerEntries.employerId))
    .where(
      and(lte(ledgerEntries.entryDate, today), staffBodyFilter(staff, employers.localBodyCode)),
    )
    .groupBy(ledgerEntries.employerId, categorySql)
    .as('per');
  const rows = await db
    .select({
      category: per.category,
      debt: sql<string>`coalesce(sum(${per.balance}) filter (where ${per.balance} > 0), 0)::text`,
      employers: sql<number>`(count(*) filter (where ${per.balance} > 0))::int`,
    })
    .from(per)
    .groupBy(per.category);
  return STAT_DEBT_CATEGORIES.map((category) => {
    const row = rows.find((r) => r.category === category);
    return {
      category,
      debtQepik: row ? exactQepikTotal(row.debt) : 0,
      employers: Number(row?.employers ?? 0),
    };
  });
}

export type PaymentsPoint = { key: string; count: number; amountQepik: number };
export const PAYMENT_GRANULARITIES = ['month', 'day'] as const;
export type PaymentGranularity = (typeof PAYMENT_GRANULARITIES)[number];
export const PAYMENT_MONTHS = 12;
export const PAYMENT_DAYS = 31;

/**
 * Payments recorded for the body's employers, by payment date: per month over the last 12
 * months, or per day over the last 31 days. A signed distribution's parts are not payments of
 * their own (their source already counts), so only source payments are counted.
 */
export async function paymentsRecorded(
  db: DbOrTx,
  staff: StaffScope,
  today: IsoDate,
  granularity: PaymentGranularity,
): Promise<PaymentsPoint[]> {
  let keys: string[];
  if (granularity === 'month') {
    keys = lastMonths(today, PAYMENT_MONTHS);
  } else {
    keys = [];
    const first = addDays(today, -(PAYMENT_DAYS - 1));
    if (!first.ok) throw new Error(`statistics: bad date ${today}`);
    for (let d = first.value; d <= today; d = nextDay(d)) keys.push(d);
  }
  const from = granularity === 'month' ? `${keys[0]}-01` : (keys[0] ?? today);
  const key =
    granularity === 'month'
      ? sql<string>`to_char(${payments.paymentDate}, 'YYYY-MM')`
      : sql<string>`${payments.paymentDate}::text`;
  const rows = await db
    .select({ key, count: sql<number>`count(*)::int`, amount: sumAsText(payments.amountQepik) })
    .from(payments)
    .innerJoin(employers, eq(employers.id, payments.employerId))
    .where(
      and(
        isNull(payments.sourcePaymentId),
        gte(payments.paymentDate, from),
        lte(payments.paymentDate, today),
        staffBodyFilter(staff, employers.localBodyCode),
      ),
    )
    .groupBy(key);
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return keys.map((k) => {
    const row = byKey.get(k);
    return {
      key: k,
      count: Number(row?.count ?? 0),
      amountQepik: row ? exactQepikTotal(row.amount) : 0,
    };
  });
}

export type Debtor = {
  employerId: string;
  name: string;
  voen: string;
  localBodyName: string;
  debts: Readonly<Record<StatDebtCategory, number>>;
  /** The whole ledger balance (an overpayment carried forward lowers it). */
  balanceQepik: number;
};

export const TOP_DEBTORS = 10;

/** The body's employers with the largest ledger balance at `today`, largest first. */
export async function largestDebtors(
  db: DbOrTx,
  staff: StaffScope,
  today: IsoDate,
): Promise<Debtor[]> {
  const balance = sql`sum(${ledgerEntries.amountQepik})`;
  const of = (category: StatDebtCategory) =>
    sql<string>`coalesce(sum(${ledgerEntries.amountQepik}) filter (where ${categorySql} = ${category}), 0)::text`;
  const rows = await db
    .select({
      employerId: employers.id,
      name: employers.name,
      voen: employers.voen,
      localBodyName: employers.localBodyName,
      balance: sql<string>`${balance}::text`,
      MDSS: of('MDSS'),
      PENALTY: of('PENALTY'),
      FINES: of('FINES'),
      OTHER: of('OTHER'),
    })
    .from(ledgerEntries)
    .innerJoin(employers, eq(employers.id, ledgerEntries.employerId))
    .where(
      and(lte(ledgerEntries.entryDate, today), staffBodyFilter(staff, employers.localBodyCode)),
    )
    .groupBy(employers.id)
    .having(sql`${balance} > 0`)
    .orderBy(desc(balance), employers.name)
    .limit(TOP_DEBTORS);
  return rows.map((r) => ({
    employerId: r.employerId,
    name: r.name,
    voen: r.voen,
    localBodyName: r.localBodyName,
    balanceQepik: exactQepikTotal(r.balance),
    debts: {
      MDSS: exactQepikTotal(r.MDSS),
      PENALTY: exactQepikTotal(r.PENALTY),
      FINES: exactQepikTotal(r.FINES),
      OTHER: exactQepikTotal(r.OTHER),
    },
  }));
}

export type Statistics = {
  today: IsoDate;
  deadline: Deadline;
  aroundDeadline: DeadlineDay[];
  onTime: BodyOnTime[];
  debt: CategoryDebt[];
  payments: PaymentsPoint[];
  granularity: PaymentGranularity;
  debtors: Debtor[];
};

/** Everything the statistics page draws, for the staff member's body. */
export async function loadStatistics(
  db: DbOrTx,
  staff: StaffScope,
  input: { granularity: PaymentGranularity },
  asOf: Date = now(),
): Promise<Statistics> {
  const today = todayInBaku(asOf);
  const deadline = lastReportDeadline(today, await loadHolidays(db));
  const [aroundDeadline, onTime, debt, paid, debtors] = await Promise.all([
    reportsAroundDeadline(db, staff, deadline),
    onTimeShareByBody(db, deadline),
    debtByCategory(db, staff, today),
    paymentsRecorded(db, staff, today, input.granularity),
    largestDebtors(db, staff, today),
  ]);
  return {
    today,
    deadline,
    aroundDeadline,
    onTime,
    debt,
    payments: paid,
    granularity: input.granularity,
    debtors,
  };
}
