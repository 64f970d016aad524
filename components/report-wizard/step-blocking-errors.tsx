export type StepBlockingError = {
  key: string;
  text: string;
  /** Month and person it concerns, already in words. */
  where: string;
  href: string | null;
  fixLabel: string;
};

/**
 * Blocking errors a step page shows above its body (issue 10 §5): a stored amount beyond the
 * bound, or a calculation that could not be made. Announced once on load; each links to the
 * step that fixes it.
 */
export function StepBlockingErrors({
  title,
  errors,
}: {
  title: string;
  errors: StepBlockingError[];
}) {
  if (errors.length === 0) return null;
  return (
    <div
      role="alert"
      aria-labelledby="step-blocking-title"
      className="mb-6 rounded-md border-2 border-danger bg-danger-50 p-4"
      data-testid="step-blocking-errors"
    >
      <h2 id="step-blocking-title" className="font-semibold text-danger">
        {title}
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {errors.map((e) => (
          <li key={e.key} data-testid="step-blocking-error">
            {e.text}
            {e.where ? <span className="text-muted"> ({e.where})</span> : null}
            {e.href ? (
              <>
                {' — '}
                <a href={e.href}>{e.fixLabel}</a>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
