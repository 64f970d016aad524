import { describe, expect, it } from 'vitest';
import {
  decisionRefusal,
  WRITE_OFF_APPROVAL_THRESHOLD_QEPIK,
  writeOffLimit,
  writeOffNeedsApproval,
} from '@/lib/domain/staff/write-off-rules';

describe('write-off four eyes (issue 14 §6)', () => {
  it('waits for approval only above 1 000 AZN', () => {
    expect(WRITE_OFF_APPROVAL_THRESHOLD_QEPIK).toBe(100_000);
    expect(writeOffNeedsApproval(1)).toBe(false);
    expect(writeOffNeedsApproval(100_000)).toBe(false);
    expect(writeOffNeedsApproval(100_001)).toBe(true);
  });

  const pending = { status: 'PENDING', needsApproval: true, requestedByFin: 'AAAAAA1' };

  it('lets a head or an administrator other than the requester decide', () => {
    expect(decisionRefusal(pending, { fin: 'BBBBBB2', role: 'HEAD' })).toBeNull();
    expect(decisionRefusal(pending, { fin: 'BBBBBB2', role: 'ADMIN' })).toBeNull();
  });

  it('never lets the requester decide, even as head or administrator', () => {
    expect(decisionRefusal(pending, { fin: 'AAAAAA1', role: 'HEAD' })).toBe('SELF_DECISION');
    expect(decisionRefusal(pending, { fin: 'AAAAAA1', role: 'ADMIN' })).toBe('SELF_DECISION');
  });

  it('refuses operators and reviewers, and anything not pending', () => {
    expect(decisionRefusal(pending, { fin: 'BBBBBB2', role: 'OPERATOR' })).toBe('ROLE_NOT_ALLOWED');
    expect(decisionRefusal(pending, { fin: 'BBBBBB2', role: 'REVIEWER' })).toBe('ROLE_NOT_ALLOWED');
    for (const status of ['POSTED', 'REJECTED']) {
      expect(decisionRefusal({ ...pending, status }, { fin: 'BBBBBB2', role: 'HEAD' })).toBe(
        'NOT_PENDING',
      );
    }
    expect(
      decisionRefusal({ ...pending, needsApproval: false }, { fin: 'BBBBBB2', role: 'HEAD' }),
    ).toBe('NOT_PENDING');
  });
});

describe('write-off limit', () => {
  const mdss = [
    { month: '2024-12', openQepik: 50_000 },
    { month: '2025-01', openQepik: 30_000 },
    { month: '2025-02', openQepik: 20_000 },
  ];
  const base = { openQepik: 0, mdss, amountQepik: 1 };

  it('takes other debts per category, without months', () => {
    expect(
      writeOffLimit({
        ...base,
        category: 'PENALTY',
        openQepik: 500,
        amountQepik: 500,
        from: '2025-01',
        to: '2025-03',
      }),
    ).toEqual({ ok: true, availableQepik: 500, obligationMonth: null });
    expect(
      writeOffLimit({
        ...base,
        category: 'OTHER',
        openQepik: 500,
        amountQepik: 501,
        from: '2025-01',
        to: '2025-03',
      }),
    ).toEqual({ ok: false, code: 'WRITE_OFF_EXCEEDS_DEBT', availableQepik: 500 });
    expect(
      writeOffLimit({
        ...base,
        category: 'FINE',
        openQepik: -20,
        amountQepik: 1,
        from: '2025-01',
        to: '2025-01',
      }),
    ).toEqual({ ok: false, code: 'WRITE_OFF_EXCEEDS_DEBT', availableQepik: 0 });
  });

  it('names the one MDSS month of a one-month period', () => {
    expect(
      writeOffLimit({
        ...base,
        category: 'MDSS',
        amountQepik: 30_000,
        from: '2025-01',
        to: '2025-01',
      }),
    ).toEqual({ ok: true, availableQepik: 30_000, obligationMonth: '2025-01' });
    expect(
      writeOffLimit({
        ...base,
        category: 'MDSS',
        amountQepik: 30_001,
        from: '2025-01',
        to: '2025-01',
      }),
    ).toEqual({ ok: false, code: 'WRITE_OFF_EXCEEDS_DEBT', availableQepik: 30_000 });
  });

  it('settles a range oldest first, so older open MDSS refuses it', () => {
    expect(
      writeOffLimit({
        ...base,
        category: 'MDSS',
        amountQepik: 100_000,
        from: '2024-12',
        to: '2025-02',
      }),
    ).toEqual({ ok: true, availableQepik: 100_000, obligationMonth: null });
    expect(
      writeOffLimit({
        ...base,
        category: 'MDSS',
        amountQepik: 40_000,
        from: '2025-01',
        to: '2025-02',
      }),
    ).toEqual({
      ok: false,
      code: 'WRITE_OFF_OLDER_MDSS_OPEN',
      oldestMonth: '2024-12',
      availableQepik: 50_000,
    });
  });
});
