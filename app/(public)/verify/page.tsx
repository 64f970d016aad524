import { getTranslations } from 'next-intl/server';
import { VerifyFileForm } from '@/components/receipt/verify-file-form';
import { VerifyResult } from '@/components/receipt/verify-result';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Field } from '@/components/ui/field';
import { IdentifierField } from '@/components/ui/identifier-field';
import { now } from '@/lib/server/clock';
import { hasLineControlCharacters } from '@/lib/server/control-characters';
import { getDb } from '@/lib/server/db';
import { requestIp } from '@/lib/server/request-ip';
import { consumeVerifyLimit } from '@/lib/server/verify/verify-rate-limit';
import { verifyReceipt } from '@/lib/server/verify/verify-receipt';
import { normalizeHash } from '@/lib/server/verify/verify-rules';
import { verifyFileAction } from './actions';

type Search = { receipt?: string | string[]; hash?: string | string[] };
type Props = { searchParams: Promise<Search> };

const first = (value: string | string[] | undefined): string | undefined =>
  (Array.isArray(value) ? value[0] : value)?.slice(0, 200);

type FieldErrors = { receipt?: string; hash?: string };

/** What is wrong with the typed receipt number and hash; checked only once the form was sent. */
function inputErrors(receipt: string, hash: string, t: (key: string) => string): FieldErrors {
  const errors: FieldErrors = {};
  if (!receipt.trim()) errors.receipt = t('receiptRequired');
  else if (hasLineControlCharacters(receipt)) errors.receipt = t('receiptControl');
  if (!hash.trim()) errors.hash = t('hashRequired');
  else if (!normalizeHash(hash)) errors.hash = t('hashFormat');
  return errors;
}

function submitted(search: Search): boolean {
  return search.receipt !== undefined || search.hash !== undefined;
}

export async function generateMetadata({ searchParams }: Props) {
  const t = await getTranslations('verify');
  const search = await searchParams;
  const hasErrors =
    submitted(search) &&
    Object.keys(inputErrors(first(search.receipt) ?? '', first(search.hash) ?? '', t)).length > 0;
  return { title: `${hasErrors ? t('errorPrefix') : ''}${t('title')}` };
}

/**
 * Issue 6 §6: anyone can check a receipt — by receipt number and document hash (a GET form, so
 * it works without JavaScript and a link from the receipt fills it in) or by the signed file.
 */
export default async function VerifyPage({ searchParams }: Props) {
  const t = await getTranslations('verify');
  const search = await searchParams;
  const receipt = first(search.receipt) ?? '';
  const hash = first(search.hash) ?? '';
  const isSubmitted = submitted(search);
  const errors = isSubmitted ? inputErrors(receipt, hash, t) : {};
  const hasErrors = Object.keys(errors).length > 0;

  let outcome: Awaited<ReturnType<typeof verifyReceipt>> | null = null;
  let refusal: string | null = null;
  if (isSubmitted && !hasErrors) {
    const db = await getDb();
    const limit = await consumeVerifyLimit(db, await requestIp(), now());
    if (limit.ok) outcome = await verifyReceipt(db, { receiptNumber: receipt, hash });
    else refusal = t('rateLimited', { seconds: limit.retryAfterSeconds });
  }

  return (
    <div className="max-w-3xl">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2 text-muted">{t('intro')}</p>

      <section
        className="mt-6 rounded-lg bg-surface p-4 shadow-sm sm:p-6"
        aria-labelledby="verify-receipt-heading"
      >
        <h2 id="verify-receipt-heading" className="mb-4 text-xl font-semibold">
          {t('receiptSection')}
        </h2>
        <ErrorSummary
          title={t('errorTitle')}
          errors={[
            ...(errors.receipt ? [{ message: errors.receipt, fieldId: 'verify-receipt' }] : []),
            ...(errors.hash ? [{ message: errors.hash, fieldId: 'verify-hash' }] : []),
          ]}
        />
        <form method="get" action="/verify" noValidate data-testid="verify-form">
          <IdentifierField
            id="verify-receipt"
            kind="receipt"
            name="receipt"
            label={t('receiptLabel')}
            hint={t('receiptHint')}
            error={errors.receipt}
            defaultValue={receipt}
          />
          <Field
            id="verify-hash"
            name="hash"
            label={t('hashLabel')}
            hint={t('hashHint')}
            error={errors.hash}
            defaultValue={hash}
            autoComplete="off"
            spellCheck={false}
            className="[&_input]:max-w-2xl [&_input]:font-mono [&_input]:text-sm"
          />
          <Button type="submit" data-testid="verify-submit">
            {t('check')}
          </Button>
        </form>
        {refusal ? (
          <p role="status" className="mt-6 font-semibold text-danger">
            {refusal}
          </p>
        ) : null}
        {outcome ? <VerifyResult outcome={outcome} id="verify-receipt-result" /> : null}
      </section>

      <section
        className="mt-8 rounded-lg bg-surface p-4 shadow-sm sm:p-6"
        aria-labelledby="verify-file-heading"
      >
        <h2 id="verify-file-heading" className="text-xl font-semibold">
          {t('fileSection')}
        </h2>
        <VerifyFileForm check={verifyFileAction} />
      </section>
    </div>
  );
}
