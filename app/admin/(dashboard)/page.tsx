import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requireStaff } from '@/lib/server/access';

export async function generateMetadata() {
  const t = await getTranslations('staff');
  return { title: t('home.title') };
}

/** The dashboard's start page (issue 14): who is signed in and where the work is. */
export default async function StaffHomePage() {
  const staff = await requireStaff();
  const t = await getTranslations('staff');
  return (
    <div>
      <h1 className="text-2xl font-bold">{t('home.title')}</h1>
      <p className="mt-2" data-testid="staff-welcome">
        {t('home.welcome', {
          name: staff.displayName,
          role: t(`role.${staff.role}`),
          body: staff.localBodyName ?? t('centralOffice'),
        })}
      </p>
      <p className="mt-4">
        <Link href="/admin/employers">{t('nav.employers')}</Link>
      </p>
    </div>
  );
}
