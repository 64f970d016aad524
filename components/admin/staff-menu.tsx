import { getTranslations } from 'next-intl/server';

type Props = {
  name: string;
  roleLabel: string;
  bodyLabel: string;
  signOut: (formData: FormData) => Promise<void>;
};

/** Who is signed in to the staff dashboard, in which role and body, and the way out. */
export async function StaffMenu({ name, roleLabel, bodyLabel, signOut }: Props) {
  const t = await getTranslations('header');
  return (
    <div className="flex min-w-0 max-w-full flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      <span className="block min-w-0 max-w-full truncate sm:max-w-[22rem]" data-testid="staff-name">
        {name}
        <span aria-hidden="true"> · </span>
        <span data-testid="staff-role">{roleLabel}</span>
        <span aria-hidden="true"> · </span>
        <span data-testid="staff-body">{bodyLabel}</span>
      </span>
      <form action={signOut}>
        <button
          type="submit"
          className="rounded-md border border-white/60 px-2 py-1 font-medium text-white hover:bg-white/10"
          data-testid="sign-out"
        >
          {t('signOut')}
        </button>
      </form>
    </div>
  );
}
