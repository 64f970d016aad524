import 'server-only';
import { createHash } from 'node:crypto';
import { and, inArray, isNull, ne } from 'drizzle-orm';
import {
  bankStatementImports,
  bankStatementLines,
  economicClassCodes,
  employers,
  payments,
  type StatementFormat,
} from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { parseCamt053 } from '@/lib/bank-statements/parse-camt053';
import { parseStatementCsv } from '@/lib/bank-statements/parse-statement-csv';
import { matchStatementLines, type LineMatch } from '@/lib/domain/bank-statements/match-lines';
import {
  STATEMENT_FILE_CODES,
  type StatementFileCode,
} from '@/lib/domain/bank-statements/statement-codes';
import type { StatementParseResult } from '@/lib/domain/bank-statements/statement-line';
import { writeStaffAudit, type StaffScope } from '../../access';
import { now } from '../../clock';
import { AppError, type AppErrorParams } from '../../errors';

// Importing a bank statement (issue 14 §5): read (camt.053 or CSV), match each line to an
// employer by VÖEN and classification code, and keep every line in bank_statement_lines with
// what the match found. Nothing is recorded yet: matched lines wait for the operator's
// confirmation (confirm-import.ts), unmatched ones for a person (assign-line.ts). A bank
// reference is taken by one import only (bank_statement_lines_ref_uq): a second import of the
// same file — even a concurrent one — stores its lines as DUPLICATE.

/** The upload cap: a busy day (~10 000 lines) is ~10 MB of camt.053. */
export const MAX_STATEMENT_BYTES = 20 * 1024 * 1024;
const MAX_STORED_PROBLEMS = 200;
/** Rows per multi-row INSERT (15 parameters each, well under the 65 535 limit). */
const CHUNK = 2_000;
// C0 controls other than tab, LF and CR: a text statement has none (NUL is a binary file).
const BINARY = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

export type ImportStatementInput = { fileName: string; bytes: Uint8Array };

export type ImportSummary = {
  importId: string;
  format: StatementFormat;
  lines: number;
  matched: number;
  unmatched: number;
  duplicate: number;
  problems: number;
};

function fileRefusal(code: StatementFileCode | 'STATEMENT_FILE_BINARY', params?: AppErrorParams) {
  return new AppError(code, { field: 'file', ...(params ? { params } : {}) });
}

/** Decodes and reads the upload; a malformed file is a clear refusal, never an exception. */
export function readStatementFile(bytes: Uint8Array): {
  format: StatementFormat;
  parsed: StatementParseResult;
} {
  if (bytes.byteLength === 0) throw fileRefusal('STATEMENT_EMPTY');
  if (bytes.byteLength > MAX_STATEMENT_BYTES) {
    throw fileRefusal('STATEMENT_TOO_LARGE', { maxChars: MAX_STATEMENT_BYTES });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw fileRefusal('STATEMENT_FILE_BINARY');
  }
  if (BINARY.test(text)) throw fileRefusal('STATEMENT_FILE_BINARY');
  const start = text.replace(/^\uFEFF/, '').trimStart();
  const format: StatementFormat = start.startsWith('<') ? 'CAMT053' : 'CSV';
  const options = { maxChars: MAX_STATEMENT_BYTES };
  let parsed: StatementParseResult;
  try {
    parsed = format === 'CAMT053' ? parseCamt053(text, options) : parseStatementCsv(text, options);
  } catch {
    // The readers never throw by contract; a parser bug still answers a refusal, not a 500.
    throw fileRefusal(format === 'CAMT053' ? 'STATEMENT_XML_INVALID' : 'STATEMENT_CSV_INVALID', {
      line: 0,
      detail: '',
    });
  }
  const fileProblem = parsed.problems.find(
    (p) => p.index === 0 && (STATEMENT_FILE_CODES as readonly string[]).includes(p.code),
  );
  if (fileProblem) {
    const params: Record<string, string | number> = {};
    for (const [key, value] of Object.entries(fileProblem.params ?? {}))
      if (typeof value === 'string' || typeof value === 'number') params[key] = value;
    throw fileRefusal(fileProblem.code as StatementFileCode, params);
  }
  return { format, parsed };
}

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

type LineRow = typeof bankStatementLines.$inferInsert;

export async function importStatement(
  db: DbOrTx,
  staff: StaffScope,
  input: ImportStatementInput,
  asOf: Date = now(),
): Promise<ImportSummary> {
  const { format, parsed } = readStatementFile(input.bytes);
  const references = [...new Set(parsed.lines.map((l) => l.bankReference))];
  const voens = [...new Set(parsed.lines.flatMap((l) => (l.payerVoen ? [l.payerVoen] : [])))];
  const fileSha256 = createHash('sha256').update(input.bytes).digest('hex');
  return db.transaction(async (tx) => {
    // Matching is across every body (a payer's VÖEN names one employer wherever it is); who
    // may record a matched line is decided by the line's body (confirm, queue).
    const found =
      voens.length === 0
        ? []
        : await tx
            .select({
              id: employers.id,
              voen: employers.voen,
              localBodyCode: employers.localBodyCode,
            })
            .from(employers)
            .where(inArray(employers.voen, voens));
    const employersByVoen = new Map<string, string[]>();
    const bodyOf = new Map<string, string>();
    for (const e of found) {
      employersByVoen.set(e.voen, [...(employersByVoen.get(e.voen) ?? []), e.id]);
      bodyOf.set(e.id, e.localBodyCode);
    }
    const classCodes = await tx.select({ code: economicClassCodes.code }).from(economicClassCodes);
    const recordedReferences = new Set<string>();
    for (const part of chunks(references)) {
      const [paid, taken] = await Promise.all([
        tx
          .select({ ref: payments.bankReference })
          .from(payments)
          .where(and(inArray(payments.bankReference, part), isNull(payments.sourcePaymentId))),
        tx
          .select({ ref: bankStatementLines.bankReference })
          .from(bankStatementLines)
          .where(
            and(
              inArray(bankStatementLines.bankReference, part),
              ne(bankStatementLines.status, 'DUPLICATE'),
            ),
          ),
      ]);
      for (const r of [...paid, ...taken]) recordedReferences.add(r.ref);
    }
    const matches = matchStatementLines(parsed.lines, {
      employersByVoen,
      knownClassCodes: new Set(classCodes.map((c) => c.code)),
      recordedReferences,
    });
    const importId = crypto.randomUUID();
    const problems = parsed.problems.slice(0, MAX_STORED_PROBLEMS).map((p) => ({
      index: p.index,
      code: p.code,
      ...(p.bankReference === undefined ? {} : { bankReference: p.bankReference }),
      params: Object.fromEntries(
        Object.entries(p.params ?? {}).filter(
          ([, v]) => typeof v === 'string' || typeof v === 'number',
        ),
      ),
    }));
    await tx.insert(bankStatementImports).values({
      id: importId,
      fileName: input.fileName.slice(0, 200),
      format,
      fileSha256,
      localBodyCode: staff.localBodyCode,
      staffId: staff.staffId,
      importedBy: staff.fin,
      importedAt: asOf,
      lineCount: parsed.lines.length,
      problemCount: parsed.problems.length,
      problems,
    });
    const rowOf = (m: LineMatch<string>): LineRow => {
      const { line } = m;
      const employerId = m.status === 'MATCHED' ? m.employerId : null;
      return {
        id: crypto.randomUUID(),
        importId,
        lineIndex: line.index,
        bankReference: line.bankReference,
        bookingDate: line.bookingDate,
        valueDate: line.valueDate,
        amountQepik: line.amountQepik,
        payerName: line.payerName,
        payerVoen: line.payerVoen,
        classCode: line.classCode,
        remittance: line.remittance.slice(0, 500),
        status: m.status,
        reason: m.status === 'MATCHED' ? null : m.reason,
        employerId,
        localBodyCode: employerId === null ? staff.localBodyCode : (bodyOf.get(employerId) ?? null),
      };
    };
    const open = matches.filter((m) => m.status !== 'DUPLICATE').map(rowOf);
    const duplicates = matches.filter((m) => m.status === 'DUPLICATE').map(rowOf);
    // Set-based: one multi-row INSERT per chunk. A reference another import took meanwhile
    // (its transaction committed while this one waited on the unique index) is not inserted
    // here and becomes a DUPLICATE row below.
    const kept = new Set<string>();
    for (const part of chunks(open)) {
      const inserted = await tx
        .insert(bankStatementLines)
        .values(part)
        .onConflictDoNothing({
          target: bankStatementLines.bankReference,
          where: ne(bankStatementLines.status, 'DUPLICATE'),
        })
        .returning({ id: bankStatementLines.id });
      for (const r of inserted) kept.add(r.id);
    }
    const lost = open
      .filter((r) => !kept.has(r.id as string))
      .map((r): LineRow => ({
        ...r,
        status: 'DUPLICATE',
        reason: 'REFERENCE_ALREADY_RECORDED',
        employerId: null,
        localBodyCode: staff.localBodyCode,
      }));
    const allDuplicates = [...duplicates, ...lost];
    for (const part of chunks(allDuplicates)) await tx.insert(bankStatementLines).values(part);
    const summary: ImportSummary = {
      importId,
      format,
      lines: parsed.lines.length,
      matched: open.filter((r) => kept.has(r.id as string) && r.status === 'MATCHED').length,
      unmatched: open.filter((r) => kept.has(r.id as string) && r.status === 'UNMATCHED').length,
      duplicate: allDuplicates.length,
      problems: parsed.problems.length,
    };
    await writeStaffAudit(tx, staff, {
      action: 'STAFF_STATEMENT_IMPORTED',
      details: { fileName: input.fileName.slice(0, 200), fileSha256, ...summary },
    });
    return summary;
  });
}
