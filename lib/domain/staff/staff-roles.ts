// Fund staff roles (SPEC H1, issue 14 §1). Pure: the guard (lib/server/access.ts) asks
// staffRoleCovers whether a signed-in staff member's role may do what a page or action needs.

export const STAFF_ROLES = ['OPERATOR', 'REVIEWER', 'HEAD', 'ADMIN'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/**
 * What each role may do, as the roles it includes: the head of a local body does everything an
 * operator and a reviewer may (and approves what needs a second person); the administrator is
 * central staff and includes every role, for every local body.
 */
const INCLUDES: Readonly<Record<StaffRole, readonly StaffRole[]>> = {
  OPERATOR: ['OPERATOR'],
  REVIEWER: ['REVIEWER'],
  HEAD: ['HEAD', 'OPERATOR', 'REVIEWER'],
  ADMIN: ['ADMIN', 'HEAD', 'OPERATOR', 'REVIEWER'],
};

/** Whether a member with `role` may do what needs `need`. */
export function staffRoleCovers(role: StaffRole, need: StaffRole): boolean {
  return INCLUDES[role].includes(need);
}

/** Only the administrator is central staff; every other role belongs to one local body. */
export function roleNeedsLocalBody(role: StaffRole): boolean {
  return role !== 'ADMIN';
}

export function isStaffRole(value: string): value is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(value);
}
