import { getTranslations } from 'next-intl/server';

/**
 * On every page while the simulated card and phone are on (issue 12 §9): nobody should take a
 * demo or CI server for the real service. A labelled landmark, so it is found and announced.
 */
export async function SimulatorsBanner() {
  const t = await getTranslations('simulatorsBanner');
  return (
    <aside
      aria-label={t('label')}
      className="border-b-2 border-warning bg-warning-50 px-4 py-2 text-center font-semibold text-warning"
      data-testid="simulators-banner"
    >
      <p>{t('text')}</p>
    </aside>
  );
}
