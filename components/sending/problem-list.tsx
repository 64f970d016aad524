import type { StepProblem } from '@/lib/server/submissions/sending-views';

/** Problems with the link to the step that fixes each ("… — Düzəlt: F20"). */
export function ProblemList({
  problems,
  fixWord,
  testId,
}: {
  problems: StepProblem[];
  fixWord: (step: string) => string;
  testId?: string;
}) {
  if (problems.length === 0) return null;
  return (
    <ul className="mt-2 list-disc space-y-1 pl-5" data-testid={testId}>
      {problems.map((p, i) => (
        <li key={`${i}-${p.text}`}>
          {p.text}
          {p.href ? (
            <>
              {' — '}
              <a href={p.href}>{fixWord(p.stepLabel ?? '')}</a>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
