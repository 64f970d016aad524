import { formAction, type FormAction } from '@/components/ui/form-action';

/** "DAVAM ET" of a read-only or notice step: records the step as passed, then moves on. */
export function ContinueForm({
  action,
  label,
  backHref,
  backLabel,
}: {
  action: FormAction;
  label: string;
  backHref: string | null;
  backLabel: string;
}) {
  return (
    <form
      action={formAction(action)}
      className="mt-8 flex flex-wrap gap-3 border-t border-line pt-4"
    >
      {backHref ? (
        <a
          href={backHref}
          className="inline-flex min-h-11 items-center rounded-md border-2 border-brand-600 px-4 py-2 font-semibold no-underline"
        >
          {backLabel}
        </a>
      ) : null}
      <button
        type="submit"
        className="inline-flex min-h-11 items-center rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700"
        data-testid="step-forward"
      >
        {label}
      </button>
    </form>
  );
}
