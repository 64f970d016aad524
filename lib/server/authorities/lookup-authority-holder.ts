import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { certificates } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { populationRegistry } from '@/lib/integrations/population-registry';
import { normalizeMobile, validateCardNumber, validateFin } from '@/lib/domain/identifiers';
import { assertScopeService, type EmployerScope } from '../access';
import { now, todayInBaku } from '../clock';
import { AppError } from '../errors';
import { isCertificateValidAt } from './authority-status';

export type AuthorityMethod = 'ESIGN' | 'ASAN';

export type AuthorityHolderInput = {
  method: AuthorityMethod;
  /** E-signature card number (method ESIGN). */
  cardNumber?: string;
  /** Asan İmza mobile number in any accepted spelling (method ASAN). */
  phone?: string;
  fin: string;
};

export type AuthorityHolder = {
  method: AuthorityMethod;
  /** The normalised card number or E.164 phone, as the registry of authorities shows it. */
  deviceRef: string;
  person: { fin: string; surname: string; name: string; patronymic: string; birthDate: string };
  /** notAfter is the certificate's last valid day in Baku ('YYYY-MM-DD'). */
  certificate: { serial: string; notAfter: string };
};

/** A FIN from an ID card (DİN) or, failing that, a residence permit (Miqrasiya). SPEC C4. */
function normalizeHolderFin(input: string): string {
  const din = validateFin(input, 'DIN');
  if (din.ok) return din.value;
  const permit = validateFin(input, 'MIGRATION');
  if (permit.ok) return permit.value;
  throw new AppError('FIN_FORMAT', { field: 'fin' });
}

/**
 * "Təsdiqlə" of the grant form (SPEC C3): validates the card number or phone and the FIN, finds
 * the holder's certificate for that device (ACTIVE and valid at `asOf`) and returns the person
 * from the population registry. Coded errors name the form field they belong to.
 */
export async function lookupAuthorityHolder(
  db: DbOrTx,
  scope: EmployerScope,
  input: AuthorityHolderInput,
  asOf: Date = now(),
): Promise<AuthorityHolder> {
  assertScopeService(scope, 'AUTHORITIES');
  let deviceField: 'cardNumber' | 'phone';
  let deviceRef: string;
  if (input.method === 'ESIGN') {
    deviceField = 'cardNumber';
    const card = validateCardNumber(input.cardNumber ?? '');
    if (!card.ok) throw new AppError('CARD_NUMBER_FORMAT', { field: deviceField });
    deviceRef = card.value;
  } else if (input.method === 'ASAN') {
    deviceField = 'phone';
    const phone = normalizeMobile(input.phone ?? '');
    if (!phone.ok) throw new AppError('PHONE_FORMAT', { field: deviceField });
    deviceRef = phone.value;
  } else {
    throw new AppError('METHOD_UNKNOWN', { field: 'method' });
  }
  const fin = normalizeHolderFin(input.fin);

  const candidates = await db
    .select()
    .from(certificates)
    .where(
      and(
        eq(certificates.holderFin, fin),
        input.method === 'ESIGN'
          ? and(eq(certificates.kind, 'CARD'), eq(certificates.cardNumber, deviceRef))
          : and(eq(certificates.kind, 'ASAN'), eq(certificates.asanPhone, deviceRef)),
      ),
    )
    .orderBy(desc(certificates.notAfter));
  // One answer for "no such device" and "device of someone else": the registry is not a
  // directory of who owns which card. The certificate-authority port has no lookup by phone
  // alone (it takes phone + User ID), so the simulated table is read here directly.
  if (candidates.length === 0) throw new AppError('HOLDER_NOT_FOUND', { field: deviceField });
  const certificate = candidates.find((c) => isCertificateValidAt(c, asOf));
  if (!certificate) throw new AppError('CERTIFICATE_NOT_VALID', { field: deviceField });

  const found = await populationRegistry(db).findPerson(fin);
  if (!found) throw new AppError('HOLDER_NOT_FOUND', { field: deviceField });
  // C4: a FIN read from an ID card must follow the stricter DİN rule (no I or O).
  if (found.documentType === 'DIN' && !validateFin(fin, 'DIN').ok) {
    throw new AppError('FIN_FORMAT', { field: 'fin' });
  }
  const { surname, name, patronymic, birthDate } = found;
  const person = { fin, surname, name, patronymic, birthDate };

  return {
    method: input.method,
    deviceRef,
    person,
    certificate: { serial: certificate.serial, notAfter: todayInBaku(certificate.notAfter) },
  };
}
