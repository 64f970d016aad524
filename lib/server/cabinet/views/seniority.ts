import 'server-only';
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import {
  preferentialSeniorityEntries,
  registryPersons,
  reports,
  reportSeniority,
} from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { periodMonths } from '@/lib/cabinet/query';
import { cabinetTable, type CabinetTable } from '@/lib/cabinet/table';
import { serverLocale } from '@/lib/i18n/server-locale';
import { serverTranslations } from '@/lib/i18n/server-translations';
import type { CabinetContext } from '../cabinet-context';

/**
 * View 9: preferential seniority (F24) as the reports in force declared it for the chosen code —
 * person, list position, days or from–to — report by report. A corrective report holds the whole
 * list again, so only accepted (not replaced) reports count; the period filter picks quarters.
 */
export async function seniorityTables(
  db: DbOrTx,
  context: CabinetContext,
): Promise<CabinetTable[]> {
  const code = context.code?.code;
  if (!code) return [];
  const words = await serverTranslations('cabinetLedger');
  const english = (await serverLocale()) === 'en';
  const months = periodMonths(context.query.period);
  const quarterKey = (m: string | null) =>
    m === null ? null : Number(m.slice(0, 4)) * 10 + Math.ceil(Number(m.slice(5, 7)) / 3);
  const fromKey = quarterKey(months.from);
  const toKey = quarterKey(months.to);
  const rows = await db
    .select({
      id: reportSeniority.id,
      year: reports.year,
      quarter: reports.quarter,
      fin: reportSeniority.fin,
      surname: registryPersons.surname,
      name: registryPersons.name,
      positionCode: preferentialSeniorityEntries.positionCode,
      titleAz: preferentialSeniorityEntries.titleAz,
      titleEn: preferentialSeniorityEntries.titleEn,
      days: reportSeniority.days,
      fromDate: reportSeniority.fromDate,
      toDate: reportSeniority.toDate,
    })
    .from(reportSeniority)
    .innerJoin(reports, eq(reports.id, reportSeniority.reportId))
    .innerJoin(
      preferentialSeniorityEntries,
      eq(preferentialSeniorityEntries.id, reportSeniority.entryId),
    )
    .leftJoin(registryPersons, eq(registryPersons.fin, reportSeniority.fin))
    .where(
      and(
        eq(reportSeniority.employerId, context.scope.employerId),
        eq(reports.employerId, context.scope.employerId),
        eq(reports.activityCode, code),
        eq(reports.status, 'ACCEPTED'),
        fromKey === null ? undefined : gte(reports.year, Math.floor(fromKey / 10)),
        toKey === null ? undefined : lte(reports.year, Math.floor(toKey / 10)),
      ),
    )
    .orderBy(asc(reports.year), asc(reports.quarter), asc(reportSeniority.fin));
  const inPeriod = rows.filter((r) => {
    const key = r.year * 10 + r.quarter;
    return (fromKey === null || key >= fromKey) && (toKey === null || key <= toKey);
  });
  return [
    cabinetTable({
      id: 'preferential-seniority',
      title: 'cabinetLedger.seniorityTable',
      columns: [
        { key: 'report', label: 'cabinetLedger.report', kind: 'text' },
        { key: 'fin', label: 'cabinetLedger.fin', kind: 'code' },
        { key: 'person', label: 'cabinetLedger.person', kind: 'text' },
        { key: 'position', label: 'cabinetLedger.position', kind: 'text' },
        { key: 'from', label: 'cabinetLedger.from', kind: 'date' },
        { key: 'to', label: 'cabinetLedger.to', kind: 'date' },
        { key: 'days', label: 'cabinetLedger.days', kind: 'integer', total: true },
      ],
      rows: inPeriod.map((r) => ({
        key: r.id,
        cells: {
          report: words('reportQuarter', { year: r.year, quarter: r.quarter }),
          fin: r.fin,
          person: r.surname === null ? null : `${r.surname} ${r.name ?? ''}`.trim(),
          position: `${r.positionCode} — ${english ? r.titleEn : r.titleAz}`,
          from: r.fromDate,
          to: r.toDate,
          days: r.days,
        },
      })),
    }),
  ];
}
