'use server';

import { cookies } from 'next/headers';
import { z } from 'zod';
import { ZForm } from '@/lib/server/action-schemas';
import { formPost, publicAction } from '@/lib/server/actions';
import { currentRequestContext } from '@/lib/server/request-context';
import { LOCALE_COOKIE, LOCALES } from './locales';

/** The language switch (works without JavaScript: it is a plain form post). */
export const setLocale = formPost(
  publicAction(z.tuple([ZForm({ locale: z.enum(LOCALES) })]), async (_ctx, { locale }) => {
    // Outside a request (the integration suite) there is no cookie to set.
    if (currentRequestContext()) return { ok: true as const };
    (await cookies()).set(LOCALE_COOKIE, locale, {
      path: '/',
      sameSite: 'lax',
      maxAge: 60 * 60 * 24 * 365,
      httpOnly: false,
    });
    return { ok: true as const };
  }),
);
