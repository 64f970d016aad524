import type { StaffMatrixCase } from '../matrix-types';

// The audit log and statistics pages (issue 14 §12–§13) use GET forms and export no server
// action; the CSV route's access is tested in tests/integration/staff/audit-log.test.ts.
export const CASES: StaffMatrixCase[] = [];
