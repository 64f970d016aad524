'use server';

import { z } from 'zod';
import { redirectTo, revalidate, staffAction } from '@/lib/server/actions';
import { ZForm, ZLine, ZText } from '@/lib/server/action-schemas';
import { getDb } from '@/lib/server/db';
import {
  addContributionRegime,
  addHoliday,
  addPenaltyParameters,
  addReferenceCode,
  endReferenceCode,
  removeHoliday,
} from '@/lib/server/staff/reference/change-reference';
import { CODE_KINDS } from '@/lib/server/staff/reference/reference-kinds';

// "Sorğu kitabçaları" (issue 14 §11): the administrator's changes of reference data. The action
// client guards (administrators only: anyone else gets NOT_FOUND) and refuses control
// characters and oversized text at their fields; the use cases refuse the rest at their fields.

const line = (max = 40) => ZLine(max).optional();
const name = ZLine(400).optional();
const reason = ZText(1_000).optional();

function done(kind: string, what: string) {
  revalidate('/admin/reference', `/admin/reference/${kind}`);
  return redirectTo(`/admin/reference/${kind}?done=${what}`);
}

export const addHolidayAction = staffAction(
  'ADMIN',
  z.tuple([z.unknown(), ZForm({ day: line(), nameAz: name, nameEn: name, comment: reason })]),
  async (staff, _state, form) => {
    await addHoliday(await getDb(), staff, form);
    return done('holidays', 'added');
  },
  { name: 'addHolidayAction' },
);

export const removeHolidayAction = staffAction(
  'ADMIN',
  z.tuple([z.unknown(), ZForm({ day: line(), comment: reason })]),
  async (staff, _state, form) => {
    await removeHoliday(await getDb(), staff, form);
    return done('holidays', 'removed');
  },
  { name: 'removeHolidayAction' },
);

const tierFields = Object.fromEntries(
  ['employee', 'employer'].flatMap((side) =>
    [1, 2, 3].flatMap((i) => [
      [`${side}Rate${i}`, line()],
      [`${side}From${i}`, line()],
    ]),
  ),
) as Record<`${'employee' | 'employer'}${'Rate' | 'From'}${1 | 2 | 3}`, ReturnType<typeof line>>;

export const addRegimeAction = staffAction(
  'ADMIN',
  z.tuple([
    z.unknown(),
    ZForm({ sector: line(), validFrom: line(), comment: reason, ...tierFields }),
  ]),
  async (staff, _state, form) => {
    await addContributionRegime(await getDb(), staff, form);
    return done('regimes', 'added');
  },
  { name: 'addRegimeAction' },
);

export const addPenaltyAction = staffAction(
  'ADMIN',
  z.tuple([
    z.unknown(),
    ZForm({
      validFrom: line(),
      dailyRate: line(),
      capDays: line(),
      lateFilingRate: line(),
      comment: reason,
    }),
  ]),
  async (staff, _state, form) => {
    await addPenaltyParameters(await getDb(), staff, form);
    return done('penalty', 'added');
  },
  { name: 'addPenaltyAction' },
);

export const addReferenceCodeAction = staffAction(
  'ADMIN',
  z.tuple([
    z.unknown(),
    ZForm({
      kind: z.enum(CODE_KINDS),
      code: line(),
      nameAz: name,
      nameEn: name,
      validFrom: line(),
      sector: line(),
      employerClassCode: line(),
      employeeClassCode: line(),
      side: line(),
      pairCode: line(),
      sortOrder: line(),
      section: name,
      comment: reason,
    }),
  ]),
  async (staff, _state, { kind, ...form }) => {
    await addReferenceCode(await getDb(), staff, kind, form);
    return done(kind, 'added');
  },
  { name: 'addReferenceCodeAction' },
);

export const endReferenceCodeAction = staffAction(
  'ADMIN',
  z.tuple([
    z.unknown(),
    ZForm({ kind: z.enum(CODE_KINDS), code: line(), endFrom: line(), comment: reason }),
  ]),
  async (staff, _state, { kind, ...form }) => {
    await endReferenceCode(await getDb(), staff, kind, form);
    return done(kind, 'ended');
  },
  { name: 'endReferenceCodeAction' },
);
