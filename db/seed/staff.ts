import { staffMembers } from '../schema';
import type { DbOrTx } from '../types';
import { demoIdentity } from './demo-identities';
import { stableUuid } from './random';
import type { StaffRole } from '../../lib/domain/staff/staff-roles';

// The fund's demo staff (issue 14 §3): an operator, a reviewer and the head of the Nəsimi local
// body (Xəzər's and Kür's), an operator of Səbail (the schools' body), the central
// administrator, and a Nəsimi operator whose account has ended (refused at sign-in). Their
// certificates come with the other demo identities (same PINs).

type DemoStaff = {
  key: string;
  role: StaffRole;
  body: { code: string; name: string } | null;
  activeFrom: string;
  activeTo?: string;
};

const NESIMI = { code: '03', name: 'Nəsimi rayon şöbəsi' };
const SEBAIL = { code: '07', name: 'Səbail rayon şöbəsi' };

export const DEMO_STAFF: readonly DemoStaff[] = [
  { key: 'staff-nesimi-operator', role: 'OPERATOR', body: NESIMI, activeFrom: '2023-02-01' },
  { key: 'staff-nesimi-reviewer', role: 'REVIEWER', body: NESIMI, activeFrom: '2022-09-01' },
  { key: 'staff-nesimi-head', role: 'HEAD', body: NESIMI, activeFrom: '2020-01-15' },
  { key: 'staff-sebail-operator', role: 'OPERATOR', body: SEBAIL, activeFrom: '2024-03-01' },
  { key: 'staff-admin', role: 'ADMIN', body: null, activeFrom: '2019-05-01' },
  {
    key: 'staff-ended',
    role: 'OPERATOR',
    body: NESIMI,
    activeFrom: '2021-01-11',
    activeTo: '2026-06-30',
  },
];

/** A demo staff member's account id (stable, so tests and the seed's messages can name it). */
export function demoStaffId(key: string): string {
  return stableUuid(`staff:${key}`);
}

export async function seedStaff(db: DbOrTx): Promise<void> {
  await db.insert(staffMembers).values(
    DEMO_STAFF.map((s) => ({
      id: demoStaffId(s.key),
      fin: demoIdentity(s.key).fin,
      role: s.role,
      localBodyCode: s.body?.code ?? null,
      localBodyName: s.body?.name ?? null,
      activeFrom: new Date(`${s.activeFrom}T00:00:00+04:00`),
      activeTo: s.activeTo ? new Date(`${s.activeTo}T00:00:00+04:00`) : null,
      createdAt: new Date(`${s.activeFrom}T00:00:00+04:00`),
    })),
  );
}
