export type WarningItem = {
  key: string;
  month: string;
  difference: string;
  cause: string;
  text: string;
  fixHref: string | null;
  fixLabel: string;
};

/** F23: each amount that cannot be distributed, with its month, difference, cause and the step that fixes it. */
export function WarningsList({
  items,
  title,
  fixWord,
}: {
  items: WarningItem[];
  title: string;
  fixWord: string;
}) {
  return (
    <section aria-labelledby="warnings-title" className="mb-6">
      <h2 id="warnings-title" className="mb-2 text-lg font-semibold">
        {title}
      </h2>
      <ul className="space-y-3" data-testid="distribution-warnings">
        {items.map((w) => (
          <li
            key={w.key}
            className="rounded-md border-l-4 border-warning bg-warning-50 p-3"
            data-testid="distribution-warning"
            data-key={w.key}
          >
            <p className="font-semibold">
              <span data-testid="warning-month">{w.month}</span>:{' '}
              <span data-testid="warning-difference">{w.difference}</span>
            </p>
            <p data-testid="warning-text">{w.text}</p>
            <p className="text-sm text-muted">{w.cause}</p>
            {w.fixHref ? (
              <a
                href={w.fixHref}
                className="mt-1 inline-flex min-h-11 items-center"
                data-testid="warning-fix-link"
              >
                {fixWord}: {w.fixLabel}
              </a>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
