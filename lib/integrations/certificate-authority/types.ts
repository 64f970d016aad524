import type { PublicSigningJwk } from '@/auth/signing';

export type CertificateKind = 'CARD' | 'ASAN';
export type CertificateStatus = 'ACTIVE' | 'REVOKED' | 'EXPIRED';

/** A certificate as the authority publishes it: never the private key or the PIN state. */
export type Certificate = {
  serial: string;
  kind: CertificateKind;
  holderFin: string;
  /** E-signature card number (CARD), else null. */
  cardNumber: string | null;
  /** Asan İmza phone in E.164 and User ID (ASAN), else null. */
  asanPhone: string | null;
  asanUserId: string | null;
  issuer: string;
  notBefore: Date;
  notAfter: Date;
  status: CertificateStatus;
  publicJwk: PublicSigningJwk;
};

/** One line of the e-signature "signing program" dialog (SPEC A2). */
export type CardCertificateListing = {
  serial: string;
  holderFin: string;
  surname: string;
  name: string;
  patronymic: string;
  cardNumber: string;
  notAfter: Date;
  status: CertificateStatus;
};

/**
 * Port to the certificate authority (e-signature cards and Asan İmza). The simulated adapter
 * reads our certificates table; a real one would query the CA. Identifiers must be normalised
 * by the caller (lib/domain/identifiers). DOMAIN.md §10.
 */
export type CertificateAuthority = {
  findCertificateBySerial(serial: string): Promise<Certificate | null>;
  /** Every CARD certificate with its holder's name, by surname, name, patronymic (az collation). */
  listCardCertificates(): Promise<CardCertificateListing[]>;
  findCardCertificate(cardNumber: string): Promise<Certificate | null>;
  findAsanCertificate(phone: string, userId: string): Promise<Certificate | null>;
};
