import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export type StepsMenuItem = {
  id: string;
  href: string;
  status: 'not-started' | 'in-progress' | 'complete' | 'has-errors';
};

const MARK: Record<StepsMenuItem['status'], string> = {
  'not-started': '○',
  'in-progress': '◐',
  complete: '●',
  'has-errors': '!',
};
const TONE: Record<StepsMenuItem['status'], string> = {
  'not-started': 'text-muted',
  'in-progress': 'text-warning',
  complete: 'text-success',
  'has-errors': 'text-danger font-bold',
};

/** "Addımlar" (SPEC F, top left): every step with its status; any step is one click away. */
export async function StepsMenu({ items, current }: { items: StepsMenuItem[]; current: string }) {
  const t = await getTranslations('wizard');
  const ts = await getTranslations('wizardSteps');
  return (
    <nav aria-label={t('steps')} className="rounded-lg bg-surface p-3 shadow-sm">
      <details open className="group">
        <summary className="cursor-pointer text-lg font-semibold">{t('steps')}</summary>
        <ol className="mt-2 space-y-1" data-testid="steps-menu">
          {items.map((item) => (
            <li key={item.id}>
              <Link
                href={item.href}
                aria-current={item.id === current ? 'step' : undefined}
                className={`flex items-start gap-2 rounded px-2 py-1 text-sm no-underline ${item.id === current ? 'bg-brand-50 font-semibold text-ink' : 'text-ink hover:bg-canvas'}`}
              >
                <span
                  aria-hidden="true"
                  className={`w-4 shrink-0 text-center ${TONE[item.status]}`}
                >
                  {MARK[item.status]}
                </span>
                <span>
                  <span className="sr-only">{item.id}. </span>
                  {ts(item.id)}
                  <span className="sr-only"> — {t(`status${item.status}`)}</span>
                </span>
              </Link>
            </li>
          ))}
        </ol>
      </details>
    </nav>
  );
}
