import {
  addHolidayAction,
  addPenaltyAction,
  addReferenceCodeAction,
  addRegimeAction,
  endReferenceCodeAction,
  removeHolidayAction,
} from '@/app/admin/(dashboard)/reference/actions';
import { addDays } from '@/lib/domain';
import type { StaffMatrixCase } from '../matrix-types';

// Reference data (issue 14 §11) is the central administrator's alone: every other staff member
// gets NOT_FOUND, as if the section did not exist. The calls use far-future dates no other test
// reads (a refusal of the data still counts as "allowed": the guard let the caller in).

const ADMIN_ONLY = ['admin'] as const;
const day = (n: number) => {
  const d = addDays('2090-01-01', n);
  return d.ok ? d.value : '2090-01-01';
};
const comment = 'Matris sınağı';

export const CASES: StaffMatrixCase[] = [
  {
    action: 'addHolidayAction',
    allowed: ADMIN_ONLY,
    targetsNesimiEmployer: false,
    call: ({ n }) =>
      addHolidayAction(null, { day: day(n), nameAz: 'Sınaq', nameEn: 'Test', comment }),
  },
  {
    action: 'removeHolidayAction',
    allowed: ADMIN_ONLY,
    targetsNesimiEmployer: false,
    call: ({ n }) => removeHolidayAction(null, { day: day(n + 5000), comment }),
  },
  {
    action: 'addRegimeAction',
    allowed: ADMIN_ONLY,
    targetsNesimiEmployer: false,
    call: () =>
      addRegimeAction(null, {
        sector: 'STATE_OR_OIL',
        validFrom: '2099-12-01',
        employeeRate1: '3',
        employerRate1: '22',
        comment,
      }),
  },
  {
    action: 'addPenaltyAction',
    allowed: ADMIN_ONLY,
    targetsNesimiEmployer: false,
    call: () =>
      addPenaltyAction(null, {
        validFrom: '2099-12-01',
        dailyRate: '0.1',
        capDays: '365',
        lateFilingRate: '10',
        comment,
      }),
  },
  {
    action: 'addReferenceCodeAction',
    allowed: ADMIN_ONLY,
    targetsNesimiEmployer: false,
    call: ({ n }) =>
      addReferenceCodeAction(null, {
        kind: 'non-liable-reasons',
        code: `MATRIX_${n}`,
        nameAz: 'Sınaq',
        nameEn: 'Test',
        sortOrder: '99',
        validFrom: '2099-12-01',
        comment,
      }),
  },
  {
    action: 'endReferenceCodeAction',
    allowed: ADMIN_ONLY,
    targetsNesimiEmployer: false,
    call: () =>
      endReferenceCodeAction(null, {
        kind: 'non-liable-reasons',
        code: 'NO_SUCH_REASON',
        endFrom: '2099-12-01',
        comment,
      }),
  },
];
