import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { SignOutEverywhere } from './sign-out-everywhere';

type Props = {
  personName: string;
  employerName: string | null;
  signOut: (formData: FormData) => Promise<void>;
  signOutEverywhere: (formData: FormData) => Promise<void>;
};

/** Who is signed in, for which employer, and the ways out: this session, or all (header, top right). */
export async function UserMenu({ personName, employerName, signOut, signOutEverywhere }: Props) {
  const t = await getTranslations('header');
  return (
    <div className="flex min-w-0 max-w-full flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      <span className="block min-w-0 max-w-full truncate sm:max-w-[16rem]" data-testid="user-name">
        {personName}
        {employerName ? (
          <>
            <span className="sr-only">, {t('actingFor')}: </span>
            <span aria-hidden="true"> · </span>
            <span data-testid="current-employer">{employerName}</span>
          </>
        ) : null}
      </span>
      <Link href="/employers" className="text-white underline hover:text-white">
        {t('changeEmployer')}
      </Link>
      <form action={signOut}>
        <button
          type="submit"
          className="rounded-md border border-white/60 px-2 py-1 font-medium text-white hover:bg-white/10"
          data-testid="sign-out"
        >
          {t('signOut')}
        </button>
      </form>
      <SignOutEverywhere signOutEverywhere={signOutEverywhere} />
    </div>
  );
}
