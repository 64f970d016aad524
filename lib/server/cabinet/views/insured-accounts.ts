import 'server-only';
import { and, asc, eq, gte, like, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { personAccountEntries, personAccountTotals, registryPersons, reports } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { cabinetHref, periodMonths } from '@/lib/cabinet/query';
import { cabinetTable, type CabinetColumn, type CabinetTable } from '@/lib/cabinet/table';
import { addDays, type IsoDate } from '@/lib/domain/calendar';
import { serverTranslations } from '@/lib/i18n/server-translations';
import { now, todayInBaku } from '../../clock';
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

/**
 * One page of persons with the count and the foot over every person the filters select. With no
 * period and today's figures it reads person_account_totals (one row per person, kept by a
 * trigger from the entries); a period or a past date aggregates the entries themselves.
 */
async function listPage(
  db: DbOrTx,
  context: CabinetContext,
  code: string,
  mode: CabinetTablesMode,
) {
  const { query } = context;
  const { period } = query;
  const current = period.year === null && (!query.asOfGiven || query.asOf >= todayInBaku(now()));
  const limit = mode === 'export' ? null : PERSONS_PAGE_SIZE;
  const pageOf = (totalRows: number) =>
    Math.min(query.page, Math.max(1, Math.ceil(totalRows / PERSONS_PAGE_SIZE)));
  const person = {
    surname: registryPersons.surname,
    name: registryPersons.name,
    patronymic: registryPersons.patronymic,
  };
  if (current) {
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
    const [summary] = await db
      .select({ persons: sql<number>`count(*)::int`, ...sums })
      .from(t)
      .leftJoin(registryPersons, eq(registryPersons.fin, t.fin))
      .where(where);
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
  const sums = sumsOf({
    income: pae.incomeQepik,
    employer: pae.employerMdssQepik,
    employee: pae.employeeMdssQepik,
    paidEmployer: pae.paidEmployerQepik,
    paidEmployee: pae.paidEmployeeQepik,
  });
  const where = personWhere(context, code);
  const [summary] = await db
    .select({ persons: sql<number>`count(distinct ${pae.fin})::int`, ...sums })
    .from(pae)
    .leftJoin(registryPersons, eq(registryPersons.fin, pae.fin))
    .where(where);
  const totalRows = summary?.persons ?? 0;
  const page = pageOf(totalRows);
  const base = db
    .select({ fin: pae.fin, ...person, ...sums })
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
