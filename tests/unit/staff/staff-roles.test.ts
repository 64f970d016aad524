import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isStaffRole,
  roleNeedsLocalBody,
  STAFF_ROLES,
  staffRoleCovers,
} from '@/lib/domain/staff/staff-roles';

describe('staffRoleCovers', () => {
  it('gives the head an operator’s and a reviewer’s powers, and the administrator every role', () => {
    expect(staffRoleCovers('HEAD', 'OPERATOR')).toBe(true);
    expect(staffRoleCovers('HEAD', 'REVIEWER')).toBe(true);
    expect(staffRoleCovers('HEAD', 'ADMIN')).toBe(false);
    for (const need of STAFF_ROLES) expect(staffRoleCovers('ADMIN', need)).toBe(true);
  });

  it('keeps an operator and a reviewer apart', () => {
    expect(staffRoleCovers('OPERATOR', 'REVIEWER')).toBe(false);
    expect(staffRoleCovers('REVIEWER', 'OPERATOR')).toBe(false);
    expect(staffRoleCovers('OPERATOR', 'HEAD')).toBe(false);
    expect(staffRoleCovers('REVIEWER', 'HEAD')).toBe(false);
  });

  it('is reflexive and transitive', () => {
    const role = fc.constantFrom(...STAFF_ROLES);
    fc.assert(
      fc.property(role, role, role, (a, b, c) => {
        expect(staffRoleCovers(a, a)).toBe(true);
        if (staffRoleCovers(a, b) && staffRoleCovers(b, c)) {
          expect(staffRoleCovers(a, c)).toBe(true);
        }
      }),
    );
  });

  it('knows its roles and which belong to a local body', () => {
    expect(isStaffRole('HEAD')).toBe(true);
    expect(isStaffRole('head')).toBe(false);
    expect(roleNeedsLocalBody('ADMIN')).toBe(false);
    expect(roleNeedsLocalBody('OPERATOR')).toBe(true);
  });
});
