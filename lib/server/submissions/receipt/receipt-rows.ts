import 'server-only';
import { fillTemplate, formatAmount } from '@/lib/domain';
import { UI_MESSAGES } from '@/lib/i18n/catalogue';
import { formatDate, formatDateTime } from '@/lib/i18n/format-date';
import type { Locale } from '@/lib/i18n/locales';
import type { ReceiptView } from './receipt-view';

export type ReceiptRow = { label: string; value: string; kind?: 'hash' | 'list' };
export type ReceiptSection = { title: string; rows: ReceiptRow[] };

type Texts = Record<string, string>;

/** The receipt's texts in a locale ("receipt" namespace), with {placeholders} filled. */
export function receiptText(
  locale: Locale,
): (key: string, params?: Record<string, string | number>) => string {
  const texts = UI_MESSAGES[locale].receipt as Texts;
  return (key, params) => fillTemplate(texts[key] ?? key, params, locale);
}

/** The payments' application (issue 10 §3), in the words of F17, F19 and the check page. */
function applicationSection(view: ReceiptView, locale: Locale): ReceiptSection[] {
  const a = view.application;
  if (!a) return [];
  const texts = UI_MESSAGES[locale].figures as Texts;
  const t = (key: string, params?: Record<string, string>) =>
    fillTemplate(texts[key] ?? key, params, locale);
  const m = (q: number) => formatAmount(q, locale);
  return [
    {
      title: t('applicationTitle'),
      rows: [
        {
          label: t('appPaid'),
          value: `${m(a.paidQepik)} (${t('appPaidSides', { employer: m(a.paidEmployerQepik), employee: m(a.paidEmployeeQepik) })})`,
        },
        ...(a.creditBroughtQepik > 0
          ? [{ label: t('appCreditBrought'), value: m(a.creditBroughtQepik) }]
          : []),
        { label: t('appToQuarterEmployer'), value: m(a.toQuarterMdssEmployerQepik) },
        { label: t('appToQuarterEmployee'), value: m(a.toQuarterMdssEmployeeQepik) },
        // Uses of nothing are left out so the receipt stays one page; the rows still add up.
        ...(
          [
            ['appToOlder', a.toOlderMdssQepik],
            ['appToPenalty', a.toPenaltyQepik],
            ['appToFines', a.toFinesQepik],
            ['appToOther', a.toOtherQepik],
            ['appOverpayment', a.overpaymentQepik],
          ] as const
        )
          .filter(([, q]) => q > 0)
          .map(([key, q]) => ({ label: t(key), value: m(q) })),
      ],
    },
  ];
}

const AMOUNTS = [
  'mdssEmployerQepik',
  'mdssEmployeeQepik',
  'accruedQepik',
  'paidQepik',
  'paymentsUsedQepik',
  'debtEndQepik',
] as const;

/**
 * The receipt's content as labelled rows, in one order for the HTML page and the PDF, so the two
 * never disagree (issue 6 §6).
 */
export function receiptSections(view: ReceiptView, locale: Locale): ReceiptSection[] {
  const t = receiptText(locale);
  // The legal filing time is read to the second.
  const at = (instant: Date) => formatDateTime(instant, locale, { seconds: true });
  const decision: ReceiptRow[] = [];
  if (view.decidedAt) decision.push({ label: t('decidedAt'), value: at(view.decidedAt) });
  if (view.returnReasons.length > 0) {
    decision.push({
      label: t('returnReasons'),
      value: view.returnReasons.map((r) => `${r.code}: ${r.text[locale]}`).join('\n'),
      kind: 'list',
    });
  }
  const signer = [view.signer.surname, view.signer.name, view.signer.patronymic]
    .filter(Boolean)
    .join(' ');
  return [
    {
      title: t('title'),
      rows: [
        { label: t('receiptNumber'), value: view.receiptNumber },
        { label: t('receivedAt'), value: at(view.receivedAt) },
        { label: t('status'), value: t(`status${view.status}`) },
        ...decision,
        { label: t('dueDate'), value: formatDate(view.dueDate, locale) },
        { label: t('timeliness'), value: view.late ? t('late') : t('onTime') },
        { label: t('reportType'), value: t(`type${view.reportType}`) },
        {
          label: t('period'),
          value: t('periodValue', { year: view.period.year, quarter: view.period.quarter }),
        },
      ],
    },
    {
      title: t('employerSection'),
      rows: [
        { label: t('employerName'), value: view.employer.name },
        { label: t('voen'), value: view.employer.voen },
        { label: t('dsmfRegNumber'), value: view.employer.dsmfRegNumber },
        {
          label: t('activity'),
          value: `${view.activity.code} — ${locale === 'en' ? view.activity.nameEn : view.activity.nameAz}`,
        },
      ],
    },
    {
      title: t('totalsSection'),
      rows: [
        ...AMOUNTS.map((key) => ({ label: t(key), value: formatAmount(view.totals[key], locale) })),
        { label: t('persons'), value: String(view.totals.persons) },
      ],
    },
    ...applicationSection(view, locale),
    {
      title: t('signatureSection'),
      rows: [
        { label: t('signer'), value: signer || view.signer.fin },
        { label: t('signerFin'), value: view.signer.fin },
        { label: t('certificateSerial'), value: view.certificateSerial },
        { label: t('signedAt'), value: at(view.signedAt) },
        ...(view.batchId ? [{ label: t('batch'), value: view.batchId }] : []),
        { label: t('documentHash'), value: view.documentHash, kind: 'hash' as const },
      ],
    },
  ];
}
