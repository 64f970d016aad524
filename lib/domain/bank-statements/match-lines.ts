// Matching statement lines to employers (issue 14 §5, reference doc "Matching a line"): the
// payer's VÖEN names the employer, the remittance text's six-digit code names the class.
// Anything not certain waits for a person; a bank reference is recorded at most once.
import { validateVoen } from '../identifiers';
import type { StatementLine } from './statement-line';

export const STATEMENT_MATCH_CODES = [
  'VOEN_MISSING',
  'VOEN_INVALID',
  'VOEN_UNKNOWN',
  'VOEN_AMBIGUOUS',
  'CLASS_CODE_MISSING',
  'CLASS_CODE_UNKNOWN',
  'REFERENCE_ALREADY_RECORDED',
  'REFERENCE_REPEATED',
] as const;
export type StatementMatchCode = (typeof STATEMENT_MATCH_CODES)[number];

export type UnmatchedReason = Exclude<
  StatementMatchCode,
  'REFERENCE_ALREADY_RECORDED' | 'REFERENCE_REPEATED'
>;

export type LineMatch<E extends string = string> =
  | {
      readonly status: 'MATCHED';
      readonly line: StatementLine;
      readonly employerId: E;
      readonly classCode: string;
    }
  | {
      readonly status: 'UNMATCHED';
      readonly line: StatementLine;
      readonly reason: UnmatchedReason;
      /** The candidates a person chooses from (VOEN_AMBIGUOUS) or the one found (class code). */
      readonly employerIds: readonly E[];
    }
  | {
      readonly status: 'DUPLICATE';
      readonly line: StatementLine;
      readonly reason: 'REFERENCE_ALREADY_RECORDED' | 'REFERENCE_REPEATED';
      /** For REFERENCE_REPEATED: the index of the line that carries the reference first. */
      readonly firstIndex?: number;
    };

export interface MatchContext<E extends string = string> {
  /** VÖEN → the employers registered under it (normally one). */
  readonly employersByVoen: ReadonlyMap<string, readonly E[]>;
  /** The economic classification codes payments may name (DOMAIN.md §8 reference data). */
  readonly knownClassCodes: ReadonlySet<string>;
  /** Bank references already recorded as payments (any earlier import). */
  readonly recordedReferences: ReadonlySet<string>;
}

/**
 * One result per line, in input order. Checks, in order: duplicate reference (recorded before,
 * then repeated within these lines — the first occurrence is matched normally), VÖEN present,
 * valid (DOMAIN.md §9), known, unique, then the class code present and known.
 */
export function matchStatementLines<E extends string>(
  lines: readonly StatementLine[],
  context: MatchContext<E>,
): LineMatch<E>[] {
  const firstByReference = new Map<string, number>();
  return lines.map((line): LineMatch<E> => {
    if (context.recordedReferences.has(line.bankReference)) {
      return { status: 'DUPLICATE', line, reason: 'REFERENCE_ALREADY_RECORDED' };
    }
    const firstIndex = firstByReference.get(line.bankReference);
    if (firstIndex !== undefined) {
      return { status: 'DUPLICATE', line, reason: 'REFERENCE_REPEATED', firstIndex };
    }
    firstByReference.set(line.bankReference, line.index);
    const unmatched = (reason: UnmatchedReason, employerIds: readonly E[] = []): LineMatch<E> => ({
      status: 'UNMATCHED',
      line,
      reason,
      employerIds,
    });
    if (line.payerVoen === null) return unmatched('VOEN_MISSING');
    const voen = validateVoen(line.payerVoen);
    if (!voen.ok) return unmatched(voen.code === 'VOEN_EMPTY' ? 'VOEN_MISSING' : 'VOEN_INVALID');
    const employerIds = context.employersByVoen.get(voen.value) ?? [];
    if (employerIds.length === 0) return unmatched('VOEN_UNKNOWN');
    if (employerIds.length > 1) return unmatched('VOEN_AMBIGUOUS', employerIds);
    if (line.classCode === null) return unmatched('CLASS_CODE_MISSING', employerIds);
    if (!context.knownClassCodes.has(line.classCode)) {
      return unmatched('CLASS_CODE_UNKNOWN', employerIds);
    }
    return {
      status: 'MATCHED',
      line,
      employerId: employerIds[0] as E,
      classCode: line.classCode,
    };
  });
}
