import 'server-only';
import { and, desc, eq, gt, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db/client';
import {
  authorities,
  certificates,
  employers,
  SERVICES,
  staffMembers,
  type Service,
} from '@/db/schema';
import { staffRoleCovers, type StaffRole } from '@/lib/domain/staff/staff-roles';
import type { DbOrTx } from '@/db/types';
import { writeAudit } from './audit';
import { isAuthorityLiveAt, isCertificateValidAt } from './authorities/authority-status';
import { now } from './clock';
import { AppError, isAppError } from './errors';
import type { Principal } from './principal';
import { currentRequestContext } from './request-context';
import { loadSessionPrincipal } from './sessions/load-session-principal';
import { isUuid } from './uuid';

// The one place that decides who may act for which employer (ARCHITECTURE.md §5, SPEC A4, C1–C7).
//
// Services: the responsible person (employers.responsible_fin) has every service. A holder of an
// authority has exactly the service it was granted for: REPORTS gives the reports module only,
// AUTHORITIES gives granting and revoking only, EMPLOYER_DATA gives the B1 page only. An
// authority binds the certificate it was granted to: signing in with another certificate of the
// same person (Asan İmza instead of the card) does not carry it. Nothing is cached across
// requests, so a revoked or expired authority stops working on the next request.

declare const employerScopeBrand: unique symbol;

/** Proof that the guard let `fin` act for `employerId` in `service`. Only this file makes one. */
export type EmployerScope = {
  readonly employerId: string;
  readonly fin: string;
  readonly certificateSerial: string;
  readonly service: Service;
  /** STAFF: a fund staff member's read-only view of the employer (staffViewScope). */
  readonly via: 'RESPONSIBLE' | 'AUTHORITY' | 'STAFF';
  readonly authorityId?: string;
  /** Set on a staff view: the staff account looking (staffViewScope). */
  readonly staffId?: string;
  /**
   * Set on a sub-employer's scope (SPEC E5): the employer the person acts for, above
   * `employerId` in the structure. Its guard was passed for that employer (subEmployerScope).
   */
  readonly actingForEmployerId?: string;
  readonly [employerScopeBrand]: true;
};

/** What the guard needs of a principal; tests and the login flow pass just these. */
export type Actor = Pick<Principal, 'fin' | 'certificateSerial' | 'method'>;

export type AccessDenialReason =
  'CERTIFICATE_NOT_FOUND' | 'CERTIFICATE_NOT_VALID' | 'EMPLOYER_NOT_FOUND' | 'NO_AUTHORITY';

export type EmployerServices =
  | {
      ok: true;
      via: 'RESPONSIBLE' | 'AUTHORITY';
      services: ReadonlyMap<Service, string | undefined>;
      /** Read with the decision, so the header needs no query of its own for it. */
      employerName: string;
    }
  | { ok: false; reason: AccessDenialReason };

export type EmployerAccess =
  { ok: true; scope: EmployerScope } | { ok: false; reason: AccessDenialReason };

type CertificateRow = typeof certificates.$inferSelect;

/**
 * The certificate the actor signed in with, if it is theirs, matches the sign-in method, is
 * ACTIVE and valid at `asOf`; otherwise why not. Every access decision starts here.
 */
export async function findActorCertificate(
  db: DbOrTx,
  actor: Actor,
  asOf: Date,
): Promise<{ ok: true; certificate: CertificateRow } | { ok: false; reason: AccessDenialReason }> {
  const [certificate] = await db
    .select()
    .from(certificates)
    .where(eq(certificates.serial, actor.certificateSerial));
  return checkActorCertificate(certificate, actor, asOf);
}

/** findActorCertificate's decision over a row already read. */
function checkActorCertificate(
  certificate: CertificateRow | undefined,
  actor: Actor,
  asOf: Date,
): { ok: true; certificate: CertificateRow } | { ok: false; reason: AccessDenialReason } {
  if (!certificate || certificate.holderFin !== actor.fin) {
    return { ok: false, reason: 'CERTIFICATE_NOT_FOUND' };
  }
  const kind = actor.method === 'ESIGN' ? 'CARD' : 'ASAN';
  if (certificate.kind !== kind || !isCertificateValidAt(certificate, asOf)) {
    return { ok: false, reason: 'CERTIFICATE_NOT_VALID' };
  }
  return { ok: true, certificate };
}

/**
 * Every service `actor` may use for `employerId` at `asOf`, with the authority id behind each
 * (undefined for the responsible person). SPEC A4, C5.
 */
export async function resolveEmployerServices(
  db: DbOrTx,
  actor: Actor,
  employerId: string,
  asOf: Date,
): Promise<EmployerServices> {
  if (!isUuid(employerId)) {
    const found = await findActorCertificate(db, actor, asOf);
    return found.ok ? { ok: false, reason: 'EMPLOYER_NOT_FOUND' } : found;
  }
  // The certificate and the employer in one statement (issue 15: every page passes here).
  const [row] = await db
    .select({
      certificate: certificates,
      responsibleFin: employers.responsibleFin,
      employerName: employers.name,
    })
    .from(certificates)
    .leftJoin(employers, eq(employers.id, employerId))
    .where(eq(certificates.serial, actor.certificateSerial));
  const found = checkActorCertificate(row?.certificate, actor, asOf);
  if (!found.ok) return found;
  const { certificate } = found;
  if (row?.responsibleFin == null || row.employerName == null) {
    return { ok: false, reason: 'EMPLOYER_NOT_FOUND' };
  }
  const employerName = row.employerName;
  if (row.responsibleFin === actor.fin) {
    return {
      ok: true,
      via: 'RESPONSIBLE',
      services: new Map(SERVICES.map((s) => [s, undefined])),
      employerName,
    };
  }
  const grants = await db
    .select()
    .from(authorities)
    .where(
      and(
        eq(authorities.employerId, employerId),
        eq(authorities.holderFin, actor.fin),
        eq(authorities.certificateSerial, actor.certificateSerial),
        isNull(authorities.revokedAt),
      ),
    );
  const services = new Map<Service, string | undefined>();
  for (const grant of grants) {
    if (!services.has(grant.service) && isAuthorityLiveAt(grant, certificate, asOf)) {
      services.set(grant.service, grant.id);
    }
  }
  return services.size > 0
    ? { ok: true, via: 'AUTHORITY', services, employerName }
    : { ok: false, reason: 'NO_AUTHORITY' };
}

/** The testable core of the guard: may `actor` use `service` for `employerId` at `asOf`? */
export async function resolveEmployerAccess(
  db: DbOrTx,
  actor: Actor,
  employerId: string,
  service: Service,
  asOf: Date,
): Promise<EmployerAccess> {
  return scopeForService(
    actor,
    employerId,
    await resolveEmployerServices(db, actor, employerId, asOf),
    service,
  );
}

/** resolveEmployerAccess's decision over the services already resolved. */
function scopeForService(
  actor: Actor,
  employerId: string,
  resolved: EmployerServices,
  service: Service,
): EmployerAccess {
  if (!resolved.ok) return resolved;
  if (!resolved.services.has(service)) return { ok: false, reason: 'NO_AUTHORITY' };
  const authorityId = resolved.services.get(service);
  const scope = {
    employerId,
    fin: actor.fin,
    certificateSerial: actor.certificateSerial,
    service,
    via: resolved.via,
    ...(authorityId === undefined ? {} : { authorityId }),
  } as EmployerScope;
  return { ok: true, scope };
}

/**
 * The scope of a payroll-API token (issue 5 §9). Only the responsible person creates tokens, and
 * a token acts as that person for its one service. Re-checked on every request, so a token dies
 * when its creator stops being the employer's responsible person. The token itself is the
 * credential: no certificate is involved, so certificateSerial names the token instead.
 */
export async function scopeForApiToken(
  db: DbOrTx,
  token: { id: string; employerId: string; service: string; createdByFin: string },
  asOf: Date,
): Promise<EmployerAccess> {
  const [employer] = await db
    .select({ responsibleFin: employers.responsibleFin })
    .from(employers)
    .where(eq(employers.id, token.employerId));
  const service = SERVICES.find((s) => s === token.service);
  if (employer && service && employer.responsibleFin === token.createdByFin) {
    const scope = {
      employerId: token.employerId,
      fin: token.createdByFin,
      certificateSerial: `api-token:${token.id}`,
      service,
      via: 'RESPONSIBLE',
    } as EmployerScope;
    return { ok: true, scope };
  }
  const reason: AccessDenialReason = employer ? 'NO_AUTHORITY' : 'EMPLOYER_NOT_FOUND';
  await auditAccessDenied(db, { fin: token.createdByFin }, token.employerId, {
    apiTokenId: token.id,
    service: token.service,
    reason,
    asOf: asOf.toISOString(),
  });
  return { ok: false, reason };
}

/** Records a refused access (issue item 9); the audit row stands alone, nothing else happened. */
export async function auditAccessDenied(
  db: DbOrTx,
  actor: Pick<Principal, 'fin'> | null,
  employerId: string | null,
  details: Record<string, unknown>,
  action = 'ACCESS',
): Promise<void> {
  await writeAudit(db, {
    action,
    outcome: 'DENIED',
    actorFin: actor?.fin ?? null,
    // A malformed id cannot go into the uuid column; it is kept in the details instead.
    employerId: employerId !== null && isUuid(employerId) ? employerId : null,
    details: employerId !== null && !isUuid(employerId) ? { ...details, employerId } : details,
  });
}

/** The guard for route handlers and API code: audits a denial and throws AppError NOT_FOUND. */
export async function requireEmployerAccessFor(
  db: DbOrTx,
  actor: Actor,
  employerId: string,
  service: Service,
  asOf: Date,
): Promise<EmployerScope> {
  const access = await resolveEmployerAccess(db, actor, employerId, service, asOf);
  if (access.ok) return access.scope;
  await auditAccessDenied(db, actor, employerId, { service, reason: access.reason });
  // NOT_FOUND, not FORBIDDEN: another employer's existence is not disclosed.
  throw new AppError('NOT_FOUND');
}

/** What was asked for came from a URL or a form: kept short and printable (jsonb refuses NUL). */
function printable(details: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(details).map(([key, value]) => [
      key,
      typeof value === 'string'
        ? value.replace(/[\u0000-\u001f\u007f]/g, '?').slice(0, 100)
        : value,
    ]),
  );
}

/** A use case's refusal returned rather than thrown (the signing outcomes' style). */
function isReturnedNotFound(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { ok?: unknown }).ok === false &&
    (value as { code?: unknown }).code === 'NOT_FOUND'
  );
}

/**
 * Runs one scoped use case the way every entry point of the app does (the action client, pages,
 * route handlers, and the access matrix that proves it). An id the scope does not own answers
 * NOT_FOUND — thrown as AppError, or returned as `{ ok: false, code: 'NOT_FOUND' }` by the
 * signing use cases — and that is a probe: it is audited here, on `db` after the use case's own
 * transaction has rolled back (an audit row written inside it would roll back with it), then
 * passed on unchanged. `name` is the use case's name in the audit log.
 */
export async function runScoped<T>(
  db: DbOrTx,
  scope: EmployerScope,
  name: string,
  run: () => Promise<T>,
): Promise<T> {
  const audit = (params: Readonly<Record<string, unknown>>) =>
    auditAccessDenied(db, scope, scope.employerId, {
      action: name,
      service: scope.service,
      reason: 'NOT_IN_SCOPE',
      ...printable(params),
    });
  let result: T;
  try {
    result = await run();
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') await audit(error.params);
    throw error;
  }
  if (isReturnedNotFound(result)) await audit({});
  return result;
}

/**
 * runScoped for a page that loads by an id from the address: another employer's id (or one
 * that does not exist) is audited and shows the not-found page.
 */
export async function loadInScope<T>(
  scope: EmployerScope,
  name: string,
  load: (db: DbOrTx) => Promise<T>,
): Promise<T> {
  const db = await getDb();
  try {
    return await runScoped(db, scope, name, () => load(db));
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}

/**
 * The session's person (auth/principal.ts). Imported when first needed, not at module load:
 * use cases import this file for the scope type and checks, and must stay loadable where
 * Auth.js is not (integration tests, scripts).
 */
async function getPrincipal(): Promise<Principal | null> {
  // Outside a Next.js request (the integration suite, scripts) the caller says who is asking: a
  // principal as it is, or a session id, which goes through the same row check as a cookie.
  const context = currentRequestContext();
  if (context?.sessionId !== undefined) {
    return loadSessionPrincipal(await getDb(), context.sessionId, now());
  }
  if (context) return context.principal;
  const { getPrincipal: fromSession } = await import('@/auth/principal');
  return fromSession();
}

/** The signed-in person, or a redirect to the login page. SPEC A1. */
export async function requirePrincipal(): Promise<Principal> {
  const principal = await getPrincipal();
  if (!principal) redirect('/login');
  return principal;
}

/**
 * The guard of every page, server action and route handler of the employer area: the session's
 * person and chosen employer, checked afresh (once per request at most) for `service`. Denied →
 * audited and the not-found page; no session → login; no employer chosen → the employer choice.
 */
export const requireEmployerAccess = cache(async (service: Service): Promise<EmployerScope> => {
  const principal = await requirePrincipal();
  if (principal.employerId === null) redirect('/employers');
  const access = await sessionEmployerAccess(principal, service);
  if (access?.ok) return access.scope;
  await auditAccessDenied(await getDb(), principal, principal.employerId, {
    service,
    reason: access?.reason ?? 'EMPLOYER_NOT_FOUND',
  });
  notFound();
});

/**
 * resolveEmployerServices for the session's person and chosen employer, at most once per request
 * (issue 15 §2: the layout's header, the unread count and the page's guard all ask it). Keyed on
 * the principal getPrincipal caches for the request; null when no employer is chosen.
 */
const sessionEmployerServices = cache(
  async (principal: Principal): Promise<EmployerServices | null> =>
    principal.employerId === null
      ? null
      : resolveEmployerServices(await getDb(), principal, principal.employerId, now()),
);

/**
 * The session's access to `service` for its chosen employer, decided by the same rules as
 * resolveEmployerAccess but read once per request; null when no employer is chosen. Neither
 * audits nor redirects: for display (the header) and for the guards above, which do both.
 */
export async function sessionEmployerAccess(
  principal: Principal,
  service: Service,
): Promise<EmployerAccess | null> {
  if (principal.employerId === null) return null;
  const resolved = await sessionEmployerServices(principal);
  return resolved && scopeForService(principal, principal.employerId, resolved, service);
}

/** The chosen employer's name when the session may act for it at all, for the header. */
export async function sessionEmployerName(principal: Principal): Promise<string | null> {
  const resolved = await sessionEmployerServices(principal);
  return resolved?.ok ? resolved.employerName : null;
}

/**
 * The services the session's person may use for the chosen employer, for the service home
 * (SPEC A5) to show which menus are open. Not a scope: each menu's page still calls
 * requireEmployerAccess. No service at all is a denial, audited like any other.
 */
export const requireEmployerServices = cache(async (): Promise<ReadonlySet<Service>> => {
  const principal = await requirePrincipal();
  if (principal.employerId === null) redirect('/employers');
  const resolved = await sessionEmployerServices(principal);
  if (resolved?.ok) return new Set(resolved.services.keys());
  await auditAccessDenied(await getDb(), principal, principal.employerId, {
    reason: resolved?.reason ?? 'EMPLOYER_NOT_FOUND',
  });
  notFound();
});

/**
 * The scope of a sub-employer for the person acting for its parent (SPEC E5, issue 13 §8): the
 * parent's scope narrowed to an employer below it in the structure (employers.parent_employer_id,
 * any depth). Anything else — the parent itself, a sibling, an employer above, another
 * structure, a malformed id — answers NOT_FOUND, so a school never reaches its department.
 */
export async function subEmployerScope(
  db: DbOrTx,
  scope: EmployerScope,
  subEmployerId: string,
): Promise<EmployerScope> {
  if (!isUuid(subEmployerId) || subEmployerId === scope.employerId) {
    throw new AppError('NOT_FOUND', { params: { subEmployerId } });
  }
  // Up from the sub-employer: the acting employer must be one of its ancestors.
  const [below] = await db
    .select({ id: employers.id })
    .from(employers)
    .where(
      and(
        eq(employers.id, subEmployerId),
        sql`exists (
          with recursive up(id, depth) as (
            select e.parent_employer_id, 1 from employers e
            where e.id = ${subEmployerId} and e.parent_employer_id is not null
            union all
            select e.parent_employer_id, u.depth + 1 from employers e join up u on e.id = u.id
            where e.parent_employer_id is not null and u.depth < 16
          )
          select 1 from up where up.id = ${scope.employerId})`,
      ),
    );
  if (!below) throw new AppError('NOT_FOUND', { params: { subEmployerId } });
  return {
    ...scope,
    employerId: subEmployerId,
    actingForEmployerId: scope.actingForEmployerId ?? scope.employerId,
  } as EmployerScope;
}

/** Throws FORBIDDEN when a use case is handed a scope for another service (a wiring mistake). */
export function assertScopeService(
  scope: EmployerScope,
  service: Service | readonly Service[],
): void {
  const allowed: readonly Service[] = typeof service === 'string' ? [service] : service;
  if (!allowed.includes(scope.service)) throw new AppError('FORBIDDEN');
}

export { STAFF_ROLES, type StaffRole } from '@/lib/domain/staff/staff-roles';

declare const staffScopeBrand: unique symbol;

/**
 * Proof that a live staff member whose role covers what was asked is signed in (SPEC H1, issue
 * 14 §2). `localBodyCode` null is central staff (an administrator): every local body. Only this
 * file makes one; every staff query filters by it (staffBodyFilter, staffEmployer).
 */
export type StaffScope = {
  readonly staffId: string;
  readonly fin: string;
  readonly role: StaffRole;
  readonly localBodyCode: string | null;
  readonly localBodyName: string | null;
  /** "Name Surname", for the header and for what the staff member writes. */
  readonly displayName: string;
  readonly certificateSerial: string;
  readonly sessionId?: string;
  readonly [staffScopeBrand]: true;
};

export type StaffDenialReason =
  'CERTIFICATE_NOT_FOUND' | 'CERTIFICATE_NOT_VALID' | 'NOT_STAFF' | 'ROLE_NOT_ALLOWED';

export type StaffAccess =
  { ok: true; scope: StaffScope } | { ok: false; reason: StaffDenialReason };

/** The staff account of `fin` live at `asOf` (the latest begun), or null. */
export async function findLiveStaffMember(db: DbOrTx, fin: string, asOf: Date) {
  const [member] = await db
    .select()
    .from(staffMembers)
    .where(
      and(
        eq(staffMembers.fin, fin),
        lte(staffMembers.activeFrom, asOf),
        or(isNull(staffMembers.activeTo), gt(staffMembers.activeTo, asOf)),
      ),
    )
    .orderBy(desc(staffMembers.activeFrom))
    .limit(1);
  return member ?? null;
}

/**
 * The testable core of the staff guard: is `actor` (signed in with a valid certificate of their
 * own) a live staff member whose role covers `need` (null: any role) at `asOf`? Read afresh on
 * every request, so an ended account or a changed role counts from the next one.
 */
export async function resolveStaffAccess(
  db: DbOrTx,
  actor: Actor & { name?: string; surname?: string },
  need: StaffRole | null,
  asOf: Date,
): Promise<StaffAccess> {
  const found = await findActorCertificate(db, actor, asOf);
  if (!found.ok) {
    return {
      ok: false,
      reason: found.reason === 'CERTIFICATE_NOT_VALID' ? found.reason : 'CERTIFICATE_NOT_FOUND',
    };
  }
  const member = await findLiveStaffMember(db, actor.fin, asOf);
  if (!member) return { ok: false, reason: 'NOT_STAFF' };
  if (need !== null && !staffRoleCovers(member.role, need)) {
    return { ok: false, reason: 'ROLE_NOT_ALLOWED' };
  }
  const scope = {
    staffId: member.id,
    fin: member.fin,
    role: member.role,
    localBodyCode: member.localBodyCode,
    localBodyName: member.localBodyName,
    displayName: [actor.name, actor.surname].filter(Boolean).join(' ') || member.fin,
    certificateSerial: actor.certificateSerial,
  } as StaffScope;
  return { ok: true, scope };
}

/** The staff session's person (kind STAFF), or null: an employer session is no staff session. */
async function getStaffPrincipal(): Promise<Principal | null> {
  const context = currentRequestContext();
  if (context?.sessionId !== undefined) {
    return loadSessionPrincipal(await getDb(), context.sessionId, now(), 'STAFF');
  }
  // A principal handed over directly is an employer's (tests, scripts): never staff.
  if (context) return null;
  const { getStaffPrincipal: fromSession } = await import('@/auth/principal');
  return fromSession();
}

/**
 * The guard of the fund staff dashboard (SPEC H1, issue 14 §2): every page, action and route
 * of `app/admin` calls it with the role it needs (none: any staff member). No staff session →
 * the staff login; a session whose account ended, whose certificate stopped being valid or whose
 * role does not cover `need` → audited and the not-found page.
 */
export const requireStaff = cache(async (need?: StaffRole): Promise<StaffScope> => {
  const principal = await getStaffPrincipal();
  if (!principal) redirect('/admin/login');
  const db = await getDb();
  const access = await resolveStaffAccess(db, principal, need ?? null, now());
  if (access.ok) {
    return (
      principal.sessionId === undefined
        ? access.scope
        : { ...access.scope, sessionId: principal.sessionId }
    ) as StaffScope;
  }
  await writeAudit(db, {
    action: 'STAFF_ACCESS',
    outcome: 'DENIED',
    actorFin: principal.fin,
    actorRole: 'STAFF',
    details: { need: need ?? null, reason: access.reason },
  });
  notFound();
});

/**
 * The local-body condition of a staff query on `column` (an employer's local_body_code):
 * undefined for central staff, who see every body. Combine it with `and(...)`.
 */
export function staffBodyFilter(staff: StaffScope, column: AnyPgColumn): SQL | undefined {
  return staff.localBodyCode === null ? undefined : eq(column, staff.localBodyCode);
}

/** An employer a staff member may work on: its id and local body. */
export type StaffEmployer = {
  readonly employerId: string;
  readonly name: string;
  readonly voen: string;
  readonly dsmfRegNumber: string;
  readonly localBodyCode: string;
};

/**
 * The employer `employerId` if it belongs to the staff member's local body (or any, for central
 * staff); otherwise NOT_FOUND, so another body's employer is not even disclosed to exist.
 */
export async function staffEmployer(
  db: DbOrTx,
  staff: StaffScope,
  employerId: string,
): Promise<StaffEmployer> {
  if (!isUuid(employerId)) throw new AppError('NOT_FOUND', { params: { employerId } });
  const [row] = await db
    .select({
      employerId: employers.id,
      name: employers.name,
      voen: employers.voen,
      dsmfRegNumber: employers.dsmfRegNumber,
      localBodyCode: employers.localBodyCode,
    })
    .from(employers)
    .where(and(eq(employers.id, employerId), staffBodyFilter(staff, employers.localBodyCode)));
  if (!row) throw new AppError('NOT_FOUND', { params: { employerId } });
  return row;
}

/**
 * A fund staff member's read-only view of an employer of their body (issue 14 §4, §8): the
 * cabinet's read models and the sent-report view take an EmployerScope, so staff see exactly
 * what the employer sees. NOT_FOUND outside the body. Only loaders may be handed it: a use case
 * that writes for an employer refuses it (assertNotStaffView), and no staff action calls one.
 */
export async function staffViewScope(
  db: DbOrTx,
  staff: StaffScope,
  employerId: string,
  service: Service = 'REPORTS',
): Promise<EmployerScope> {
  const employer = await staffEmployer(db, staff, employerId);
  return {
    employerId: employer.employerId,
    fin: staff.fin,
    certificateSerial: `staff:${staff.staffId}`,
    service,
    via: 'STAFF',
    staffId: staff.staffId,
  } as EmployerScope;
}

/** Throws FORBIDDEN when a staff member's read-only view reaches a use case that writes. */
export function assertNotStaffView(scope: Pick<EmployerScope, 'via'>): void {
  if (scope.via === 'STAFF') throw new AppError('FORBIDDEN');
}

/**
 * Audits one staff action (issue 14 §2: who, what, which employer, the reason), in the
 * transaction of the change it records.
 */
export async function writeStaffAudit(
  db: DbOrTx,
  staff: StaffScope,
  event: {
    action: string;
    outcome?: 'SUCCESS' | 'FAILURE' | 'DENIED';
    employerId?: string | null;
    reason?: string | null;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await writeAudit(db, {
    action: event.action,
    outcome: event.outcome ?? 'SUCCESS',
    actorFin: staff.fin,
    actorRole: 'STAFF',
    employerId: event.employerId ?? null,
    details: {
      staffId: staff.staffId,
      staffRole: staff.role,
      localBodyCode: staff.localBodyCode,
      ...(event.reason ? { reason: event.reason } : {}),
      ...event.details,
    },
  });
}

/**
 * runScoped for staff use cases: an id outside the staff member's local body (NOT_FOUND, thrown
 * or returned) is a probe, audited on `db` after the use case's transaction rolled back.
 */
export async function runStaffScoped<T>(
  db: DbOrTx,
  staff: StaffScope,
  name: string,
  run: () => Promise<T>,
): Promise<T> {
  const audit = (params: Readonly<Record<string, unknown>>) =>
    writeStaffAudit(db, staff, {
      action: 'STAFF_ACCESS',
      outcome: 'DENIED',
      details: { useCase: name, reason: 'NOT_IN_SCOPE', ...printable(params) },
    });
  let result: T;
  try {
    result = await run();
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') await audit(error.params);
    throw error;
  }
  if (isReturnedNotFound(result)) await audit({});
  return result;
}

/** runStaffScoped for a page loading by an id from the address: outside the body → 404. */
export async function loadInStaffScope<T>(
  staff: StaffScope,
  name: string,
  load: (db: DbOrTx) => Promise<T>,
): Promise<T> {
  const db = await getDb();
  try {
    return await runStaffScoped(db, staff, name, () => load(db));
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}
