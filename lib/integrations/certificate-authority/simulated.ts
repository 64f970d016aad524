import 'server-only';
import { and, eq, type SQL } from 'drizzle-orm';
import {
  parsePrivateJwk,
  parsePublicJwk,
  type PinState,
  type PrivateSigningJwk,
} from '@/auth/signing';
import { certificates, registryPersons } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import type { Certificate, CertificateAuthority } from './types';

type CertificateRow = typeof certificates.$inferSelect;

function toCertificate(row: CertificateRow): Certificate {
  return {
    serial: row.serial,
    kind: row.kind,
    holderFin: row.holderFin,
    cardNumber: row.cardNumber,
    asanPhone: row.asanPhone,
    asanUserId: row.asanUserId,
    issuer: row.issuer,
    notBefore: row.notBefore,
    notAfter: row.notAfter,
    status: row.status,
    publicJwk: parsePublicJwk(row.publicJwk),
  };
}

const collator = new Intl.Collator('az');

/** The simulated certificate authority, backed by the seeded certificates table. */
export function simulatedCertificateAuthority(db: DbOrTx): CertificateAuthority {
  async function first(where: SQL | undefined): Promise<Certificate | null> {
    const [row] = await db.select().from(certificates).where(where).limit(1);
    return row ? toCertificate(row) : null;
  }
  return {
    findCertificateBySerial: (serial) => first(eq(certificates.serial, serial)),
    findCardCertificate: (cardNumber) =>
      first(and(eq(certificates.kind, 'CARD'), eq(certificates.cardNumber, cardNumber))),
    findAsanCertificate: (phone, userId) =>
      first(
        and(
          eq(certificates.kind, 'ASAN'),
          eq(certificates.asanPhone, phone),
          eq(certificates.asanUserId, userId),
        ),
      ),
    async listCardCertificates() {
      const rows = await db
        .select({
          serial: certificates.serial,
          holderFin: certificates.holderFin,
          surname: registryPersons.surname,
          name: registryPersons.name,
          patronymic: registryPersons.patronymic,
          cardNumber: certificates.cardNumber,
          notAfter: certificates.notAfter,
          status: certificates.status,
        })
        .from(certificates)
        .innerJoin(registryPersons, eq(registryPersons.fin, certificates.holderFin))
        .where(eq(certificates.kind, 'CARD'));
      // Sorted here, not in SQL: the two engines' collations differ, Azerbaijani letters included.
      return rows
        .map((r) => ({ ...r, cardNumber: r.cardNumber ?? '' }))
        .sort(
          (a, b) =>
            collator.compare(a.surname, b.surname) ||
            collator.compare(a.name, b.name) ||
            collator.compare(a.patronymic, b.patronymic) ||
            collator.compare(a.serial, b.serial),
        );
    },
  };
}

/** What only the simulated card or phone holds: the private key and the PIN state. */
export type SimulatedDevice = {
  certificate: Certificate;
  privateJwk: PrivateSigningJwk;
  pins: Record<PinKind, PinState & { hash: string }>;
};
export type PinKind = 'PIN1' | 'PIN2';

/**
 * Simulator-only operations on the card/phone (a real CA never exposes them). Use inside a
 * transaction: `lockDevice` takes a row lock so concurrent PIN entries cannot both see the old
 * try counter (nextPinState's contract).
 */
export function simulatedDevices(db: DbOrTx) {
  return {
    async lockDevice(serial: string): Promise<SimulatedDevice | null> {
      const [row] = await db
        .select()
        .from(certificates)
        .where(eq(certificates.serial, serial))
        .for('update');
      if (!row) return null;
      return {
        certificate: toCertificate(row),
        privateJwk: parsePrivateJwk(row.privateJwk),
        pins: {
          PIN1: { hash: row.pin1Hash, tries: row.pin1Tries, blocked: row.pin1Blocked },
          PIN2: { hash: row.pin2Hash, tries: row.pin2Tries, blocked: row.pin2Blocked },
        },
      };
    },
    async savePinState(serial: string, kind: PinKind, state: PinState): Promise<void> {
      const set =
        kind === 'PIN1'
          ? { pin1Tries: state.tries, pin1Blocked: state.blocked }
          : { pin2Tries: state.tries, pin2Blocked: state.blocked };
      await db.update(certificates).set(set).where(eq(certificates.serial, serial));
    },
    /** Serials of the Asan İmza registrations on this phone (E.164). */
    async asanSerialsForPhone(phone: string): Promise<string[]> {
      const rows = await db
        .select({ serial: certificates.serial })
        .from(certificates)
        .where(and(eq(certificates.kind, 'ASAN'), eq(certificates.asanPhone, phone)));
      return rows.map((r) => r.serial);
    },
  };
}
