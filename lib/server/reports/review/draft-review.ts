import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { EDITABLE_STATUSES, reportReviewCache, reports } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import type { MonthKey, ReportFigures, ValidationResult } from '@/lib/domain';
import { todayInBaku, now } from '../../clock';
import { penaltyBreakdown, type PenaltyBreakdown } from '../compute-penalty';
import { withWarningTexts, type DistributionWarning } from '../distribution/distribution-warnings';
import type { ReviewFigures } from '../figures/load-report-figures';
import type { ReportContext } from '../persons/report-context';
import { buildReportReviewTotals, type ReportReview } from './build-report-review';

/**
 * The check figures of a draft as every wizard step, F22 and the check page show them (issue 15
 * §3): the review without the per-person rows, the F23 warnings with their texts, and the
 * amounts stored beyond the bound. Small (a few kB whatever the number of persons).
 */
export type DraftReview = Omit<
  ReportReview<ReviewFigures>,
  'figures' | 'status' | 'distributedAt' | 'readyAt'
> & {
  status: ReportContext['status'];
  distributedAt: Date | null;
  readyAt: Date | null;
  figures: Pick<ReportFigures, 'months' | 'balanceLines' | 'balance' | 'application'> & {
    penaltyTotalQepik: number;
    /** F11: the penalty per obligation and how the payments are applied. */
    penalty: PenaltyBreakdown;
  };
  warnings: DistributionWarning[];
  overBound: ValidationResult[];
};

type Payload = Omit<DraftReview, 'status' | 'distributedAt' | 'readyAt'>;

/**
 * Bumped when what lib/domain computes, or the payload's shape, changes: rows computed by an
 * older build then no longer match and are recomputed.
 */
const PAYLOAD_FORMAT = 'v1';

/**
 * Everything the figures are computed from besides lib/domain itself, as one string the
 * database builds (one query): the draft's version and last change (every change of the draft
 * goes through draft-change.ts, which bumps them), the day in Baku (the penalty runs to today),
 * the activity code's ledger and penalty charges (append-only: their count and last id say
 * whether anything was added), the employer's other reports of the code (a corrective chain,
 * statuses), the payments the draft uses, and the reference data the engine is given (small
 * tables, hashed whole). A fund posting, a staff payment or a new holiday changes it, so the
 * check page is never older than its inputs (issue 10 §4) though nothing here is invalidated.
 */
function inputsKeySql(today: string) {
  return sql<string>`concat_ws('|', ${PAYLOAD_FORMAT}::text, r.version, r.updated_at, r.status, ${today}::text,
    (select count(*) || ':' || coalesce(max(l.id), 0) from ledger_entries l
      where l.employer_id = r.employer_id and l.activity_code = r.activity_code),
    (select count(*) || ':' || coalesce(max(pc.id), 0) from penalty_charges pc
      where pc.employer_id = r.employer_id and pc.activity_code = r.activity_code),
    (select md5(coalesce(string_agg(x.id || x.status || x.version, ',' order by x.id), ''))
      from reports x where x.employer_id = r.employer_id and x.activity_code = r.activity_code
      and x.id <> r.id),
    (select md5(coalesce(string_agg(p::text, ',' order by p.id), ''))
      from report_payments rp join payments p on p.id = rp.payment_id
      where rp.report_id = r.id and rp.employer_id = r.employer_id),
    (select md5(coalesce(string_agg(t::text, ',' order by t.id), '')) from contribution_regimes t),
    (select md5(coalesce(string_agg(t::text, ',' order by t.id), '')) from penalty_parameters t),
    (select md5(coalesce(string_agg(t::text, ',' order by t.day), '')) from public_holidays t),
    (select md5(coalesce(string_agg(t::text, ',' order by t.code), '')) from economic_class_codes t),
    (select md5(a::text) from activity_codes a where a.code = r.activity_code))`;
}

/** The review without what grows with the persons, as it is kept. */
function payloadOf(review: ReportReview<ReviewFigures>): Payload {
  const { figures, status: _s, distributedAt: _d, readyAt: _r, ...rest } = review;
  return {
    ...rest,
    figures: {
      months: figures.months,
      balanceLines: figures.balanceLines,
      balance: figures.balance,
      application: figures.application,
      penaltyTotalQepik: figures.penalty.totalQepik,
      penalty: penaltyBreakdown(figures, review.period.months as MonthKey[]),
    },
    warnings: withWarningTexts(figures.warnings),
    overBound: review.overBound,
  };
}

/**
 * The draft's check figures (getReportReview's, lib/domain's one engine), computed once per
 * version of the draft and its inputs and kept in report_review_cache, so every instance shares
 * them (issue 15 §3). A warm read is one query; a cold one computes, stores and returns.
 * `report` must have been loaded through the caller's scope. A sent report is computed afresh
 * every time (its figures are the signed document's business, not this cache's).
 */
export async function loadDraftReview(db: DbOrTx, report: ReportContext): Promise<DraftReview> {
  const live = {
    status: report.status,
    distributedAt: report.distributedAt,
    readyAt: report.readyAt,
  };
  if (!EDITABLE_STATUSES.has(report.status)) {
    const review = await buildReportReviewTotals(db, report);
    return { ...payloadOf(review), ...live };
  }
  const today = todayInBaku(now());
  const [row] = await db
    .select({
      key: inputsKeySql(today),
      version: sql<number>`r.version`,
      cachedKey: reportReviewCache.inputsKey,
      payload: reportReviewCache.payload,
    })
    .from(sql`${reports} r`)
    .leftJoin(reportReviewCache, eq(reportReviewCache.reportId, sql`r.id`))
    .where(and(eq(sql`r.id`, report.id), eq(sql`r.employer_id`, report.employerId)));
  if (row && row.cachedKey === row.key && row.payload) {
    return { ...(row.payload as Payload), ...live };
  }
  const payload = payloadOf(await buildReportReviewTotals(db, report));
  // Kept only when computed from the version the key names (a change in between is not mixed in).
  if (row && Number(row.version) === report.version) {
    await db
      .insert(reportReviewCache)
      .values({
        reportId: report.id,
        employerId: report.employerId,
        version: report.version,
        inputsKey: row.key,
        payload,
        computedAt: now(),
      })
      .onConflictDoUpdate({
        target: reportReviewCache.reportId,
        set: { version: report.version, inputsKey: row.key, payload, computedAt: now() },
      });
  }
  return { ...payload, ...live };
}
