import 'server-only';
import { and, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { ledgerEntries, personAccountEntries, reports, submissions } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { periodDates, periodMonths } from '@/lib/cabinet/query';
import { cabinetTable, type CabinetTable } from '@/lib/cabinet/table';
import { serverTranslations } from '@/lib/i18n/server-translations';
import { exactQepikTotal, sumAsText } from '../../exact-sum';
import type { CabinetContext } from '../cabinet-context';
import { entriesUpTo, obligationMonthSql } from '../ledger-sql';
import { postedBy } from './insured-accounts';

// View 12 ("SO-lar üzrə bölüşdürülməmiş məbləğlər"): per report quarter and contribution month,
// the MDSS that the report's payments settled, what was distributed to insured persons' accounts
// and what stayed undistributed (e.g. older debt of months without persons, or persons reported
// below the income the payments cover). A corrective report posts differences, so the quarter's
// figures add the original's rows and every correction's (accepted and replaced reports).

const POSTED = ['ACCEPTED', 'REPLACED'] as const;

export async function undistributedTables(
  db: DbOrTx,
  context: CabinetContext,
): Promise<CabinetTable[]> {
  const code = context.code?.code;
  if (!code) return [];
  const words = await serverTranslations('cabinetLedger');
  const { to } = periodDates(context.query.period, context.query.asOf);
  const months = periodMonths(context.query.period);
  const month = obligationMonthSql;
  const paid = await db
    .select({
      year: reports.year,
      quarter: reports.quarter,
      month,
      total: sumAsText(sql`-${ledgerEntries.amountQepik}`),
    })
    .from(ledgerEntries)
    .innerJoin(submissions, sql`${submissions.id}::text = ${ledgerEntries.sourceId}`)
    .innerJoin(reports, eq(reports.id, submissions.reportId))
    .where(
      and(
        entriesUpTo(context, to),
        eq(ledgerEntries.sourceType, 'REPORT'),
        eq(ledgerEntries.kind, 'PAYMENT'),
        eq(ledgerEntries.target, 'MDSS'),
        inArray(reports.status, [...POSTED]),
        months.from === null ? undefined : gte(month, months.from),
        months.to === null ? undefined : lte(month, months.to),
      ),
    )
    .groupBy(reports.year, reports.quarter, month);
  const pae = personAccountEntries;
  const distributed = await db
    .select({
      year: reports.year,
      quarter: reports.quarter,
      month: pae.month,
      total: sumAsText(sql`${pae.paidEmployerQepik} + ${pae.paidEmployeeQepik}`),
    })
    .from(pae)
    .innerJoin(reports, eq(reports.id, pae.reportId))
    .where(
      and(
        eq(pae.employerId, context.scope.employerId),
        eq(pae.activityCode, code),
        postedBy(to),
        inArray(reports.status, [...POSTED]),
        months.from === null ? undefined : gte(pae.month, months.from),
        months.to === null ? undefined : lte(pae.month, months.to),
      ),
    )
    .groupBy(reports.year, reports.quarter, pae.month);
  type Line = { year: number; quarter: number; month: string | null; paid: number; given: number };
  const lines = new Map<string, Line>();
  const line = (year: number, quarter: number, m: string | null) => {
    const key = `${year}-${quarter}-${m ?? ''}`;
    const found = lines.get(key) ?? { year, quarter, month: m, paid: 0, given: 0 };
    lines.set(key, found);
    return found;
  };
  for (const r of paid) line(r.year, r.quarter, r.month).paid += exactQepikTotal(r.total);
  for (const r of distributed) line(r.year, r.quarter, r.month).given += exactQepikTotal(r.total);
  const sorted = [...lines.values()].sort(
    (a, b) =>
      a.year - b.year || a.quarter - b.quarter || (a.month ?? '').localeCompare(b.month ?? ''),
  );
  return [
    cabinetTable({
      id: 'undistributed',
      title: 'cabinetLedger.undistributedTable',
      columns: [
        { key: 'report', label: 'cabinetLedger.report', kind: 'text' },
        { key: 'month', label: 'cabinetLedger.month', kind: 'month' },
        { key: 'paid', label: 'cabinetLedger.paidToMdss', kind: 'money', total: true },
        { key: 'distributed', label: 'cabinetLedger.distributed', kind: 'money', total: true },
        { key: 'undistributed', label: 'cabinetLedger.undistributed', kind: 'money', total: true },
      ],
      rows: sorted.map((l) => ({
        key: `${l.year}-${l.quarter}-${l.month ?? ''}`,
        cells: {
          report: words('reportQuarter', { year: l.year, quarter: l.quarter }),
          month: l.month,
          paid: l.paid,
          distributed: l.given,
          undistributed: l.paid - l.given,
        },
      })),
    }),
  ];
}
