import {
  endStaffAccountAction,
  openStaffAccountAction,
} from '@/app/admin/(dashboard)/staff/actions';
import { demoStaffId } from '@/db/seed/staff';
import type { StaffMatrixCase } from '../matrix-types';

// Administrators only. The calls are refused by the use case for an administrator (a clash, a
// self-end), which still proves the guard let them through; everyone else gets NOT_FOUND.

export const CASES: StaffMatrixCase[] = [
  {
    action: 'openStaffAccountAction',
    allowed: ['admin'],
    targetsNesimiEmployer: false,
    call: () =>
      openStaffAccountAction({
        fin: '5TM2H7Q',
        role: 'REVIEWER',
        localBodyCode: '03',
        activeFrom: '2099-01-01',
        reason: 'matrix',
      }),
  },
  {
    action: 'endStaffAccountAction',
    allowed: ['admin'],
    targetsNesimiEmployer: false,
    call: () => endStaffAccountAction({ staffId: demoStaffId('staff-admin'), reason: 'matrix' }),
  },
];
