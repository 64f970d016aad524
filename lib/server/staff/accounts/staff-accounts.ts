import 'server-only';
import { and, asc, count, desc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import { employers, registryPersons, staffMembers } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { validateFin } from '@/lib/domain/identifiers';
import { isStaffRole, roleNeedsLocalBody, type StaffRole } from '@/lib/domain/staff/staff-roles';
import { writeStaffAudit, type StaffScope } from '../../access';
import { now, todayInBaku } from '../../clock';
import { AppError } from '../../errors';
import { isUuid } from '../../uuid';

// Staff accounts (issue 14 §1): the administrator opens an account for a person of the
// population registry (role, local body, from when) and ends one. An account is never deleted
// or changed otherwise; a new role is a new account after the old one ended.

export type StaffAccountView = {
  id: string;
  fin: string;
  name: string;
  role: StaffRole;
  localBodyCode: string | null;
  localBodyName: string | null;
  activeFrom: Date;
  activeTo: Date | null;
  live: boolean;
};

export type LocalBody = { code: string; name: string };

const PAGE = 20;

/** Administrators only (the guard's ADMIN need is the page's; this is the use case's own). */
function assertAdmin(staff: StaffScope): void {
  if (staff.role !== 'ADMIN') throw new AppError('NOT_FOUND');
}

/** The local bodies the fund has: those its employers are registered with. */
export async function listLocalBodies(db: DbOrTx): Promise<LocalBody[]> {
  return db
    .selectDistinct({ code: employers.localBodyCode, name: employers.localBodyName })
    .from(employers)
    .orderBy(asc(employers.localBodyCode));
}

/** Every staff account, live ones first, newest first; 20 a page. */
export async function listStaffAccounts(
  db: DbOrTx,
  staff: StaffScope,
  input: { page: number },
  asOf: Date = now(),
): Promise<{ rows: StaffAccountView[]; total: number; page: number; pages: number }> {
  assertAdmin(staff);
  const [{ total }] = (await db.select({ total: count() }).from(staffMembers)) as [
    { total: number },
  ];
  const pages = Math.max(1, Math.ceil(total / PAGE));
  const page = Math.min(Math.max(1, Math.trunc(input.page) || 1), pages);
  // A Date inside raw sql reaches postgres.js unserialised: pass the instant as text.
  const at = sql`${asOf.toISOString()}::timestamptz`;
  const live = sql<boolean>`${staffMembers.activeFrom} <= ${at} and (${staffMembers.activeTo} is null or ${staffMembers.activeTo} > ${at})`;
  const rows = await db
    .select({
      id: staffMembers.id,
      fin: staffMembers.fin,
      surname: registryPersons.surname,
      personName: registryPersons.name,
      role: staffMembers.role,
      localBodyCode: staffMembers.localBodyCode,
      localBodyName: staffMembers.localBodyName,
      activeFrom: staffMembers.activeFrom,
      activeTo: staffMembers.activeTo,
      live,
    })
    .from(staffMembers)
    .innerJoin(registryPersons, eq(registryPersons.fin, staffMembers.fin))
    .orderBy(desc(live), desc(staffMembers.activeFrom), asc(staffMembers.id))
    .limit(PAGE)
    .offset((page - 1) * PAGE);
  return {
    rows: rows.map((r) => ({
      id: r.id,
      fin: r.fin,
      name: `${r.personName} ${r.surname}`,
      role: r.role,
      localBodyCode: r.localBodyCode,
      localBodyName: r.localBodyName,
      activeFrom: r.activeFrom,
      activeTo: r.activeTo,
      live: r.live,
    })),
    total,
    page,
    pages,
  };
}

export type OpenStaffAccountInput = {
  fin: string;
  role: string;
  localBodyCode: string;
  activeFrom: string;
  reason: string;
};

/**
 * Opens a staff account from `activeFrom` (today or later, Baku date). Refused at its field: a
 * malformed FIN or one not in the registry, an unknown role or body, a body for an
 * administrator or none for anyone else, a past date, a person with an account live then or
 * later. Audited STAFF_ACCOUNT_OPENED with the reason.
 */
export async function openStaffAccount(
  db: DbOrTx,
  staff: StaffScope,
  input: OpenStaffAccountInput,
  asOf: Date = now(),
): Promise<{ staffId: string }> {
  assertAdmin(staff);
  const errors: AppError[] = [];
  const fin = validateFin(input.fin);
  if (!fin.ok) errors.push(new AppError('FIN_FORMAT', { field: 'fin' }));
  const role = isStaffRole(input.role) ? input.role : null;
  if (!role) errors.push(new AppError('STAFF_ROLE_UNKNOWN', { field: 'role' }));
  const bodyCode = input.localBodyCode.trim();
  if (role && roleNeedsLocalBody(role) && bodyCode === '') {
    errors.push(new AppError('STAFF_BODY_REQUIRED', { field: 'localBodyCode' }));
  }
  if (role && !roleNeedsLocalBody(role) && bodyCode !== '') {
    errors.push(new AppError('STAFF_BODY_FOR_ADMIN', { field: 'localBodyCode' }));
  }
  const today = todayInBaku(asOf);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.activeFrom) || Number.isNaN(Date.parse(input.activeFrom))) {
    errors.push(new AppError('DATE_FORMAT', { field: 'activeFrom' }));
  } else if (input.activeFrom < today) {
    errors.push(new AppError('DATE_IN_PAST', { field: 'activeFrom', params: { today } }));
  }
  const reason = input.reason.trim();
  if (reason === '') errors.push(new AppError('STAFF_REASON_REQUIRED', { field: 'reason' }));
  const [first] = errors;
  if (first) {
    throw errors.length === 1
      ? first
      : new AppError(first.code, { params: first.params, field: first.field, fieldErrors: errors });
  }

  return db.transaction(async (tx) => {
    const finValue = (fin as { ok: true; value: string }).value;
    const [person] = await tx
      .select({ fin: registryPersons.fin })
      .from(registryPersons)
      .where(eq(registryPersons.fin, finValue));
    if (!person) throw new AppError('PERSON_NOT_FOUND', { field: 'fin' });
    let body: LocalBody | null = null;
    if (bodyCode !== '') {
      const [found] = await tx
        .select({ code: employers.localBodyCode, name: employers.localBodyName })
        .from(employers)
        .where(eq(employers.localBodyCode, bodyCode))
        .limit(1);
      if (!found) throw new AppError('STAFF_BODY_UNKNOWN', { field: 'localBodyCode' });
      body = found;
    }
    const from = new Date(`${input.activeFrom}T00:00:00+04:00`);
    // One account a person at a time: serialise on the person, then look for one live from
    // `from` on (or starting later).
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`staff:${finValue}`}))`);
    const [clash] = await tx
      .select({ id: staffMembers.id })
      .from(staffMembers)
      .where(
        and(
          eq(staffMembers.fin, finValue),
          or(isNull(staffMembers.activeTo), gt(staffMembers.activeTo, from)),
        ),
      )
      .limit(1);
    if (clash) throw new AppError('STAFF_ACCOUNT_EXISTS', { field: 'fin' });
    const id = crypto.randomUUID();
    await tx.insert(staffMembers).values({
      id,
      fin: finValue,
      role: role!,
      localBodyCode: body?.code ?? null,
      localBodyName: body?.name ?? null,
      activeFrom: from,
      activeTo: null,
      createdAt: asOf,
      createdByStaffId: staff.staffId,
    });
    await writeStaffAudit(tx, staff, {
      action: 'STAFF_ACCOUNT_OPENED',
      reason,
      details: {
        accountId: id,
        fin: finValue,
        role,
        accountLocalBody: body?.code ?? null,
        activeFrom: input.activeFrom,
      },
    });
    return { staffId: id };
  });
}

/**
 * Ends a live or future account now: from the next request its holder is refused. An
 * administrator cannot end their own (another administrator must). Ending twice ends once.
 */
export async function endStaffAccount(
  db: DbOrTx,
  staff: StaffScope,
  input: { staffId: string; reason: string },
  asOf: Date = now(),
): Promise<void> {
  assertAdmin(staff);
  if (!isUuid(input.staffId)) throw new AppError('NOT_FOUND');
  const reason = input.reason.trim();
  if (reason === '') throw new AppError('STAFF_REASON_REQUIRED', { field: 'reason' });
  if (input.staffId === staff.staffId) throw new AppError('STAFF_SELF_END');
  await db.transaction(async (tx) => {
    const [account] = await tx
      .select()
      .from(staffMembers)
      .where(eq(staffMembers.id, input.staffId))
      .for('update');
    if (!account) throw new AppError('NOT_FOUND');
    if (account.activeTo !== null && account.activeTo <= asOf) {
      throw new AppError('STAFF_ACCOUNT_ENDED');
    }
    // An account that has not begun yet ends as it begins (active_to must follow active_from).
    const end = account.activeFrom > asOf ? new Date(account.activeFrom.getTime() + 1) : asOf;
    await tx.update(staffMembers).set({ activeTo: end }).where(eq(staffMembers.id, account.id));
    await writeStaffAudit(tx, staff, {
      action: 'STAFF_ACCOUNT_ENDED',
      reason,
      details: { accountId: account.id, fin: account.fin, role: account.role },
    });
  });
}
