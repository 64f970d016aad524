'use client';

import { useTranslations } from '@/lib/i18n/client/texts';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { errorAt } from '../field-errors';
import { AddedPaymentsTable } from './added-payments-table';
import type { ActionResult } from '@/lib/server/actions';
import type { AddedPaymentView } from './money-types';
import { StatusMessage } from './status-message';
import {
  INCLUDE_LATER_ID,
  partialFieldId,
  UnallocatedPayments,
  type UnallocatedPage,
} from './unallocated-payments';
import { useMoneyAction } from './use-money-action';

type Props = {
  added: AddedPaymentView[];
  totalUsedQepik: number;
  unallocated: UnallocatedPage;
  initiallyOpen: boolean;
  add: (paymentId: string, amountText: string) => Promise<ActionResult>;
  addAll: (includeLater: boolean) => Promise<ActionResult>;
  remove: (paymentId: string) => Promise<ActionResult>;
};

/** SPEC F6: the added payments and, behind "Ödəniş əlavə et", the payments that can be added. */
export function PaymentsPanel({
  added,
  totalUsedQepik,
  unallocated,
  initiallyOpen,
  add,
  addAll,
  remove,
}: Props) {
  const t = useTranslations('wizardMoney');
  const tw = useTranslations('wizard');
  const [open, setOpen] = useState(initiallyOpen);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [includeLater, setIncludeLater] = useState(false);
  const { pending, errors, status, run } = useMoneyAction();
  const setDraft = (id: string, text: string | null) =>
    setDrafts((d) => {
      const next = { ...d };
      if (text === null) delete next[id];
      else next[id] = text;
      return next;
    });
  return (
    <div>
      <ErrorSummary title={tw('errorSummary')} errors={errors} />
      <StatusMessage text={status} />
      <h2 className="mb-2 text-lg font-semibold">{t('addedTitle')}</h2>
      <AddedPaymentsTable
        rows={added}
        totalUsedQepik={totalUsedQepik}
        pending={pending}
        onRemove={(id) => run(() => remove(id), { success: t('paymentRemoved') })}
      />
      <Button
        variant="secondary"
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
        aria-controls="unallocated-payments"
        data-testid="open-payments"
      >
        {open ? t('hideList') : t('addPayment')}
      </Button>
      {open ? (
        <UnallocatedPayments
          list={unallocated}
          pending={pending}
          drafts={drafts}
          setDraft={setDraft}
          errorFor={(fieldId) => errorAt(errors, fieldId)}
          onAdd={(id) =>
            run(() => add(id, drafts[id] ?? ''), {
              success: t('paymentAdded'),
              fieldId: (field) => (field === 'amount' ? partialFieldId(id) : undefined),
              onSuccess: () => setDraft(id, null),
            })
          }
          includeLater={includeLater}
          setIncludeLater={setIncludeLater}
          onAddAll={() =>
            run(() => addAll(includeLater), {
              success: includeLater ? t('paymentsAddedAll') : t('paymentsAddedUpToEnd'),
              fieldId: (field) => (field === 'includeLater' ? INCLUDE_LATER_ID : undefined),
            })
          }
        />
      ) : null}
    </div>
  );
}
