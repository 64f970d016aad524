import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { staffRoleCovers, type StaffRole } from '@/lib/domain/staff/staff-roles';

/** The dashboard's sections (issue 14) and the role each needs; the pages check it again. */
const SECTIONS: readonly { key: string; href: string; need: StaffRole | null }[] = [
  { key: 'employers', href: '/admin/employers', need: null },
  { key: 'payments', href: '/admin/payments', need: 'OPERATOR' },
  { key: 'debts', href: '/admin/debts', need: 'OPERATOR' },
  { key: 'reports', href: '/admin/reports', need: 'REVIEWER' },
  { key: 'sanctions', href: '/admin/sanctions', need: 'REVIEWER' },
  { key: 'messages', href: '/admin/messages', need: 'REVIEWER' },
  { key: 'reference', href: '/admin/reference', need: 'ADMIN' },
  { key: 'audit', href: '/admin/audit', need: 'HEAD' },
  { key: 'staffAccounts', href: '/admin/staff', need: 'ADMIN' },
  { key: 'statistics', href: '/admin/statistics', need: null },
];

/** The staff dashboard's menu: the sections the signed-in role may open. */
export async function StaffNav({ role }: { role: StaffRole }) {
  const t = await getTranslations('staff.nav');
  return (
    <nav aria-label={t('label')} className="border-b border-line bg-surface print:hidden">
      <ul className="mx-auto flex max-w-7xl flex-wrap gap-x-1 px-4">
        <li>
          <Link href="/admin" className="inline-block px-3 py-3 font-medium">
            {t('home')}
          </Link>
        </li>
        {SECTIONS.filter((s) => s.need === null || staffRoleCovers(role, s.need)).map((s) => (
          <li key={s.key}>
            <Link
              href={s.href}
              className="inline-block px-3 py-3 font-medium"
              data-testid={`staff-nav-${s.key}`}
            >
              {t(s.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
