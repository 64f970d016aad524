import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { PaymentApplicationTable } from '@/components/report-figures/payment-application-table';
import { ScrollTable } from '@/components/ui/scroll-table';
import { formatAmount, formatMonth } from '@/lib/domain';
import type { SentDocument } from '@/lib/server/reports/registry/get-sent-report';
import { formatDate } from '@/lib/i18n/format-date';

/** F11–F16: which wizard step each line category is entered on (its title names the line). */
const LINE_STEP: Record<string, string> = {
  PENALTY: 'F11',
  SANCTIONS_FINES: 'F12',
  SANATORIUM: 'F13',
  INJURY_REFUND: 'F14',
  FUND_FOUND: 'F15',
  OTHER: 'F16',
};

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-8">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      <div className="mt-3">{children}</div>
    </section>
  );
}

const td = 'p-3';
const num = 'whitespace-nowrap p-3 text-right tabular-nums';

/** Every section of the report as it was signed (SPEC G2), read-only; persons are apart. */
export async function DocumentSections({
  document: doc,
  locale,
}: {
  document: SentDocument;
  locale: 'az' | 'en';
}) {
  const t = await getTranslations('reportView');
  const ts = await getTranslations('wizardSteps');
  const tf = await getTranslations('figures');
  const money = (q: number | null) => (q === null ? '—' : formatAmount(q, locale));
  const month = (m: string) => formatMonth(m, locale);
  const none = <p className="text-muted">{t('none')}</p>;
  const { totals } = doc;
  return (
    <div data-testid="report-sections">
      <Section id="sec-debt-start" title={t('debtStart')}>
        <p className="text-xl font-semibold tabular-nums">{money(doc.debtStartQepik)}</p>
      </Section>

      <Section id="sec-payments" title={t('paymentsUsed')}>
        {doc.payments.length === 0 ? (
          none
        ) : (
          <ScrollTable
            label={t('paymentsUsed')}
            columns={[
              { label: t('paymentDate') },
              { label: t('bankReference') },
              { label: tf('appliedTo') },
              { label: t('amount'), align: 'right' },
            ]}
            footer={
              <tr>
                <td className={td} colSpan={3}>
                  {t('total')}
                </td>
                <td className={num}>{money(totals.paymentsUsedQepik)}</td>
              </tr>
            }
          >
            {doc.payments.map((p) => (
              <tr key={p.paymentId} className="border-b border-line">
                <td className={td}>{formatDate(p.paymentDate, locale)}</td>
                <td className={td}>{p.bankReference}</td>
                <td className={td}>
                  {p.economicClassCode
                    ? `${p.economicClassCode} — ${tf(p.side === 'EMPLOYEE' ? 'sideEMPLOYEE' : 'sideEMPLOYER')}`
                    : '—'}
                </td>
                <td className={num}>{money(p.amountQepik)}</td>
              </tr>
            ))}
          </ScrollTable>
        )}
        {doc.application ? (
          <div className="mt-6">
            <PaymentApplicationTable
              application={doc.application}
              locale={locale}
              testId="view-application"
            />
          </div>
        ) : null}
      </Section>

      <Section id="sec-labour" title={t('labourPayments')}>
        <ScrollTable
          label={t('labourPayments')}
          minWidth="min-w-[24rem]"
          columns={[
            { label: t('month') },
            { label: t('labourPaymentsAmount'), align: 'right' },
            { label: t('headcount'), align: 'right' },
          ]}
        >
          {doc.months.map((m) => (
            <tr key={m.month} className="border-b border-line">
              <td className={td}>{month(m.month)}</td>
              <td className={num}>{money(m.labourPaymentsQepik)}</td>
              <td className={num}>{m.headcount ?? '—'}</td>
            </tr>
          ))}
        </ScrollTable>
      </Section>

      <Section id="sec-non-liable" title={t('nonLiableIncome')}>
        {doc.nonLiableIncome.length === 0 ? (
          none
        ) : (
          <ScrollTable
            label={t('nonLiableIncome')}
            minWidth="min-w-[24rem]"
            columns={[
              { label: t('reason') },
              { label: t('month') },
              { label: t('amount'), align: 'right' },
            ]}
          >
            {doc.nonLiableIncome.map((n, i) => (
              <tr key={`${n.reasonCode}-${n.month}-${i}`} className="border-b border-line">
                <td className={td}>{n.reasonCode}</td>
                <td className={td}>{month(n.month)}</td>
                <td className={num}>{money(n.amountQepik)}</td>
              </tr>
            ))}
          </ScrollTable>
        )}
      </Section>

      <Section id="sec-contributions" title={t('contributions')}>
        {doc.contributions.length === 0 ? (
          none
        ) : (
          <ScrollTable
            label={t('contributions')}
            columns={[
              { label: t('month') },
              { label: t('employerShare'), align: 'right' },
              { label: t('employeeShare'), align: 'right' },
              { label: t('paidEmployer'), align: 'right' },
              { label: t('paidEmployee'), align: 'right' },
            ]}
            footer={
              <tr>
                <td className={td}>{t('total')}</td>
                <td className={num}>{money(totals.mdssEmployerQepik)}</td>
                <td className={num}>{money(totals.mdssEmployeeQepik)}</td>
                <td
                  className={num}
                  colSpan={2}
                >{`${t('distributed')}: ${money(totals.distributedQepik)}`}</td>
              </tr>
            }
          >
            {doc.contributions.map((c) => (
              <tr key={c.month} className="border-b border-line">
                <td className={td}>{month(c.month)}</td>
                <td className={num}>{money(c.employerQepik)}</td>
                <td className={num}>{money(c.employeeQepik)}</td>
                <td className={num}>{money(c.paidEmployerQepik)}</td>
                <td className={num}>{money(c.paidEmployeeQepik)}</td>
              </tr>
            ))}
          </ScrollTable>
        )}
      </Section>

      <Section id="sec-lines" title={t('lines')}>
        <ScrollTable
          label={t('lines')}
          columns={[
            { label: t('category') },
            { label: t('accrued'), align: 'right' },
            { label: t('paid'), align: 'right' },
          ]}
          footer={
            <tr>
              <td className={td}>{t('total')}</td>
              <td className={num}>{money(totals.accruedQepik)}</td>
              <td className={num}>{money(totals.paidQepik)}</td>
            </tr>
          }
        >
          {doc.lines.map((l) => {
            const step = LINE_STEP[l.category];
            return (
              <tr key={l.category} className="border-b border-line">
                <td className={td}>{step ? `${step}. ${ts(step)}` : l.category}</td>
                <td className={num}>{money(l.accruedQepik)}</td>
                <td className={num}>{money(l.paidQepik)}</td>
              </tr>
            );
          })}
        </ScrollTable>
      </Section>

      <Section id="sec-closing" title={t('closingDebt')}>
        <dl className="grid max-w-xl grid-cols-[1fr_auto] gap-x-6 gap-y-2">
          <dt>{t('mdssTotal')}</dt>
          <dd className="text-right tabular-nums">
            {money(totals.mdssEmployerQepik + totals.mdssEmployeeQepik)}
          </dd>
          <dt>{t('writeOffs')}</dt>
          <dd className="text-right tabular-nums">{money(doc.writeOffsQepik)}</dd>
          <dt>{doc.application ? tf('notToPersons') : t('undistributed')}</dt>
          <dd className="text-right tabular-nums">{money(totals.undistributedQepik)}</dd>
          <dt className="font-semibold">{t('closingDebt')}</dt>
          <dd className="text-right text-xl font-semibold tabular-nums" data-testid="closing-debt">
            {money(totals.debtEndQepik)}
          </dd>
        </dl>
      </Section>
    </div>
  );
}

/** F24–F25 and the confirmed warnings, after the persons. */
export async function ClosingSections({ document: doc }: { document: SentDocument }) {
  const t = await getTranslations('reportView');
  // The document stores the code ('DIN', 'MIQRASIYA'); people read the manual's words.
  const tp = await getTranslations('wizardPersons');
  const documentName = (code: string) =>
    code === 'DIN' ? tp('docDin') : code === 'MIQRASIYA' ? tp('docMigration') : code;
  const none = <p className="text-muted">{t('none')}</p>;
  const confirmations = Object.entries(doc.confirmations);
  return (
    <div>
      <Section id="sec-seniority" title={t('seniority')}>
        {doc.seniority.length === 0 ? (
          none
        ) : (
          <ScrollTable
            label={t('seniority')}
            columns={[
              { label: t('fin') },
              { label: t('entry') },
              { label: t('days'), align: 'right' },
              { label: t('from') },
              { label: t('to') },
            ]}
          >
            {doc.seniority.map((s, i) => (
              <tr key={`${s.fin}-${s.entryId}-${i}`} className="border-b border-line">
                <td className={`${td} font-mono`}>{s.fin}</td>
                <td className={td}>{s.entryId}</td>
                <td className={num}>{s.days ?? '—'}</td>
                <td className={td}>{s.fromDate ? formatDate(s.fromDate) : '—'}</td>
                <td className={td}>{s.toDate ? formatDate(s.toDate) : '—'}</td>
              </tr>
            ))}
          </ScrollTable>
        )}
      </Section>

      <Section id="sec-signatories" title={t('signatories')}>
        {doc.signatories.length === 0 ? (
          none
        ) : (
          <ScrollTable
            label={t('signatories')}
            columns={[
              { label: t('role') },
              { label: t('fin') },
              { label: t('documentType') },
              { label: t('fullName') },
            ]}
          >
            {doc.signatories.map((s) => (
              <tr key={s.role} className="border-b border-line">
                <td className={td}>
                  {s.role === 'RESPONSIBLE' || s.role === 'CHIEF_ACCOUNTANT'
                    ? t(`role${s.role}`)
                    : s.role}
                </td>
                <td className={`${td} font-mono`}>{s.fin}</td>
                <td className={td} data-testid="signatory-document">
                  {documentName(s.documentType)}
                </td>
                <td className={td}>{`${s.surname} ${s.name} ${s.patronymic}`}</td>
              </tr>
            ))}
          </ScrollTable>
        )}
      </Section>

      <Section id="sec-confirmations" title={t('confirmations')}>
        {confirmations.length === 0 ? (
          none
        ) : (
          <ScrollTable
            label={t('confirmations')}
            minWidth="min-w-[24rem]"
            columns={[{ label: t('warning') }, { label: t('reason') }]}
          >
            {confirmations.map(([key, reason]) => (
              <tr key={key} className="border-b border-line">
                <td className={td}>{key}</td>
                <td className={td}>{reason}</td>
              </tr>
            ))}
          </ScrollTable>
        )}
      </Section>
    </div>
  );
}
