import { describe, expect, it } from 'vitest';
import { prettyAuditDetails, redactAuditDetails } from '@/lib/domain/staff/audit-details';
import { auditQuery, likeContains, parseAuditFilter } from '@/lib/domain/staff/audit-filter';
import { csvCell, csvLine } from '@/lib/domain/staff/csv';
import {
  deadlineWindow,
  lastMonths,
  lastReportDeadline,
  sharePercent,
} from '@/lib/domain/staff/statistics-period';

describe('audit filter (issue 14 §12)', () => {
  it('normalises what was typed', () => {
    const { filter, errors } = parseAuditFilter({
      actor: ' 5zk7m2p ',
      action: 'login',
      outcome: 'denied',
      employer: '6F1B0E7C-0000-4000-8000-000000000001',
      from: '2026-01-01',
      to: '2026-01-31',
    });
    expect(errors).toEqual([]);
    expect(filter).toEqual({
      actorFin: '5ZK7M2P',
      action: 'LOGIN',
      outcome: 'DENIED',
      employer: { kind: 'id', id: '6f1b0e7c-0000-4000-8000-000000000001' },
      dateFrom: '2026-01-01',
      dateTo: '2026-01-31',
    });
    expect(parseAuditFilter({ employer: 'Xəzər' }).filter.employer).toEqual({
      kind: 'text',
      text: 'Xəzər',
    });
  });

  it('keeps the filter in paging links', () => {
    expect(auditQuery({ action: 'LOGIN', employer: 'a b' }, { before: 10 })).toBe(
      '?employer=a+b&action=LOGIN&before=10',
    );
    expect(auditQuery({})).toBe('');
    expect(likeContains('50%_\\')).toBe('%50\\%\\_\\\\%');
  });
});

describe('audit details', () => {
  it('masks secrets and shortens session ids', () => {
    expect(
      redactAuditDetails({
        apiToken: 'hst_x',
        pin: '1234',
        apiTokenId: 'keep',
        sessionId: '0123456789abcdef',
        nested: { password: 'p', code: 'OK' },
      }),
    ).toEqual({
      apiToken: '••••••',
      pin: '••••••',
      apiTokenId: 'keep',
      sessionId: '01234567…',
      nested: { password: '••••••', code: 'OK' },
    });
    expect(prettyAuditDetails({})).toBe('');
    expect(prettyAuditDetails({ a: 1 })).toBe('{\n  "a": 1\n}');
  });
});

describe('CSV cells', () => {
  it('defuse formulas and quote separators', () => {
    expect(csvCell('=1+2')).toBe("'=1+2");
    expect(csvCell('+cmd')).toBe("'+cmd");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('say "x"')).toBe('"say ""x"""');
    expect(csvCell(null)).toBe('');
    expect(csvLine(['a', 1, null])).toBe('a;1;\r\n');
  });
});

describe('statistics dates (issue 14 §13)', () => {
  it('finds the last report deadline on or before today', () => {
    expect(lastReportDeadline('2026-11-30', [])).toEqual({
      year: 2026,
      quarter: 3,
      dueDate: '2026-10-20',
    });
    // Before Q3's deadline, the last one passed is Q2's (20 July 2026 is a Monday).
    expect(lastReportDeadline('2026-10-19', []).quarter).toBe(2);
    // Q4 2025 is due on 20 January 2026 (a Tuesday); on that day it is the last deadline.
    expect(lastReportDeadline('2026-01-20', [])).toEqual({
      year: 2025,
      quarter: 4,
      dueDate: '2026-01-20',
    });
    // A holiday on the 20th moves the deadline, and the day before it is still Q2's.
    expect(lastReportDeadline('2026-10-20', ['2026-10-20']).quarter).toBe(2);
  });

  it('window, months and shares', () => {
    expect(deadlineWindow('2026-10-20')).toEqual({ from: '2026-10-10', to: '2026-10-30' });
    expect(lastMonths('2026-02-15', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(sharePercent(1, 3)).toBe(33.3);
    expect(sharePercent(2, 3)).toBe(66.7);
    expect(sharePercent(0, 0)).toBeNull();
  });
});
