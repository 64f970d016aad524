import Link from 'next/link';

/** "Geri" and the step's forward button; the forward button submits the step's own form. */
export function StepNav({
  backHref,
  backLabel,
  forwardLabel,
  formId,
}: {
  backHref: string | null;
  backLabel: string;
  forwardLabel: string;
  formId: string;
}) {
  return (
    <div className="mt-8 flex flex-wrap gap-3 border-t border-line pt-4">
      {backHref ? (
        <Link
          href={backHref}
          className="inline-flex min-h-11 items-center rounded-md border-2 border-brand-600 px-4 py-2 font-semibold no-underline"
        >
          {backLabel}
        </Link>
      ) : null}
      <button
        type="submit"
        form={formId}
        className="inline-flex min-h-11 items-center rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700"
        data-testid="step-forward"
      >
        {forwardLabel}
      </button>
    </div>
  );
}
