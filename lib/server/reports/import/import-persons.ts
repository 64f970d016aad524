import 'server-only';
import { analyzeAfterBulkLoad } from '../../analyze-after-bulk-load';
import { and, eq, notInArray, sql } from 'drizzle-orm';
import { reportPersons, reportSeniority } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { assertScopeService, type EmployerScope } from '../../access';
import { writeAudit } from '../../audit';
import { now } from '../../clock';
import { isUniqueViolation } from '../../db-errors';
import { loadReportContext } from '../persons/report-context';
import { parsePersonFile } from './parse-person-file';
import type { RejectedCell } from './person-rows';
import { parseRowsJson } from './validate-rows-json';
import {
  validatePersonRows,
  type AcceptedPersonRow,
  type ImportMode,
} from './validate-person-rows';
import { AppError } from '../../errors';
import { changeDraft } from '../draft-change';

export const INSERT_BATCH = 2000;

/** Where an import is (issue 15 §6): rows read from the file, checked, and saved so far. */
export type ImportProgress = {
  stage: 'READ' | 'CHECK' | 'SAVE';
  read: number;
  checked: number;
  saved: number;
  total: number | null;
};

export type ImportSource = { kind: 'file'; data: Uint8Array } | { kind: 'rows'; rows: unknown };

export type ImportResult = { inserted: number; deleted: number; warnings: RejectedCell[] };

/**
 * Writes accepted rows into a draft, all or nothing (one transaction): 'replace' first removes
 * every person of the report (and seniority rows of persons no longer there), 'append' adds to
 * them. Batches of ≤ 1000 rows; a FIN that slipped in meanwhile fails on the primary key and
 * rolls everything back.
 */
async function applyRows(
  db: DbOrTx,
  scope: EmployerScope,
  input: { reportId: string; mode: ImportMode; rows: readonly AcceptedPersonRow[] },
  onSaved: (saved: number) => void,
  asOf: Date,
): Promise<{ inserted: number; deleted: number }> {
  return db.transaction(async (tx) => {
    const report = await loadReportContext(tx, scope, input.reportId, { lock: true, draft: true });
    const ofReport = and(
      eq(reportPersons.reportId, report.id),
      eq(reportPersons.employerId, scope.employerId),
    );
    const deleted =
      input.mode === 'replace'
        ? (await tx.delete(reportPersons).where(ofReport).returning({ fin: reportPersons.fin }))
            .length
        : 0;
    for (let i = 0; i < input.rows.length; i += INSERT_BATCH) {
      const batch = input.rows.slice(i, i + INSERT_BATCH).map((r) => ({
        fin: r.fin,
        surname: r.surname,
        name: r.name,
        patronymic: r.patronymic,
        m1: r.incomesQepik[0],
        m2: r.incomesQepik[1],
        m3: r.incomesQepik[2],
      }));
      // One jsonb parameter per batch instead of 18 000 bound values: the statement stays small
      // to send, parse and plan on both engines (the bench measures the difference).
      await tx.insert(reportPersons).select(
        sql`select ${report.id}::uuid, ${scope.employerId}::uuid, r.fin, r.surname, r.name, r.patronymic, r.m1, r.m2, r.m3
            from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb)
              as r(fin text, surname text, name text, patronymic text, m1 bigint, m2 bigint, m3 bigint)`,
      );
      onSaved(Math.min(i + INSERT_BATCH, input.rows.length));
    }
    if (input.mode === 'replace') {
      await tx
        .delete(reportSeniority)
        .where(
          and(
            eq(reportSeniority.reportId, report.id),
            eq(reportSeniority.employerId, scope.employerId),
            notInArray(
              reportSeniority.fin,
              tx.select({ fin: reportPersons.fin }).from(reportPersons).where(ofReport),
            ),
          ),
        );
    }
    await changeDraft(tx, scope, report, { step: 'F20', asOf: asOf, silent: true });
    await writeAudit(tx, {
      action: 'REPORT_PERSONS_IMPORTED',
      outcome: 'SUCCESS',
      actorFin: scope.fin,
      employerId: scope.employerId,
      details: { reportId: report.id, mode: input.mode, inserted: input.rows.length, deleted },
    });
    return { inserted: input.rows.length, deleted };
  });
}

/**
 * Bulk import of insured persons (issue 5 §8, SPEC F20): reads a CSV/XLSX file or re-submitted
 * JSON rows, validates every row like the form, and applies them only when no row is refused —
 * otherwise IMPORT_HAS_ERRORS carrying every refused cell, and nothing is written.
 * `onProgress` reports the stage and the rows read, checked and saved, for long imports; it
 * must not wait (it is called inside the import's transaction).
 */
export async function importPersons(
  db: DbOrTx,
  scope: EmployerScope,
  input: { reportId: string; mode: ImportMode; source: ImportSource },
  options: { onProgress?: (progress: ImportProgress) => void; asOf?: Date } = {},
): Promise<ImportResult> {
  assertScopeService(scope, 'REPORTS');
  const report = await loadReportContext(db, scope, input.reportId, { draft: true });
  const progress = { stage: 'READ', read: 0, checked: 0, saved: 0, total: null } as ImportProgress;
  const tell = (change: Partial<ImportProgress>) => {
    Object.assign(progress, change);
    options.onProgress?.({ ...progress });
  };
  tell({});
  const parsed =
    input.source.kind === 'file'
      ? await parsePersonFile(input.source.data, report.months)
      : { rows: parseRowsJson(input.source.rows), rejected: [] };
  const read = parsed.rows.length + new Set(parsed.rejected.map((r) => r.line)).size;
  tell({ stage: 'CHECK', read, total: read });
  const validation = await validatePersonRows(db, scope, {
    reportId: report.id,
    mode: input.mode,
    rows: parsed.rows,
  });
  const rejected = [...parsed.rejected, ...validation.rejected].sort((a, b) => a.line - b.line);
  if (rejected.length > 0) {
    const rows = new Set(rejected.map((r) => r.line)).size;
    throw new AppError('IMPORT_HAS_ERRORS', { params: { rows }, rejected });
  }
  tell({ stage: 'SAVE', checked: read });
  try {
    const applied = await applyRows(
      db,
      scope,
      { reportId: report.id, mode: input.mode, rows: validation.accepted },
      (saved) => tell({ saved }),
      options.asOf ?? now(),
    );
    await analyzeAfterBulkLoad(db, 'report_persons', applied.inserted);
    return { ...applied, warnings: validation.warnings };
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('PERSON_DUPLICATE');
    throw error;
  }
}
