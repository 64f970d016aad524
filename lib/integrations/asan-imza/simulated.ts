import 'server-only';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { certificates, signingSessions } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import type { AsanImzaService } from './types';

/** The simulated Asan İmza service: pending ASAN signing sessions of the phone's registrations. */
export function simulatedAsanImza(db: DbOrTx): AsanImzaService {
  return {
    listPendingRequests(phone, at) {
      return db
        .select({
          sessionId: signingSessions.id,
          certificateSerial: signingSessions.certificateSerial,
          purpose: signingSessions.purpose,
          verificationCode: signingSessions.verificationCode,
          expiresAt: signingSessions.expiresAt,
          documentKind: signingSessions.documentKind,
        })
        .from(signingSessions)
        .innerJoin(certificates, eq(certificates.serial, signingSessions.certificateSerial))
        .where(
          and(
            eq(certificates.kind, 'ASAN'),
            eq(certificates.asanPhone, phone),
            eq(signingSessions.method, 'ASAN'),
            eq(signingSessions.status, 'PENDING'),
            isNull(signingSessions.consumedAt),
            gt(signingSessions.expiresAt, at),
          ),
        )
        .orderBy(desc(signingSessions.createdAt), desc(signingSessions.id));
    },
  };
}
