'use server';

import { z } from 'zod';
import { ZId, ZLine, ZText } from '@/lib/server/action-schemas';
import { revalidate, staffAction } from '@/lib/server/actions';
import { getDb } from '@/lib/server/db';
import { endStaffAccount, openStaffAccount } from '@/lib/server/staff/accounts/staff-accounts';
import { serverTranslations } from '@/lib/i18n/server-translations';

// Staff accounts (issue 14 §1): administrators only.

export const openStaffAccountAction = staffAction(
  'ADMIN',
  z.tuple([
    z.object({
      fin: ZLine(20),
      role: ZLine(20),
      localBodyCode: ZLine(20),
      activeFrom: ZLine(20),
      reason: ZText(500),
    }),
  ]),
  async (staff, input) => {
    await openStaffAccount(await getDb(), staff, input);
    revalidate('/admin/staff');
    const t = await serverTranslations('staffAccounts');
    return { ok: true as const, message: t('opened') };
  },
  { name: 'openStaffAccountAction' },
);

export const endStaffAccountAction = staffAction(
  'ADMIN',
  z.tuple([z.object({ staffId: ZId, reason: ZText(500) })]),
  async (staff, input) => {
    await endStaffAccount(await getDb(), staff, input);
    revalidate('/admin/staff');
    const t = await serverTranslations('staffAccounts');
    return { ok: true as const, message: t('ended') };
  },
  { name: 'endStaffAccountAction' },
);
