import 'server-only';
import { auditLog, type AuditOutcome } from '@/db/schema';
import type { DbOrTx } from '@/db/types';

export type AuditEvent = {
  action: string;
  outcome: AuditOutcome;
  actorFin?: string | null;
  actorRole?: 'EMPLOYER_USER' | 'STAFF' | 'SYSTEM' | 'ANONYMOUS';
  employerId?: string | null;
  details?: Record<string, unknown>;
  ip?: string | null;
};

/**
 * Appends one audit entry. Pass the transaction of the change it records, so the entry and the
 * change commit together; denials are written on their own (nothing else happens).
 */
export async function writeAudit(db: DbOrTx, event: AuditEvent): Promise<void> {
  await db.insert(auditLog).values({
    action: event.action,
    outcome: event.outcome,
    actorFin: event.actorFin ?? null,
    actorRole: event.actorRole ?? (event.actorFin ? 'EMPLOYER_USER' : 'ANONYMOUS'),
    employerId: event.employerId ?? null,
    details: event.details ?? {},
    ip: event.ip ?? null,
  });
}
