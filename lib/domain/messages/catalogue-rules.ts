// Texts for rule outcomes (rates, penalty, allocation, distribution, report checks).
// Placeholders in {braces} are filled by formatMessage; money and months per locale.
import type { MessageText } from './codes';

export const RULE_MESSAGES = {
  RATES_NOT_FOUND: {
    az: 'Bu dövr üçün qüvvədə olan dərəcələr tapılmadı',
    en: 'No rates are in force for this period',
  },
  RATES_AMBIGUOUS: {
    az: 'Bu dövr üçün birdən çox dərəcə qüvvədədir',
    en: 'More than one set of rates is in force for this period',
  },
  INVALID_SCHEDULE: {
    az: 'Haqq dərəcələrinin cədvəli düzgün qurulmayıb',
    en: 'The contribution schedule is not set up correctly',
  },
  INVALID_PENALTY_PARAMETERS: {
    az: 'Penya parametrləri düzgün deyil',
    en: 'The penalty parameters are not valid',
  },
  DUE_DATE_MISSING: {
    az: '{month} ayının haqq ödəmə müddəti müəyyən edilə bilmədi',
    en: 'The contribution due date of {month} could not be determined',
  },
  DEBIT_WITHOUT_MONTH: {
    az: 'Hesablanmış M.D.S.S. məbləği aya aid edilməyib',
    en: 'An accrued MDSS amount names no month',
  },
  DUPLICATE_OBLIGATION: {
    az: 'Öhdəlik iki dəfə verilib: {id}',
    en: 'Obligation given twice: {id}',
  },
  UNKNOWN_OBLIGATION: {
    az: 'Ödəniş naməlum öhdəliyə aid edilib: {id}',
    en: 'A payment refers to an unknown obligation: {id}',
  },
  PAYMENT_EXCEEDS_OBLIGATION: {
    az: 'Öhdəliyə aid edilən ödənişlər onun məbləğindən çoxdur: {id}',
    en: 'Payments allocated to an obligation exceed it: {id}',
  },
  DUPLICATE_ITEM: { az: 'Borc iki dəfə verilib: {id}', en: 'Open item given twice: {id}' },
  DUPLICATE_FIN: {
    az: 'Bu FİN artıq əlavə edilib: {fin}',
    en: 'This FIN has already been added: {fin}',
  },
  RECONCILIATION_NON_LIABLE_INCOME: {
    az: '{month}: {difference} bölüşdürülə bilmir, çünki bu ay üçün {nonLiable} məcburi dövlət sosial sığorta haqqına cəlb olunmayan gəlir daxil edilib',
    en: '{month}: {difference} cannot be distributed because {nonLiable} of income not subject to MDSS was entered for this month',
  },
  RECONCILIATION_LABOUR_PAYMENTS: {
    az: '{month}: sığortaolunanların gəlirləri əmək ödənişlərindən {difference} çoxdur',
    en: "{month}: insured persons' income exceeds the labour payments by {difference}",
  },
  RECONCILIATION_UNDISTRIBUTED: {
    az: '{month}: {difference} sığortaolunanlar arasında bölüşdürülməyib',
    en: '{month}: {difference} has not been distributed to insured persons',
  },
  BALANCE_MISMATCH: {
    az: 'Dövrün sonuna borc {actual} göstərilib, hesablamaya görə isə {expected} olmalıdır',
    en: 'Debt at the end of the period is given as {actual} but works out as {expected}',
  },
  HEADCOUNT_MISMATCH: {
    az: '{month}: işçi sayı {headcount}, daxil edilmiş sığortaolunanlar isə {persons}',
    en: '{month}: the headcount is {headcount} but {persons} insured persons were entered',
  },
  PAYMENT_OVERUSED: {
    az: 'Ödənişdən {used} istifadə edilir, lakin qalığı {remainder}',
    en: '{used} of the payment is used but only {remainder} remains',
  },
  PAYMENT_UNKNOWN: { az: 'Ödəniş tapılmadı: {paymentId}', en: 'Payment not found: {paymentId}' },
} as const satisfies Record<string, MessageText>;
