import 'server-only';
import type { DbOrTx } from '@/db/types';
import type { AuditFilter } from '@/lib/domain/staff/audit-filter';
import { CSV_BOM, csvLine } from '@/lib/domain/staff/csv';
import { formatDateTime } from '@/lib/i18n/format-date';
import type { StaffScope } from '../../access';
import { auditFilterCondition, auditRowsBefore } from './search-audit-log';

// The audit log's CSV (issue 14 §12): the filtered rows the staff member may read, newest first,
// written in batches (keyset on id) so a long log streams without holding it in memory. Capped:
// past EXPORT_ROW_LIMIT rows the file ends with a line saying so (narrow the filter).

export const EXPORT_ROW_LIMIT = 50_000;
const BATCH = 1_000;

export type AuditExportLabels = {
  readonly columns: readonly string[];
  /** The closing line of a file cut at the limit. */
  readonly truncated: string;
};

/**
 * The CSV as chunks of text (the BOM and header first), or null when the filter names an
 * employer outside the staff member's body.
 */
export async function auditCsvChunks(
  db: DbOrTx,
  staff: StaffScope,
  filter: AuditFilter,
  labels: AuditExportLabels,
  limit = EXPORT_ROW_LIMIT,
): Promise<AsyncGenerator<string> | null> {
  const condition = await auditFilterCondition(db, staff, filter);
  if (condition === null) return null;
  const { where } = condition;
  async function* chunks(): AsyncGenerator<string> {
    yield CSV_BOM + csvLine(labels.columns);
    let before: number | undefined;
    let written = 0;
    for (;;) {
      const take = Math.min(BATCH, limit - written);
      if (take <= 0) {
        const more = await auditRowsBefore(db, where, before, 1);
        if (more.length > 0) yield csvLine([labels.truncated]);
        return;
      }
      const rows = await auditRowsBefore(db, where, before, take);
      if (rows.length === 0) return;
      let text = '';
      for (const row of rows) {
        text += csvLine([
          row.id,
          formatDateTime(row.at, 'az', { seconds: true }),
          row.actorFin,
          row.actorName,
          row.actorRole,
          row.action,
          row.employerId,
          row.employerName,
          row.outcome,
          row.ip,
          JSON.stringify(row.details),
        ]);
      }
      yield text;
      written += rows.length;
      before = rows[rows.length - 1]?.id;
      if (rows.length < take) return;
    }
  }
  return chunks();
}
