// How a report's money was applied (issue 10 §3, DOMAIN.md §5): one set of figures, defined
// once, that F17, F19, the check page, the signed document and the receipt all show.

/**
 * paid + creditBrought = toQuarterMdss (employer + employee) + toOlderMdss + toPenalty + toFines
 * + toOther + overpayment — exactly, so an accountant can follow one figure into the next.
 */
export interface PaymentApplication {
  /** The payments the report uses (F6), in all and by their classification code's side. */
  paidQepik: number;
  paidEmployerQepik: number;
  paidEmployeeQepik: number;
  /** An overpayment of earlier periods that no debt had taken yet. */
  creditBroughtQepik: number;
  /** Applied to this quarter's MDSS: what is distributed to the insured persons (F19, F22). */
  toQuarterMdssEmployerQepik: number;
  toQuarterMdssEmployeeQepik: number;
  /** Applied to MDSS of earlier months still unpaid. */
  toOlderMdssQepik: number;
  toPenaltyQepik: number;
  /** Fines and financial sanctions. */
  toFinesQepik: number;
  /** Sanatorium vouchers, injury refunds, the fund's findings, other accruals. */
  toOtherQepik: number;
  /** Left after every debt: carried forward to the next period. */
  overpaymentQepik: number;
}

export function emptyApplication(): PaymentApplication {
  return {
    paidQepik: 0,
    paidEmployerQepik: 0,
    paidEmployeeQepik: 0,
    creditBroughtQepik: 0,
    toQuarterMdssEmployerQepik: 0,
    toQuarterMdssEmployeeQepik: 0,
    toOlderMdssQepik: 0,
    toPenaltyQepik: 0,
    toFinesQepik: 0,
    toOtherQepik: 0,
    overpaymentQepik: 0,
  };
}

/** What this quarter's persons receive, and what of the money goes elsewhere (F19). */
export function distributedToPersonsQepik(a: PaymentApplication): number {
  return a.toQuarterMdssEmployerQepik + a.toQuarterMdssEmployeeQepik;
}

/** What of the money does not reach this quarter's persons: older debt, penalty, fines, other, overpayment. */
export function notToPersonsQepik(a: PaymentApplication): number {
  return (
    a.toOlderMdssQepik + a.toPenaltyQepik + a.toFinesQepik + a.toOtherQepik + a.overpaymentQepik
  );
}

/** paid + credit − everything applied − overpayment: zero for every consistent application. */
export function applicationGapQepik(a: PaymentApplication): number {
  return (
    a.paidQepik +
    a.creditBroughtQepik -
    distributedToPersonsQepik(a) -
    a.toOlderMdssQepik -
    a.toPenaltyQepik -
    a.toFinesQepik -
    a.toOtherQepik -
    a.overpaymentQepik
  );
}
