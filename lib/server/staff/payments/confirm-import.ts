import 'server-only';
import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import { bankStatementImports, bankStatementLines } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { isUuid } from '../../uuid';
import type { StaffScope } from '../../access';
import { now } from '../../clock';
import { AppError } from '../../errors';

// Confirming an import's matched lines (issue 14 §5): every MATCHED line of the import that is
// in the staff member's body and not yet recorded becomes a payment, in ONE set-based
// INSERT … SELECT (with its audit rows, one per employer, in the same statement). A line of
// another body's employer waits for that body. A reference already recorded is skipped by the
// partial unique index, so a line is never recorded twice, even by two confirmations at once.

/** Lines the staff member may act on: their body's (central staff: every line). */
export function staffLineFilter(staff: StaffScope): SQL | undefined {
  return staff.localBodyCode === null
    ? undefined
    : eq(bankStatementLines.localBodyCode, staff.localBodyCode);
}

/** The import if the staff member imported it in their body or it has lines of their body. */
export async function staffImport(db: DbOrTx, staff: StaffScope, importId: string) {
  if (!isUuid(importId)) throw new AppError('NOT_FOUND', { params: { importId } });
  const body = staff.localBodyCode;
  const [row] = await db
    .select()
    .from(bankStatementImports)
    .where(
      and(
        eq(bankStatementImports.id, importId),
        body === null
          ? undefined
          : or(
              eq(bankStatementImports.localBodyCode, body),
              sql`exists (select 1 from bank_statement_lines l
                where l.import_id = ${bankStatementImports.id} and l.local_body_code = ${body})`,
            ),
      ),
    );
  if (!row) throw new AppError('NOT_FOUND', { params: { importId } });
  return row;
}

export type ConfirmSummary = { recorded: number; alreadyRecorded: number };

export async function confirmImport(
  db: DbOrTx,
  staff: StaffScope,
  input: { importId: string; lineIds?: readonly string[] },
  asOf: Date = now(),
): Promise<ConfirmSummary> {
  const statement = await staffImport(db, staff, input.importId);
  const lineIds = input.lineIds?.filter(isUuid);
  const body = staff.localBodyCode;
  const bodyCondition = body === null ? sql`true` : sql`l.local_body_code = ${body}`;
  const chosen =
    lineIds === undefined
      ? sql`true`
      : lineIds.length === 0
        ? sql`false`
        : sql`l.id in (${sql.join(
            lineIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`;
  return db.transaction(async (tx) => {
    const result = await tx.execute<{ recorded: string; candidates: string }>(sql`
      with candidates as (
        select l.* from bank_statement_lines l
        where l.import_id = ${statement.id} and l.status = 'MATCHED' and ${bodyCondition}
          and ${chosen}
      ),
      inserted as (
        insert into payments (id, employer_id, activity_code, payment_date, amount_qepik,
          bank_reference, economic_class_code, recorded_by, recorded_at)
        select gen_random_uuid(), c.employer_id,
          -- the employer's one activity code whose pair holds the class code; else none (a
          -- payment of no code is usable by any of the employer's reports, DOMAIN.md §6)
          (select min(eac.activity_code) from employer_activity_codes eac
             join activity_codes ac on ac.code = eac.activity_code
             where eac.employer_id = c.employer_id
               and c.class_code in (ac.employer_class_code, ac.employee_class_code)
             having count(*) = 1),
          c.value_date, c.amount_qepik, c.bank_reference, c.class_code, ${staff.fin},
          ${asOf.toISOString()}::timestamptz
        from candidates c
        order by c.line_index
        on conflict (bank_reference) where source_payment_id is null do nothing
        returning employer_id, amount_qepik, bank_reference
      ),
      audited as (
        insert into audit_log (at, actor_fin, actor_role, action, employer_id, outcome, details)
        select ${asOf.toISOString()}::timestamptz, ${staff.fin}, 'STAFF',
          'STAFF_PAYMENT_RECORDED', i.employer_id, 'SUCCESS',
          jsonb_build_object('staffId', ${staff.staffId}::text, 'staffRole', ${staff.role}::text,
            'localBodyCode', ${body}::text, 'source', 'STATEMENT',
            'importId', ${statement.id}::text, 'count', count(*),
            'amountQepik', sum(i.amount_qepik)::text,
            'bankReferences', (array_agg(i.bank_reference order by i.bank_reference))[1:50])
        from inserted i group by i.employer_id
        returning 1
      )
      select (select count(*) from inserted)::text as recorded,
        (select count(*) from candidates)::text as candidates,
        (select count(*) from audited)::text as audited
    `);
    const rows = Array.isArray(result)
      ? (result as { recorded: string; candidates: string }[])
      : (result as { rows: { recorded: string; candidates: string }[] }).rows;
    const recorded = Number(rows[0]?.recorded ?? 0);
    const candidates = Number(rows[0]?.candidates ?? 0);
    return { recorded, alreadyRecorded: candidates - recorded };
  });
}
