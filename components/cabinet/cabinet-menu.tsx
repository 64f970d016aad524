import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export type CabinetMenuItem = { id: string; number: number; href: string };

/** "Addımlar" (top left, SPEC E2): the 17 views in the manual's order, each one click away. */
export async function CabinetMenu({
  items,
  current,
}: {
  items: readonly CabinetMenuItem[];
  current: string;
}) {
  const t = await getTranslations('cabinet');
  const tv = await getTranslations('cabinetViews');
  return (
    <nav aria-label={t('steps')} className="rounded-lg bg-surface p-3 shadow-sm print:hidden">
      <details open className="group">
        <summary className="cursor-pointer text-lg font-semibold">{t('steps')}</summary>
        <ol className="mt-2 space-y-1" data-testid="cabinet-menu">
          {items.map((item) => (
            <li key={item.id}>
              <Link
                href={item.href}
                aria-current={item.id === current ? 'page' : undefined}
                data-view={item.id}
                className={`flex items-start gap-2 rounded px-2 py-1 text-sm no-underline ${item.id === current ? 'bg-brand-50 font-semibold text-ink' : 'text-ink hover:bg-canvas'}`}
              >
                <span className="w-6 shrink-0 text-right text-muted">{item.number}.</span>
                <span>{tv(item.id)}</span>
              </Link>
            </li>
          ))}
        </ol>
      </details>
      <p className="mt-3 border-t border-ink/10 pt-3">
        <Link
          href="/cabinet/messages"
          className="text-sm font-semibold"
          data-testid="cabinet-messages"
        >
          {(await getTranslations('correspondence'))('title')}
        </Link>
      </p>
    </nav>
  );
}
