'use client';

import { useTranslations } from '@/lib/i18n/client/texts';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { IdentifierField } from '@/components/ui/identifier-field';
import type { ActionResult } from '@/lib/server/actions';
import type { FoundPerson } from '@/lib/server/reports/signatories/find-signatory';
import type { SignatoryInput, SignatoryQuery } from '@/lib/server/reports/wizard-inputs';
import { StatusNote } from './status-note';
import { usePersonsAction } from './use-persons-action';

type Props = {
  role: 'RESPONSIBLE' | 'CHIEF_ACCOUNTANT';
  title: string;
  current: FoundPerson | null;
  find: (input: SignatoryQuery) => Promise<ActionResult<{ person: FoundPerson }>>;
  save: (input: SignatoryInput) => Promise<ActionResult>;
};

/** F25: one signatory — "Seç" opens FIN + document type, "AXTAR" shows the person, "Əlavə et" saves. */
export function SignatorySection({ role, title, current, find, save }: Props) {
  const t = useTranslations('wizardPersons');
  const tw = useTranslations('wizard');
  const prefix = role === 'RESPONSIBLE' ? 'resp' : 'chief';
  const [open, setOpen] = useState(false);
  const [fin, setFin] = useState('');
  const [documentType, setDocumentType] = useState('DIN');
  const [found, setFound] = useState<FoundPerson | null>(null);
  const [findError, setFindError] = useState<{ fieldId?: string; message: string } | null>(null);
  const [searching, startSearch] = useTransition();
  const { pending, error, status, run } = usePersonsAction();
  const shownError = findError ?? error;
  const search = () =>
    startSearch(async () => {
      setFound(null);
      const result = await find({ fin, documentType });
      if (result.ok) {
        setFindError(null);
        setFound(result.person);
      } else
        setFindError({
          fieldId: result.field === 'documentType' ? `${prefix}-doc-DIN` : `${prefix}-fin`,
          message: result.message,
        });
    });
  return (
    <section
      aria-labelledby={`${prefix}-title`}
      className="mb-6 rounded-md border border-line p-4"
      data-testid={`signatory-${role}`}
    >
      <h2 id={`${prefix}-title`} className="mb-2 text-lg font-semibold">
        {title}
      </h2>
      <StatusNote text={status} testId={`${prefix}-status`} />
      <p className="mb-3" data-testid={`${prefix}-current`}>
        {current
          ? `${current.fullName} (${current.fin}, ${current.documentType === 'DIN' ? t('docDin') : t('docMigration')})`
          : t('notChosen')}
      </p>
      {!open ? (
        <Button
          variant="secondary"
          onClick={() => setOpen(true)}
          aria-expanded={false}
          aria-controls={`${prefix}-finder`}
          data-testid={`${prefix}-choose`}
        >
          {t('choose')}
        </Button>
      ) : (
        <div id={`${prefix}-finder`}>
          <ErrorSummary
            title={tw('errorSummary')}
            errors={
              shownError ? [{ message: shownError.message, fieldId: shownError.fieldId }] : []
            }
          />
          <IdentifierField
            id={`${prefix}-fin`}
            label={t('fin')}
            value={fin}
            onChange={(e) => setFin(e.target.value)}
            error={shownError?.fieldId === `${prefix}-fin` ? shownError.message : undefined}
          />
          <fieldset className="mb-4">
            <legend className="font-semibold">{t('documentType')}</legend>
            {(['DIN', 'MIQRASIYA'] as const).map((d) => (
              <label key={d} className="mt-1 flex min-h-11 items-center gap-2">
                <input
                  id={`${prefix}-doc-${d}`}
                  type="radio"
                  name={`${prefix}-doc`}
                  checked={documentType === d}
                  onChange={() => setDocumentType(d)}
                  className="h-5 w-5"
                />
                {d === 'DIN' ? t('docDin') : t('docMigration')}
              </label>
            ))}
          </fieldset>
          <div className="flex flex-wrap gap-3">
            <Button onClick={search} disabled={searching} data-testid={`${prefix}-search`}>
              {t('search')}
            </Button>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              {t('cancel')}
            </Button>
          </div>
          {found ? (
            <div className="mt-4 rounded-md bg-brand-50 p-3" data-testid={`${prefix}-found`}>
              <p className="font-semibold">{found.fullName}</p>
              <p className="mb-3 text-sm">
                {t('foundDetails', {
                  fin: found.fin,
                  document: found.documentType === 'DIN' ? t('docDin') : t('docMigration'),
                })}
              </p>
              <Button
                disabled={pending}
                data-testid={`${prefix}-save`}
                onClick={() => {
                  setFindError(null);
                  run(() => save({ role, fin: found.fin, documentType }), {
                    fieldId: () => `${prefix}-fin`,
                    onSuccess: () => {
                      setOpen(false);
                      setFound(null);
                      setFin('');
                    },
                  });
                }}
              >
                {t('add')}
              </Button>
            </div>
          ) : null}
        </div>
      )}
    </section>
  );
}
