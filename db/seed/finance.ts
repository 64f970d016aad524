import type * as schema from '../schema';
import { SEED_EMPLOYERS } from './employers';
import { stableUuid } from './random';

type PaymentRow = typeof schema.payments.$inferInsert;
type LedgerRow = typeof schema.ledgerEntries.$inferInsert;
type EmploymentRow = typeof schema.employments.$inferInsert;

const SEED_ACTOR = 'SEED';
/** Months for which the demo employers paid contributions: 2025-01 … 2026-10. */
function paidMonths(): { year: number; month: number }[] {
  const months: { year: number; month: number }[] = [];
  for (let year = 2025; year <= 2026; year++) {
    for (let month = 1; month <= 12; month++)
      if (year < 2026 || month <= 10) months.push({ year, month });
  }
  return months;
}

/** Payment date: the 12th of the month after (before the 15th due date), as most employers pay. */
function paymentDate(year: number, month: number): string {
  const y = month === 12 ? year + 1 : year;
  const m = month === 12 ? 1 : month + 1;
  return `${y}-${String(m).padStart(2, '0')}-12`;
}

/**
 * Payments the fund's local bodies recorded: each month two transfers per activity code (employer
 * share to the employer class code, employee share to the employee class code). Amounts follow
 * the roster's wages at a plain 22 % / 3 % (the demo only needs plausible sums; reports compute
 * the exact contributions), scaled by the employer's pay ratio to leave some debt.
 */
export function buildPayments(
  employments: EmploymentRow[],
  classCodes: Map<string, { employer: string; employee: string }>,
): PaymentRow[] {
  const rows: PaymentRow[] = [];
  for (const employer of SEED_EMPLOYERS) {
    for (const activityCode of employer.activityCodes) {
      const payroll = employments
        .filter((e) => e.employerId === employer.id && e.activityCode === activityCode)
        .reduce((sum, e) => sum + e.monthlyWageQepik, 0);
      if (payroll === 0) continue;
      const codes = classCodes.get(activityCode);
      if (!codes) throw new Error(`No class codes for ${activityCode}`);
      const ratioPermille = Math.round(employer.payRatio * 1000);
      for (const { year, month } of paidMonths()) {
        const employerShare = Math.floor((payroll * 22 * ratioPermille) / 100_000);
        const employeeShare = Math.floor((payroll * 3 * ratioPermille) / 100_000);
        const ym = `${year}${String(month).padStart(2, '0')}`;
        for (const [side, amount, code] of [
          ['ER', employerShare, codes.employer],
          ['EE', employeeShare, codes.employee],
        ] as const) {
          rows.push({
            id: stableUuid(`payment:${employer.key}:${activityCode}:${ym}:${side}`),
            employerId: employer.id,
            activityCode,
            paymentDate: paymentDate(year, month),
            amountQepik: amount,
            bankReference: `PP${ym}${side}${activityCode.replace('.', '')}${employer.dsmfRegNumber.slice(-4)}`,
            economicClassCode: code,
            recordedBy: SEED_ACTOR,
          });
        }
      }
    }
  }
  return rows;
}

/**
 * Opening balances at 2025-01-01, one fine and one write-off (foundation demo data). The carried
 * debt is the unpaid MDSS of December 2024 (DOMAIN.md §4: so it has a due date, 15 January 2025,
 * and accrues penalty from the 16th), split between the sides as 22 : 3.
 */
export function buildLedger(): LedgerRow[] {
  const rows: LedgerRow[] = [];
  for (const employer of SEED_EMPLOYERS) {
    for (const [activityCode, amountQepik] of Object.entries(employer.openingDebtQepik)) {
      const employerSide = Math.floor((amountQepik * 22) / 25);
      for (const [side, amount] of [
        ['EMPLOYER', employerSide],
        ['EMPLOYEE', amountQepik - employerSide],
      ] as const) {
        if (amount === 0) continue;
        rows.push({
          employerId: employer.id,
          activityCode,
          entryDate: '2025-01-01',
          // The carried balance belongs to the time before the first quarter the service keeps.
          periodYear: 2024,
          periodMonth: 12,
          kind: 'OPENING_BALANCE',
          amountQepik: amount,
          target: 'MDSS',
          obligationSide: side,
          obligationMonth: '2024-12',
          memo: 'Opening balance carried over from the previous system: MDSS of December 2024',
          sourceType: 'SEED',
          createdBy: SEED_ACTOR,
        });
      }
    }
  }
  const xezer = SEED_EMPLOYERS.find((e) => e.key === 'xezer');
  const kur = SEED_EMPLOYERS.find((e) => e.key === 'kur');
  if (!xezer || !kur) throw new Error('seed employers missing');
  rows.push({
    employerId: xezer.id,
    activityCode: '62.01',
    entryDate: '2025-09-10',
    kind: 'FINE',
    amountQepik: 20_000,
    target: 'FINE',
    memo: 'İnzibati cərimə: hesabatın gecikdirilməsi (2025-ci il II rüb)',
    sourceType: 'SEED',
    createdBy: SEED_ACTOR,
  });
  rows.push({
    employerId: kur.id,
    activityCode: '41.20',
    entryDate: '2025-06-30',
    kind: 'WRITE_OFF',
    amountQepik: -300_000,
    // MDSS debt, oldest months first (a court decision names no month).
    target: 'MDSS',
    memo: 'MDSS borcunun silinməsi (məhkəmə qərarı)',
    sourceType: 'SEED',
    createdBy: SEED_ACTOR,
  });
  return rows;
}
