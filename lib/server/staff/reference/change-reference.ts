import 'server-only';
import { and, eq, gte } from 'drizzle-orm';
import {
  activityCodes,
  contributionRegimes,
  economicClassCodes,
  nonLiableIncomeReasons,
  penaltyParameters,
  preferentialSeniorityEntries,
  publicHolidays,
  SECTORS,
  type Sector,
} from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { addDays, parseAmount, type ContributionTier, type Rational } from '@/lib/domain';
import {
  parsePercentRate,
  parseReferenceDate,
  parseWholeNumber,
  type ReferenceChange,
} from '@/lib/domain/staff/reference-change-rules';
import { writeStaffAudit, type StaffScope } from '../../access';
import { now, todayInBaku } from '../../clock';
import { AppError, type AppErrorCode, type AppErrorParams } from '../../errors';
import { assertAdmin, refuseIfAcceptedPeriodTouched } from './reference-guard';
import { REGIME_TIER_COUNT, type CodeKind } from './reference-kinds';

// The administrator's changes of reference data (issue 14 §11). Every change takes effect from
// a date: a new version row from that date (the one before it ends the day before, so what past
// periods used stays as it was), a code ended from a date, a future holiday added or cancelled.
// A change that would alter a period an accepted report covers is refused, naming the report.
// Every change is audited with the administrator's reason in the same transaction.

/** The form's field refusals, gathered so the summary lists each one. */
class Refusals {
  private readonly list: AppError[] = [];
  add(field: string, code: AppErrorCode, params?: AppErrorParams): undefined {
    this.list.push(new AppError(code, { field, ...(params ? { params } : {}) }));
    return undefined;
  }
  throwIfAny(): void {
    const [first] = this.list;
    if (!first) return;
    throw this.list.length === 1
      ? first
      : new AppError(first.code, {
          field: first.field,
          params: first.params,
          fieldErrors: this.list,
        });
  }
}

const NAME_MAX = 300;

function text(refusals: Refusals, field: string, value: string | undefined): string {
  const t = (value ?? '').trim();
  if (t === '') refusals.add(field, 'REFERENCE_TEXT_REQUIRED');
  else if (t.length > NAME_MAX) refusals.add(field, 'TEXT_TOO_LONG', { max: NAME_MAX });
  return t;
}

function comment(refusals: Refusals, value: string | undefined): string {
  const t = (value ?? '').trim();
  if (t === '') refusals.add('comment', 'REFERENCE_COMMENT_REQUIRED');
  return t;
}

function dateField(refusals: Refusals, field: string, value: string | undefined): string | null {
  const d = parseReferenceDate(value ?? '');
  return d.ok ? d.value : (refusals.add(field, 'REFERENCE_DATE_INVALID') ?? null);
}

function rateField(refusals: Refusals, field: string, value: string | undefined): Rational | null {
  const r = parsePercentRate(value ?? '');
  if (r.ok) return r.value;
  return (
    refusals.add(
      field,
      r.code === 'RATE_TOO_HIGH' ? 'REFERENCE_RATE_TOO_HIGH' : 'REFERENCE_RATE_INVALID',
    ) ?? null
  );
}

function choice<T extends string>(
  refusals: Refusals,
  field: string,
  value: string | undefined,
  options: readonly T[],
): T | null {
  return (options as readonly string[]).includes(value ?? '')
    ? (value as T)
    : (refusals.add(field, 'REFERENCE_CHOICE_INVALID') ?? null);
}

function dayBefore(day: string): string {
  const d = addDays(day, -1);
  if (!d.ok) throw new Error(`dayBefore: ${day}`);
  return d.value;
}

// ---------------------------------------------------------------- public holidays

export type HolidayInput = { day?: string; nameAz?: string; nameEn?: string; comment?: string };

/** A public holiday from tomorrow on; a cancelled one on that day comes back with the new names. */
export async function addHoliday(
  db: DbOrTx,
  staff: StaffScope,
  input: HolidayInput,
  asOf: Date = now(),
): Promise<{ day: string }> {
  assertAdmin(staff);
  const refusals = new Refusals();
  const day = dateField(refusals, 'day', input.day);
  if (day !== null && day <= todayInBaku(asOf)) refusals.add('day', 'REFERENCE_HOLIDAY_PAST');
  const nameAz = text(refusals, 'nameAz', input.nameAz);
  const nameEn = text(refusals, 'nameEn', input.nameEn);
  const reason = comment(refusals, input.comment);
  refusals.throwIfAny();
  const d = day as string;
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(publicHolidays)
      .where(eq(publicHolidays.day, d))
      .for('update');
    if (existing && existing.cancelledAt === null) {
      throw new AppError('REFERENCE_HOLIDAY_EXISTS', { field: 'day' });
    }
    await refuseIfAcceptedPeriodTouched(tx, { kind: 'HOLIDAY', day: d }, 'day');
    if (existing) {
      await tx
        .update(publicHolidays)
        .set({ nameAz, nameEn, cancelledAt: null })
        .where(eq(publicHolidays.day, d));
    } else {
      await tx.insert(publicHolidays).values({ day: d, nameAz, nameEn });
    }
    await writeStaffAudit(tx, staff, {
      action: 'REFERENCE_HOLIDAY_ADDED',
      reason,
      details: { kind: 'holidays', day: d, from: d, nameAz, nameEn },
    });
    return { day: d };
  });
}

/** Removes a future holiday: its row stays, marked cancelled, so the record shows it was one. */
export async function removeHoliday(
  db: DbOrTx,
  staff: StaffScope,
  input: { day?: string; comment?: string },
  asOf: Date = now(),
): Promise<{ day: string }> {
  assertAdmin(staff);
  const refusals = new Refusals();
  const day = dateField(refusals, 'day', input.day);
  if (day !== null && day <= todayInBaku(asOf)) refusals.add('day', 'REFERENCE_HOLIDAY_PAST');
  const reason = comment(refusals, input.comment);
  refusals.throwIfAny();
  const d = day as string;
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(publicHolidays)
      .where(eq(publicHolidays.day, d))
      .for('update');
    if (!existing || existing.cancelledAt !== null) {
      throw new AppError('REFERENCE_HOLIDAY_UNKNOWN', { field: 'day' });
    }
    await refuseIfAcceptedPeriodTouched(tx, { kind: 'HOLIDAY', day: d }, 'day');
    await tx.update(publicHolidays).set({ cancelledAt: asOf }).where(eq(publicHolidays.day, d));
    await writeStaffAudit(tx, staff, {
      action: 'REFERENCE_HOLIDAY_REMOVED',
      reason,
      details: { kind: 'holidays', day: d, from: d, nameAz: existing.nameAz },
    });
    return { day: d };
  });
}

// ---------------------------------------------------------------- contribution regimes

export type RegimeInput = {
  sector?: string;
  validFrom?: string;
  comment?: string;
} & Partial<Record<`${'employee' | 'employer'}${'Rate' | 'From'}${1 | 2 | 3}`, string>>;

function tiersFrom(
  refusals: Refusals,
  side: 'employee' | 'employer',
  input: RegimeInput,
): ContributionTier[] {
  const tiers: ContributionTier[] = [];
  for (let i = 1; i <= REGIME_TIER_COUNT; i++) {
    const rateText = (input[`${side}Rate${i as 1 | 2 | 3}`] ?? '').trim();
    const fromText = i === 1 ? '0' : (input[`${side}From${i as 2 | 3}`] ?? '').trim();
    if (i > 1 && rateText === '' && fromText === '') continue;
    const rate = rateField(refusals, `${side}Rate${i}`, rateText);
    const from = parseAmount(fromText);
    if (!from.ok) {
      refusals.add(`${side}From${i}`, 'REFERENCE_AMOUNT_INVALID');
      continue;
    }
    const previous = tiers[tiers.length - 1];
    if (previous && from.value <= previous.fromQepik) {
      refusals.add(`${side}From${i}`, 'REFERENCE_TIERS_ORDER');
      continue;
    }
    if (rate) tiers.push({ fromQepik: from.value, rate });
  }
  return tiers;
}

/**
 * A new regime for a sector from the first day of a month: the one in force that day ends the
 * day before (the past keeps its rates); one starting later already is refused.
 */
export async function addContributionRegime(
  db: DbOrTx,
  staff: StaffScope,
  input: RegimeInput,
): Promise<{ id: string }> {
  assertAdmin(staff);
  const refusals = new Refusals();
  const sector = choice<Sector>(refusals, 'sector', input.sector, SECTORS);
  const from = dateField(refusals, 'validFrom', input.validFrom);
  if (from !== null && !from.endsWith('-01')) {
    refusals.add('validFrom', 'REFERENCE_DATE_NOT_MONTH_START');
  }
  const employee = tiersFrom(refusals, 'employee', input);
  const employer = tiersFrom(refusals, 'employer', input);
  const reason = comment(refusals, input.comment);
  refusals.throwIfAny();
  const s = sector as Sector;
  const f = from as string;
  return db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(contributionRegimes)
      .where(eq(contributionRegimes.sector, s))
      .for('update');
    const later = rows.find((r) => r.validFrom !== null && r.validFrom >= f);
    if (later) {
      throw new AppError('REFERENCE_LATER_VERSION_EXISTS', {
        field: 'validFrom',
        params: { date: later.validFrom ?? '' },
      });
    }
    await refuseIfAcceptedPeriodTouched(tx, { kind: 'FROM_DATE', from: f }, 'validFrom');
    const current = rows.find(
      (r) => (r.validFrom === null || r.validFrom < f) && (r.validTo === null || r.validTo >= f),
    );
    if (current) {
      await tx
        .update(contributionRegimes)
        .set({ validTo: dayBefore(f) })
        .where(eq(contributionRegimes.id, current.id));
    }
    const id = `${s}_${f}`;
    await tx.insert(contributionRegimes).values({
      id,
      sector: s,
      validFrom: f,
      validTo: current?.validTo ?? null,
      employeeTiers: employee,
      employerTiers: employer,
    });
    await writeStaffAudit(tx, staff, {
      action: 'REFERENCE_REGIME_ADDED',
      reason,
      details: {
        kind: 'regimes',
        id,
        sector: s,
        from: f,
        replaces: current?.id ?? null,
        employeeTiers: employee,
        employerTiers: employer,
      },
    });
    return { id };
  });
}

// ---------------------------------------------------------------- penalty parameters

export type PenaltyInput = {
  validFrom?: string;
  dailyRate?: string;
  capDays?: string;
  lateFilingRate?: string;
  comment?: string;
};

/** New penalty and late-filing parameters from a date; the previous row holds until the day before. */
export async function addPenaltyParameters(
  db: DbOrTx,
  staff: StaffScope,
  input: PenaltyInput,
): Promise<{ effectiveFrom: string }> {
  assertAdmin(staff);
  const refusals = new Refusals();
  const from = dateField(refusals, 'validFrom', input.validFrom);
  const daily = rateField(refusals, 'dailyRate', input.dailyRate);
  const cap = parseWholeNumber(input.capDays ?? '', 1, 3650);
  if (!cap.ok) refusals.add('capDays', 'REFERENCE_NUMBER_INVALID', { min: 1, max: 3650 });
  const late = rateField(refusals, 'lateFilingRate', input.lateFilingRate);
  const reason = comment(refusals, input.comment);
  refusals.throwIfAny();
  const f = from as string;
  const d = daily as Rational;
  const l = late as Rational;
  const capDays = cap.ok ? cap.value : 0;
  return db.transaction(async (tx) => {
    const [later] = await tx
      .select({ effectiveFrom: penaltyParameters.effectiveFrom })
      .from(penaltyParameters)
      .where(gte(penaltyParameters.effectiveFrom, f))
      .limit(1);
    if (later) {
      throw new AppError('REFERENCE_LATER_VERSION_EXISTS', {
        field: 'validFrom',
        params: { date: later.effectiveFrom },
      });
    }
    await refuseIfAcceptedPeriodTouched(tx, { kind: 'FROM_DATE', from: f }, 'validFrom');
    await tx.insert(penaltyParameters).values({
      effectiveFrom: f,
      dailyRateNum: d.num,
      dailyRateDen: d.den,
      capDays,
      lateFilingSanctionNum: l.num,
      lateFilingSanctionDen: l.den,
    });
    await writeStaffAudit(tx, staff, {
      action: 'REFERENCE_PENALTY_ADDED',
      reason,
      details: { kind: 'penalty', from: f, dailyRate: d, capDays, lateFilingRate: l },
    });
    return { effectiveFrom: f };
  });
}

// ---------------------------------------------------------------- codes

export type CodeInput = {
  code?: string;
  nameAz?: string;
  nameEn?: string;
  validFrom?: string;
  sector?: string;
  employerClassCode?: string;
  employeeClassCode?: string;
  side?: string;
  pairCode?: string;
  sortOrder?: string;
  section?: string;
  comment?: string;
};

const CODE_FORMATS: Record<CodeKind, { pattern: RegExp; format: string }> = {
  'activity-codes': { pattern: /^\d{2}\.\d{2}$/, format: '62.01' },
  'economic-codes': { pattern: /^\d{6}$/, format: '121111' },
  'non-liable-reasons': { pattern: /^[A-Z][A-Z0-9_]{1,39}$/, format: 'SOCIAL_COMPENSATION' },
  seniority: { pattern: /^[0-9]{4,10}[a-z]?$/, format: '1010100a' },
};

function codeField(refusals: Refusals, kind: CodeKind, value: string | undefined): string {
  const code = (value ?? '').trim();
  const { pattern, format } = CODE_FORMATS[kind];
  if (!pattern.test(code)) refusals.add('code', 'REFERENCE_CODE_INVALID', { format });
  return code;
}

type CodeRecord = { validFrom: string | null; validTo: string | null };

async function findCode(tx: DbOrTx, kind: CodeKind, code: string): Promise<CodeRecord | null> {
  const pick = { validFrom: activityCodes.validFrom, validTo: activityCodes.validTo };
  switch (kind) {
    case 'activity-codes':
      return (
        (
          await tx
            .select(pick)
            .from(activityCodes)
            .where(eq(activityCodes.code, code))
            .for('update')
        )[0] ?? null
      );
    case 'economic-codes':
      return (
        (
          await tx
            .select({
              validFrom: economicClassCodes.validFrom,
              validTo: economicClassCodes.validTo,
            })
            .from(economicClassCodes)
            .where(eq(economicClassCodes.code, code))
            .for('update')
        )[0] ?? null
      );
    case 'non-liable-reasons':
      return (
        (
          await tx
            .select({
              validFrom: nonLiableIncomeReasons.validFrom,
              validTo: nonLiableIncomeReasons.validTo,
            })
            .from(nonLiableIncomeReasons)
            .where(eq(nonLiableIncomeReasons.code, code))
            .for('update')
        )[0] ?? null
      );
    case 'seniority':
      return (
        (
          await tx
            .select({
              validFrom: preferentialSeniorityEntries.validFrom,
              validTo: preferentialSeniorityEntries.validTo,
            })
            .from(preferentialSeniorityEntries)
            .where(eq(preferentialSeniorityEntries.positionCode, code))
            .for('update')
        )[0] ?? null
      );
  }
}

async function classCodeSide(tx: DbOrTx, code: string): Promise<string | null> {
  const [row] = await tx
    .select({ side: economicClassCodes.side })
    .from(economicClassCodes)
    .where(eq(economicClassCodes.code, code));
  return row?.side ?? null;
}

/** A new code of a kind, in force from a date. */
export async function addReferenceCode(
  db: DbOrTx,
  staff: StaffScope,
  kind: CodeKind,
  input: CodeInput,
): Promise<{ code: string }> {
  assertAdmin(staff);
  const refusals = new Refusals();
  const code = codeField(refusals, kind, input.code);
  const nameAz = text(refusals, 'nameAz', input.nameAz);
  const nameEn = text(refusals, 'nameEn', input.nameEn);
  const from = dateField(refusals, 'validFrom', input.validFrom);
  const sector =
    kind === 'activity-codes' ? choice<Sector>(refusals, 'sector', input.sector, SECTORS) : null;
  const side =
    kind === 'economic-codes'
      ? choice(refusals, 'side', input.side, ['EMPLOYER', 'EMPLOYEE'] as const)
      : null;
  const six = (field: string, value: string | undefined) => {
    const v = (value ?? '').trim();
    if (!/^\d{6}$/.test(v)) refusals.add(field, 'REFERENCE_CODE_INVALID', { format: '121111' });
    return v;
  };
  const employerClassCode =
    kind === 'activity-codes' ? six('employerClassCode', input.employerClassCode) : '';
  const employeeClassCode =
    kind === 'activity-codes' ? six('employeeClassCode', input.employeeClassCode) : '';
  const pairCode = kind === 'economic-codes' ? six('pairCode', input.pairCode) : '';
  let sortOrder = 0;
  if (kind === 'non-liable-reasons') {
    const n = parseWholeNumber(input.sortOrder ?? '', 1, 999);
    if (n.ok) sortOrder = n.value;
    else refusals.add('sortOrder', 'REFERENCE_NUMBER_INVALID', { min: 1, max: 999 });
  }
  const section = kind === 'seniority' ? text(refusals, 'section', input.section) : '';
  const reason = comment(refusals, input.comment);
  refusals.throwIfAny();
  const f = from as string;
  return db.transaction(async (tx) => {
    if (await findCode(tx, kind, code)) {
      throw new AppError('REFERENCE_CODE_EXISTS', { field: 'code' });
    }
    if (kind === 'activity-codes') {
      const later = new Refusals();
      if ((await classCodeSide(tx, employerClassCode)) !== 'EMPLOYER')
        later.add('employerClassCode', 'REFERENCE_CODE_UNKNOWN');
      if ((await classCodeSide(tx, employeeClassCode)) !== 'EMPLOYEE')
        later.add('employeeClassCode', 'REFERENCE_CODE_UNKNOWN');
      later.throwIfAny();
    }
    const change: ReferenceChange = { kind: 'FROM_DATE', from: f };
    await refuseIfAcceptedPeriodTouched(
      tx,
      change,
      'validFrom',
      kind === 'activity-codes' ? code : undefined,
    );
    const dated = { validFrom: f, validTo: null };
    switch (kind) {
      case 'activity-codes':
        await tx.insert(activityCodes).values({
          code,
          nameAz,
          nameEn,
          sector: sector as Sector,
          employerClassCode,
          employeeClassCode,
          ...dated,
        });
        break;
      case 'economic-codes':
        await tx.insert(economicClassCodes).values({
          code,
          side: side as 'EMPLOYER' | 'EMPLOYEE',
          pairCode,
          nameAz,
          nameEn,
          ...dated,
        });
        break;
      case 'non-liable-reasons':
        await tx
          .insert(nonLiableIncomeReasons)
          .values({ code, nameAz, nameEn, sortOrder, ...dated });
        break;
      case 'seniority':
        await tx.insert(preferentialSeniorityEntries).values({
          section,
          positionCode: code,
          titleAz: nameAz,
          titleEn: nameEn,
          ...dated,
        });
        break;
    }
    await writeStaffAudit(tx, staff, {
      action: 'REFERENCE_CODE_ADDED',
      reason,
      details: { kind, code, from: f, nameAz, nameEn },
    });
    return { code };
  });
}

/** Ends a code from a date: it holds until the day before, as before for the past. */
export async function endReferenceCode(
  db: DbOrTx,
  staff: StaffScope,
  kind: CodeKind,
  input: { code?: string; endFrom?: string; comment?: string },
): Promise<{ code: string }> {
  assertAdmin(staff);
  const refusals = new Refusals();
  const code = codeField(refusals, kind, input.code);
  const from = dateField(refusals, 'endFrom', input.endFrom);
  const reason = comment(refusals, input.comment);
  refusals.throwIfAny();
  const f = from as string;
  return db.transaction(async (tx) => {
    const existing = await findCode(tx, kind, code);
    if (!existing) throw new AppError('REFERENCE_CODE_UNKNOWN', { field: 'code' });
    if (existing.validTo !== null) throw new AppError('REFERENCE_CODE_ENDED', { field: 'code' });
    if (existing.validFrom !== null && f <= existing.validFrom) {
      throw new AppError('REFERENCE_END_BEFORE_START', {
        field: 'endFrom',
        params: { date: existing.validFrom },
      });
    }
    await refuseIfAcceptedPeriodTouched(
      tx,
      { kind: 'FROM_DATE', from: f },
      'endFrom',
      kind === 'activity-codes' ? code : undefined,
    );
    const validTo = dayBefore(f);
    switch (kind) {
      case 'activity-codes':
        await tx.update(activityCodes).set({ validTo }).where(eq(activityCodes.code, code));
        break;
      case 'economic-codes':
        await tx
          .update(economicClassCodes)
          .set({ validTo })
          .where(eq(economicClassCodes.code, code));
        break;
      case 'non-liable-reasons':
        await tx
          .update(nonLiableIncomeReasons)
          .set({ validTo })
          .where(eq(nonLiableIncomeReasons.code, code));
        break;
      case 'seniority':
        await tx
          .update(preferentialSeniorityEntries)
          .set({ validTo })
          .where(and(eq(preferentialSeniorityEntries.positionCode, code)));
        break;
    }
    await writeStaffAudit(tx, staff, {
      action: 'REFERENCE_CODE_ENDED',
      reason,
      details: { kind, code, from: f, validTo },
    });
    return { code };
  });
}
