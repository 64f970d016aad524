import { keepStaffSessionAliveAction } from '@/app/admin/staff-session-actions';
import type { StaffMatrixCase } from '../matrix-types';

const ALL = ['operator', 'reviewer', 'head', 'admin'] as const;

export const CASES: StaffMatrixCase[] = [
  {
    action: 'keepStaffSessionAliveAction',
    allowed: ALL,
    targetsNesimiEmployer: false,
    call: () => keepStaffSessionAliveAction(),
  },
];
