import 'server-only';
import { and, asc, eq, gte, inArray, like, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import {
  personAccountEntries,
  personAccountMonthTotals,
  personAccountTotals,
  registryPersons,
  reports,
} from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { cabinetHref, periodMonths } from '@/lib/cabinet/query';
import { cabinetTable, type CabinetColumn, type CabinetTable } from '@/lib/cabinet/table';
import { addDays, type IsoDate } from '@/lib/domain/calendar';
import { serverTranslations } from '@/lib/i18n/server-translations';
import { now, todayInBaku } from '../../clock';
import { AppError } from '../../errors';
import { exactQepikTotal, sumAsText } from '../../exact-sum';
import type { CabinetContext } from '../cabinet-context';
import type { CabinetTablesMode } from '../view-tables';

// View 8 (issue 13 §4): every person the employer ever reported for the chosen code, from the
// persons' accounts that posting writes (append-only; a corrective report adds the difference as
// new rows, so a person's figures are the sum of their rows). Paged in SQL, filtered by FIN prefix
// and name; a person's page lists every row across quarters and corrective reports.

export const PERSONS_PAGE_SIZE = 50;

const pae = personAccountEntries;
const distributed = sql`(${pae.paidEmployerQepik} + ${pae.paidEmployeeQepik})`;
const mdss = sql`(${pae.employerMdssQepik} + ${pae.employeeMdssQepik})`;

/** Rows posted by the end of the "as at" day in Baku (UTC+4, no daylight saving). */
export function postedBy(asOf: IsoDate): SQL {
  const next = addDays(asOf, 1);
  const day = next.ok ? next.value : asOf;
  return lt(pae.createdAt, sql`${`${day}T00:00:00+04:00`}::timestamptz`);
}

/** LIKE pattern of a typed fragment: its own % and _ match themselves. */
function containing(fragment: string): string {
  return `%${fragment.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function personWhere(context: CabinetContext, code: string): SQL {
  const { query } = context;
  const months = periodMonths(query.period);
  return and(
    eq(pae.employerId, context.scope.employerId),
    eq(pae.activityCode, code),
    postedBy(query.asOf),
    months.from === null ? undefined : gte(pae.month, months.from),
    months.to === null ? undefined : lte(pae.month, months.to),
    query.fin === null ? undefined : like(pae.fin, `${query.fin}%`),
    query.name === null ? undefined : nameLike(query.name),
  ) as SQL;
}

const MONEY: readonly CabinetColumn[] = [
  { key: 'income', label: 'cabinetLedger.liableIncome', kind: 'money', total: true },
  { key: 'employer', label: 'cabinetLedger.employerSide', kind: 'money', total: true },
  { key: 'employee', label: 'cabinetLedger.employeeSide', kind: 'money', total: true },
  { key: 'distributed', label: 'cabinetLedger.distributed', kind: 'money', total: true },
  { key: 'unpaid', label: 'cabinetLedger.unpaid', kind: 'money', total: true },
];

const fullName = (p: { surname: string | null; name: string | null; patronymic: string | null }) =>
  p.surname === null ? null : `${p.surname} ${p.name ?? ''} ${p.patronymic ?? ''}`.trim();

export async function insuredAccountTables(
  db: DbOrTx,
  context: CabinetContext,
  mode: CabinetTablesMode,
): Promise<CabinetTable[]> {
  const code = context.code?.code;
  if (!code) return [];
  return context.query.person
    ? [await personTable(db, context, code, context.query.person)]
    : [await listTable(db, context, code, mode)];
}

/** The five sums of a list line, from the columns of either source. */
function sumsOf(c: {
  income: SQL | AnyPgColumn;
  employer: SQL | AnyPgColumn;
  employee: SQL | AnyPgColumn;
  paidEmployer: SQL | AnyPgColumn;
  paidEmployee: SQL | AnyPgColumn;
}) {
  return {
    income: sumAsText(c.income),
    employer: sumAsText(c.employer),
    employee: sumAsText(c.employee),
    distributed: sumAsText(sql`${c.paidEmployer} + ${c.paidEmployee}`),
    unpaid: sumAsText(sql`${c.employer} + ${c.employee} - ${c.paidEmployer} - ${c.paidEmployee}`),
  };
}

const nameLike = (fragment: string) =>
  sql`lower(coalesce(${registryPersons.surname} || ' ' || ${registryPersons.name} || ' ' || ${registryPersons.patronymic}, '')) like ${containing(fragment)}`;

/** A month 'YYYY-MM' as the bit of person_account_totals.months (0 = 2000-01, migration 0012). */
function monthBit(month: string): number {
  return (Number(month.slice(0, 4)) - 2000) * 12 + Number(month.slice(5, 7)) - 1;
}

/** The person has a month in from–to: a bit set in that stretch of their months. */
function hasMonthIn(from: string, to: string): SQL {
  const start = monthBit(from);
  const length = monthBit(to) - start + 1;
  return sql`position(B'1' in substring(${personAccountTotals.months} from ${sql.raw(String(start + 1))} for ${sql.raw(String(length))})) > 0`;
}

const person = {
  surname: registryPersons.surname,
  name: registryPersons.name,
  patronymic: registryPersons.patronymic,
};

type ListLine = {
  fin: string;
  surname: string | null;
  name: string | null;
  patronymic: string | null;
  income: string;
  employer: string;
  employee: string;
  distributed: string;
  unpaid: string;
};
type ListSummary = {
  persons: number;
  income: string;
  employer: string;
  employee: string;
  distributed: string;
  unpaid: string;
};
type ListPage = {
  summary: ListSummary | undefined;
  totalRows: number;
  page: number;
  rows: ListLine[];
};

/**
 * One page of persons with the count and the foot over every person the filters select. Today's
 * figures read the tables the posting trigger keeps: with no period person_account_totals (one
 * row per person), with a period the same table's months to pick and page the persons, then the
 * entries of that page's persons only, and the per-month sums for the foot. A past "as at" date,
 * or a download of every row, aggregates the entries themselves.
 */
async function listPage(
  db: DbOrTx,
  context: CabinetContext,
  code: string,
  mode: CabinetTablesMode,
): Promise<ListPage> {
  const { query } = context;
  const { period } = query;
  const today = !query.asOfGiven || query.asOf >= todayInBaku(now());
  const limit = mode === 'export' ? null : PERSONS_PAGE_SIZE;
  const pageOf = (totalRows: number) =>
    Math.min(query.page, Math.max(1, Math.ceil(totalRows / PERSONS_PAGE_SIZE)));
  if (today && period.year === null) return totalsPage(db, context, code, limit, pageOf);
  if (today && limit !== null) return periodPage(db, context, code, limit, pageOf);
  return entriesPage(db, context, code, limit, pageOf);
}

/** No period, today: person_account_totals is the list, one row per person. */
async function totalsPage(
  db: DbOrTx,
  context: CabinetContext,
  code: string,
  limit: number | null,
  pageOf: (totalRows: number) => number,
): Promise<ListPage> {
  const { query } = context;
  const t = personAccountTotals;
  const sums = sumsOf({
    income: t.incomeQepik,
    employer: t.employerMdssQepik,
    employee: t.employeeMdssQepik,
    paidEmployer: t.paidEmployerQepik,
    paidEmployee: t.paidEmployeeQepik,
  });
  const where = and(
    eq(t.employerId, context.scope.employerId),
    eq(t.activityCode, code),
    query.fin === null ? undefined : like(t.fin, `${query.fin}%`),
    query.name === null ? undefined : nameLike(query.name),
  );
  // The registry is joined only for a name filter: the foot needs no name.
  const summaryFrom = db
    .select({ persons: sql<number>`count(*)::int`, ...sums })
    .from(t)
    .$dynamic();
  const [summary] = await (
    query.name === null
      ? summaryFrom
      : summaryFrom.leftJoin(registryPersons, eq(registryPersons.fin, t.fin))
  ).where(where);
  const totalRows = summary?.persons ?? 0;
  const page = pageOf(totalRows);
  // One row per person already: the page is an ordered walk of the primary key, no grouping.
  const base = db
    .select({
      fin: t.fin,
      ...person,
      income: sql<string>`${t.incomeQepik}::text`,
      employer: sql<string>`${t.employerMdssQepik}::text`,
      employee: sql<string>`${t.employeeMdssQepik}::text`,
      distributed: sql<string>`(${t.paidEmployerQepik} + ${t.paidEmployeeQepik})::text`,
      unpaid: sql<string>`(${t.employerMdssQepik} + ${t.employeeMdssQepik} - ${t.paidEmployerQepik} - ${t.paidEmployeeQepik})::text`,
    })
    .from(t)
    .leftJoin(registryPersons, eq(registryPersons.fin, t.fin))
    .where(where)
    .orderBy(asc(t.employerId), asc(t.activityCode), asc(t.fin));
  const rows = limit === null ? await base : await base.limit(limit).offset((page - 1) * limit);
  return { summary, totalRows, page, rows };
}

/**
 * A period, today, one page: the persons with a month in the period are the totals rows whose
 * months overlap it (a walk of 50 000 narrow rows, not of every person-month); only the page's
 * persons' entries are summed. The foot adds the per-month sums, or — with a FIN or name filter
 * — the entries of the persons the filter selects.
 */
async function periodPage(
  db: DbOrTx,
  context: CabinetContext,
  code: string,
  limit: number,
  pageOf: (totalRows: number) => number,
): Promise<ListPage> {
  const { query } = context;
  const { from, to } = periodMonths(query.period);
  if (from === null || to === null) throw new Error('periodPage without a period');
  const t = personAccountTotals;
  const selected = and(
    eq(t.employerId, context.scope.employerId),
    eq(t.activityCode, code),
    hasMonthIn(from, to),
    query.fin === null ? undefined : like(t.fin, `${query.fin}%`),
    query.name === null ? undefined : nameLike(query.name),
  );
  const inPeriod = and(
    eq(pae.employerId, context.scope.employerId),
    eq(pae.activityCode, code),
    gte(pae.month, from),
    lte(pae.month, to),
  );
  const ordered = () =>
    db
      .select({ fin: t.fin, ...person })
      .from(t)
      .leftJoin(registryPersons, eq(registryPersons.fin, t.fin))
      .where(selected)
      .orderBy(asc(t.employerId), asc(t.activityCode), asc(t.fin));
  if (query.fin !== null || query.name !== null) {
    // A FIN or name filter: the persons are matched once (a name is matched against every
    // person's registry row), then counted, paged and summed from that list.
    const matched = await ordered();
    const page = pageOf(matched.length);
    const persons = matched.slice((page - 1) * limit, page * limit);
    const [foot] =
      matched.length === 0
        ? [undefined]
        : await db
            .select(entrySums)
            .from(pae)
            .where(
              and(inPeriod, sql`${pae.fin} = any(${textArray(matched.map((m) => m.fin))}::text[])`),
            );
    const rows = await withPeriodSums(db, inPeriod, persons);
    return {
      summary: foot && { persons: matched.length, ...foot },
      totalRows: matched.length,
      page,
      rows,
    };
  }
  const [counted] = await db
    .select({ persons: sql<number>`count(*)::int` })
    .from(t)
    .where(selected);
  const totalRows = counted?.persons ?? 0;
  const page = pageOf(totalRows);
  const m = personAccountMonthTotals;
  const [foot] = await db
    .select(
      sumsOf({
        income: m.incomeQepik,
        employer: m.employerMdssQepik,
        employee: m.employeeMdssQepik,
        paidEmployer: m.paidEmployerQepik,
        paidEmployee: m.paidEmployeeQepik,
      }),
    )
    .from(m)
    .where(
      and(
        eq(m.employerId, context.scope.employerId),
        eq(m.activityCode, code),
        gte(m.month, from),
        lte(m.month, to),
      ),
    );
  const persons = await ordered()
    .limit(limit)
    .offset((page - 1) * limit);
  const rows = await withPeriodSums(db, inPeriod, persons);
  return { summary: foot && { persons: totalRows, ...foot }, totalRows, page, rows };
}

/** A text[] literal of FINs, one bound parameter however many there are. */
function textArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

/** The page's persons with their sums over the period, from their entries alone. */
async function withPeriodSums(
  db: DbOrTx,
  inPeriod: SQL | undefined,
  persons: {
    fin: string;
    surname: string | null;
    name: string | null;
    patronymic: string | null;
  }[],
): Promise<ListLine[]> {
  const sums =
    persons.length === 0
      ? []
      : await db
          .select({ fin: pae.fin, ...entrySums })
          .from(pae)
          .where(
            and(
              inPeriod,
              inArray(
                pae.fin,
                persons.map((p) => p.fin),
              ),
            ),
          )
          .groupBy(pae.fin);
  const byFin = new Map(sums.map(({ fin, ...figures }) => [fin, figures]));
  const zero = { income: '0', employer: '0', employee: '0', distributed: '0', unpaid: '0' };
  return persons.map((p) => ({ ...p, ...(byFin.get(p.fin) ?? zero) }));
}

const entrySums = sumsOf({
  income: pae.incomeQepik,
  employer: pae.employerMdssQepik,
  employee: pae.employeeMdssQepik,
  paidEmployer: pae.paidEmployerQepik,
  paidEmployee: pae.paidEmployeeQepik,
});

/** A past "as at" date (rows posted by then), or every row of a download: the entries. */
async function entriesPage(
  db: DbOrTx,
  context: CabinetContext,
  code: string,
  limit: number | null,
  pageOf: (totalRows: number) => number,
): Promise<ListPage> {
  const where = personWhere(context, code);
  const [summary] = await db
    .select({ persons: sql<number>`count(distinct ${pae.fin})::int`, ...entrySums })
    .from(pae)
    .leftJoin(registryPersons, eq(registryPersons.fin, pae.fin))
    .where(where);
  const totalRows = summary?.persons ?? 0;
  const page = pageOf(totalRows);
  const base = db
    .select({ fin: pae.fin, ...person, ...entrySums })
    .from(pae)
    .leftJoin(registryPersons, eq(registryPersons.fin, pae.fin))
    .where(where)
    .groupBy(pae.fin, registryPersons.surname, registryPersons.name, registryPersons.patronymic)
    .orderBy(asc(pae.fin));
  const rows = limit === null ? await base : await base.limit(limit).offset((page - 1) * limit);
  return { summary, totalRows, page, rows };
}

async function listTable(
  db: DbOrTx,
  context: CabinetContext,
  code: string,
  mode: CabinetTablesMode,
): Promise<CabinetTable> {
  const { summary, totalRows, page, rows } = await listPage(db, context, code, mode);
  const pages = Math.max(1, Math.ceil(totalRows / PERSONS_PAGE_SIZE));
  const pageHref = (n: number) =>
    cabinetHref('insured-accounts', context.query, {
      page: n,
      fin: context.query.fin,
      name: context.query.name,
    });
  return cabinetTable({
    id: 'insured-accounts',
    title: 'cabinetLedger.personsTable',
    columns: [
      { key: 'fin', label: 'cabinetLedger.fin', kind: 'code' },
      { key: 'person', label: 'cabinetLedger.person', kind: 'text' },
      ...MONEY,
    ],
    rows: rows.map((r) =>
      moneyRow(r.fin, { fin: r.fin, person: fullName(r) }, r, {
        href: cabinetHref('insured-accounts', context.query, { person: r.fin }),
      }),
    ),
    // The foot sums every person the filters select, not only this page.
    totals: {
      income: exactQepikTotal(summary?.income ?? 0),
      employer: exactQepikTotal(summary?.employer ?? 0),
      employee: exactQepikTotal(summary?.employee ?? 0),
      distributed: exactQepikTotal(summary?.distributed ?? 0),
      unpaid: exactQepikTotal(summary?.unpaid ?? 0),
    },
    ...(mode === 'export'
      ? {}
      : {
          paging: {
            page,
            pageSize: PERSONS_PAGE_SIZE,
            totalRows,
            previousHref: page > 1 ? pageHref(page - 1) : null,
            nextHref: page < pages ? pageHref(page + 1) : null,
          },
        }),
  });
}

function moneyRow(
  key: string,
  cells: Record<string, string | number | null>,
  sums: { income: string; employer: string; employee: string; distributed: string; unpaid: string },
  extra: { href?: string } = {},
) {
  return {
    key,
    ...extra,
    cells: {
      ...cells,
      income: exactQepikTotal(sums.income),
      employer: exactQepikTotal(sums.employer),
      employee: exactQepikTotal(sums.employee),
      distributed: exactQepikTotal(sums.distributed),
      unpaid: exactQepikTotal(sums.unpaid),
    },
  };
}

/** A person's page: every account row, month by month, with the report that wrote it. */
async function personTable(
  db: DbOrTx,
  context: CabinetContext,
  code: string,
  fin: string,
): Promise<CabinetTable> {
  const words = await serverTranslations('cabinetLedger');
  const { query } = context;
  // The FIN comes from the address: a person the employer never reported for this code is not
  // its to show. Without this check the caption would name anyone in the registry (another
  // employer's, a parent's or a sibling's employee) to whoever typed their FIN.
  const t = personAccountTotals;
  const [reported] = await db
    .select({ fin: t.fin })
    .from(t)
    .where(
      and(eq(t.employerId, context.scope.employerId), eq(t.activityCode, code), eq(t.fin, fin)),
    );
  if (!reported) throw new AppError('NOT_FOUND');
  const [person] = await db.select().from(registryPersons).where(eq(registryPersons.fin, fin));
  const rows = await db
    .select({
      id: pae.id,
      month: pae.month,
      year: reports.year,
      quarter: reports.quarter,
      reportType: reports.reportType,
      income: sql<string>`${pae.incomeQepik}::text`,
      employer: sql<string>`${pae.employerMdssQepik}::text`,
      employee: sql<string>`${pae.employeeMdssQepik}::text`,
      distributed: sql<string>`${distributed}::text`,
      unpaid: sql<string>`(${mdss} - ${distributed})::text`,
    })
    .from(pae)
    .innerJoin(reports, eq(reports.id, pae.reportId))
    .where(
      and(
        personWhere({ ...context, query: { ...query, fin: null, name: null } }, code),
        eq(pae.fin, fin),
      ),
    )
    .orderBy(asc(pae.month), asc(pae.createdAt), asc(pae.id));
  return cabinetTable({
    id: 'person-months',
    title: 'cabinetLedger.personMonthsTable',
    caption: `${fin}${person ? ` — ${fullName(person)}` : ''}`,
    columns: [
      { key: 'month', label: 'cabinetLedger.month', kind: 'month' },
      { key: 'report', label: 'cabinetLedger.report', kind: 'text' },
      ...MONEY,
    ],
    rows: rows.map((r) =>
      moneyRow(
        String(r.id),
        {
          month: r.month,
          report: `${words('reportQuarter', { year: r.year, quarter: r.quarter })} · ${words(`reportType${r.reportType}`)}`,
        },
        r,
      ),
    ),
  });
}
