import { getLocale, getTranslations } from 'next-intl/server';
import { EndStaffAccountForm } from '@/components/admin/end-staff-account-form';
import { OpenStaffAccountForm } from '@/components/admin/open-staff-account-form';
import { Pagination } from '@/components/registry/pagination';
import { STAFF_ROLES } from '@/lib/domain/staff/staff-roles';
import { formatDate } from '@/lib/i18n/format-date';
import { requireStaff } from '@/lib/server/access';
import { todayInBaku } from '@/lib/server/clock';
import { getDb } from '@/lib/server/db';
import { listLocalBodies, listStaffAccounts } from '@/lib/server/staff/accounts/staff-accounts';
import { endStaffAccountAction, openStaffAccountAction } from './actions';

export async function generateMetadata() {
  const t = await getTranslations('staffAccounts');
  return { title: t('title') };
}

type Props = { searchParams: Promise<{ page?: string }> };

/** Staff accounts (issue 14 §1): the administrator opens and ends them. */
export default async function StaffAccountsPage({ searchParams }: Props) {
  const staff = await requireStaff('ADMIN');
  const t = await getTranslations('staffAccounts');
  const ts = await getTranslations('staff');
  const locale = await getLocale();
  const db = await getDb();
  const { page } = await searchParams;
  const [list, bodies] = await Promise.all([
    listStaffAccounts(db, staff, { page: Number(page ?? 1) }),
    listLocalBodies(db),
  ]);
  const href = (p: number) => `/admin/staff?page=${p}`;
  return (
    <div>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2 text-muted">{t('intro')}</p>
      <div className="mt-6 overflow-x-auto">
        <table className="w-full border-collapse text-left" data-testid="staff-accounts">
          <caption className="sr-only">{t('title')}</caption>
          <thead>
            <tr className="border-b-2 border-line">
              <th scope="col" className="p-2">
                {t('person')}
              </th>
              <th scope="col" className="p-2">
                {t('role')}
              </th>
              <th scope="col" className="p-2">
                {t('localBody')}
              </th>
              <th scope="col" className="p-2">
                {t('period')}
              </th>
              <th scope="col" className="p-2">
                {t('state')}
              </th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((r) => (
              <tr key={r.id} className="border-b border-line align-top">
                <td className="p-2">
                  {r.name}
                  <span className="block text-sm text-muted">{r.fin}</span>
                </td>
                <td className="p-2">{ts(`role.${r.role}`)}</td>
                <td className="p-2">{r.localBodyName ?? ts('centralOffice')}</td>
                <td className="p-2">
                  {formatDate(r.activeFrom, locale)} –{' '}
                  {r.activeTo ? formatDate(r.activeTo, locale) : '…'}
                </td>
                <td className="p-2">
                  {r.live ? t('live') : t('notLive')}
                  {r.id !== staff.staffId && (r.activeTo === null || r.live) ? (
                    <EndStaffAccountForm staffId={r.id} name={r.name} end={endStaffAccountAction} />
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination
        page={list.page}
        pageCount={list.pages}
        previousHref={list.page > 1 ? href(list.page - 1) : null}
        nextHref={list.page < list.pages ? href(list.page + 1) : null}
      />
      <h2 className="mt-10 text-xl font-semibold">{t('openTitle')}</h2>
      <OpenStaffAccountForm
        roles={STAFF_ROLES.map((r) => ({ value: r, label: ts(`role.${r}`) }))}
        bodies={bodies.map((b) => ({ value: b.code, label: `${b.code} — ${b.name}` }))}
        today={todayInBaku()}
        open={openStaffAccountAction}
      />
    </div>
  );
}
