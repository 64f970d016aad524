import { getTranslations } from 'next-intl/server';
import { LoginPanel } from '../../(public)/login/login-panel';
import {
  answerWithCardAction,
  cancelLoginAction,
  startAsanLoginAction,
  startEsignLoginAction,
} from '../../(public)/login/actions';
import { finishStaffAsanLoginAction, finishStaffEsignLoginAction } from './actions';

export async function generateMetadata() {
  const t = await getTranslations('staff');
  return { title: t('login.title') };
}

type Props = { searchParams: Promise<{ method?: string }> };

/** SPEC H1: fund staff sign in with their own card or Asan İmza. */
export default async function StaffLoginPage({ searchParams }: Props) {
  const t = await getTranslations('staff');
  const { method } = await searchParams;
  return (
    <LoginPanel
      basePath="/admin/login"
      method={method}
      title={t('login.title')}
      intro={t('login.intro')}
      actions={{
        startEsign: startEsignLoginAction,
        answer: answerWithCardAction,
        finishEsign: finishStaffEsignLoginAction,
        startAsan: startAsanLoginAction,
        finishAsan: finishStaffAsanLoginAction,
        cancel: cancelLoginAction,
      }}
    />
  );
}
