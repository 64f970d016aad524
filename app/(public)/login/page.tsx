import { getTranslations } from 'next-intl/server';
import { LoginPanel } from './login-panel';
import {
  answerWithCardAction,
  cancelLoginAction,
  finishAsanLoginAction,
  finishEsignLoginAction,
  startAsanLoginAction,
  startEsignLoginAction,
} from './actions';

export async function generateMetadata() {
  const t = await getTranslations('login');
  return { title: t('title') };
}

type Props = { searchParams: Promise<{ method?: string }> };

/** SPEC A1: the employers' two ways in. */
export default async function LoginPage({ searchParams }: Props) {
  const t = await getTranslations('login');
  const { method } = await searchParams;
  return (
    <LoginPanel
      basePath="/login"
      method={method}
      title={t('title')}
      intro={t('intro')}
      actions={{
        startEsign: startEsignLoginAction,
        answer: answerWithCardAction,
        finishEsign: finishEsignLoginAction,
        startAsan: startAsanLoginAction,
        finishAsan: finishAsanLoginAction,
        cancel: cancelLoginAction,
      }}
    />
  );
}
