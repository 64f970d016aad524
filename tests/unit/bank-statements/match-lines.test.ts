import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchStatementLines, type MatchContext } from '@/lib/domain/bank-statements/match-lines';
import type { StatementLine } from '@/lib/domain/bank-statements/statement-line';
import type { Qepik } from '@/lib/domain/money';

function line(index: number, change: Partial<StatementLine> = {}): StatementLine {
  return {
    index,
    bankReference: `REF-${index}`,
    bookingDate: '2026-11-12',
    valueDate: '2026-11-12',
    amountQepik: 100 as Qepik,
    currency: 'AZN',
    payerName: 'XEZER TEXNOLOGIYALARI MMC',
    payerVoen: '1402345671',
    payerIban: null,
    classCode: '121111',
    remittance: '121111 MDSS',
    endToEndId: null,
    ...change,
  };
}

const CONTEXT: MatchContext = {
  employersByVoen: new Map([
    ['1402345671', ['xezer']],
    ['1700456781', ['kur-a', 'kur-b']],
    ['1500678911', []],
  ]),
  knownClassCodes: new Set(['121111', '121211']),
  recordedReferences: new Set(['REF-OLD']),
};

describe('matchStatementLines', () => {
  it('matches one employer with a known class code', () => {
    expect(matchStatementLines([line(1)], CONTEXT)).toEqual([
      { status: 'MATCHED', line: line(1), employerId: 'xezer', classCode: '121111' },
    ]);
  });

  it.each<[string, Partial<StatementLine>, string, string[]]>([
    ['no VÖEN', { payerVoen: null }, 'VOEN_MISSING', []],
    ['VÖEN of 9 digits', { payerVoen: '140234567' }, 'VOEN_INVALID', []],
    ['VÖEN ending in 3', { payerVoen: '1402345673' }, 'VOEN_INVALID', []],
    ['VÖEN nobody has', { payerVoen: '1999999991' }, 'VOEN_UNKNOWN', []],
    ['VÖEN with an empty list', { payerVoen: '1500678911' }, 'VOEN_UNKNOWN', []],
    ['VÖEN of two employers', { payerVoen: '1700456781' }, 'VOEN_AMBIGUOUS', ['kur-a', 'kur-b']],
    ['no class code', { classCode: null }, 'CLASS_CODE_MISSING', ['xezer']],
    ['unknown class code', { classCode: '999999' }, 'CLASS_CODE_UNKNOWN', ['xezer']],
  ])('%s → %s', (_name, change, reason, employerIds) => {
    const [result] = matchStatementLines([line(1, change)], CONTEXT);
    expect(result).toMatchObject({ status: 'UNMATCHED', reason, employerIds });
  });

  it('flags a recorded reference, and a repeat within the statement after its first line', () => {
    const results = matchStatementLines(
      [
        line(1, { bankReference: 'REF-OLD' }),
        line(2, { bankReference: 'A' }),
        line(3, { bankReference: 'A', payerVoen: null }),
        line(4, { bankReference: 'A' }),
      ],
      CONTEXT,
    );
    expect(results.map((r) => [r.status, 'reason' in r ? r.reason : null])).toEqual([
      ['DUPLICATE', 'REFERENCE_ALREADY_RECORDED'],
      ['MATCHED', null],
      ['DUPLICATE', 'REFERENCE_REPEATED'],
      ['DUPLICATE', 'REFERENCE_REPEATED'],
    ]);
    expect(results[2]).toMatchObject({ firstIndex: 2 });
  });

  it('gives one result per line, and at most one non-duplicate per reference', () => {
    const lineArb = fc.record({
      ref: fc.constantFrom('A', 'B', 'C', 'REF-OLD'),
      voen: fc.constantFrom(null, '1402345671', '1700456781', '1999999991', 'x'),
      code: fc.constantFrom(null, '121111', '999999'),
    });
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 30 }), (specs) => {
        const lines = specs.map((s, i) =>
          line(i + 1, { bankReference: s.ref, payerVoen: s.voen, classCode: s.code }),
        );
        const results = matchStatementLines(lines, CONTEXT);
        expect(results.map((r) => r.line)).toEqual(lines);
        const kept = results
          .filter((r) => r.status !== 'DUPLICATE')
          .map((r) => r.line.bankReference);
        expect(new Set(kept).size).toBe(kept.length);
        expect(kept).not.toContain('REF-OLD');
        for (const r of results) {
          if (r.status === 'MATCHED') expect(r.employerId).toBe('xezer');
        }
      }),
    );
  });
});
