import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { employers } from './employers';
import { registryPersons } from './registry';

export const CERTIFICATE_KINDS = ['CARD', 'ASAN'] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];
export const CERTIFICATE_STATUSES = ['ACTIVE', 'REVOKED', 'EXPIRED'] as const;

/**
 * Certificates of the simulated certificate authority: e-signature cards (card number) and Asan
 * İmza registrations (phone + User ID). Each holds a real ECDSA P-256 key pair; the private key
 * is here only because the simulator plays the card and the phone (a real CA never shares it).
 */
export const certificates = pgTable(
  'certificates',
  {
    serial: text('serial').primaryKey(),
    kind: text('kind', { enum: CERTIFICATE_KINDS }).notNull(),
    holderFin: text('holder_fin')
      .notNull()
      .references(() => registryPersons.fin),
    cardNumber: text('card_number'),
    asanPhone: text('asan_phone'),
    asanUserId: text('asan_user_id'),
    issuer: text('issuer').notNull(),
    notBefore: timestamp('not_before', { withTimezone: true }).notNull(),
    notAfter: timestamp('not_after', { withTimezone: true }).notNull(),
    status: text('status', { enum: CERTIFICATE_STATUSES }).notNull().default('ACTIVE'),
    publicJwk: jsonb('public_jwk').notNull(),
    privateJwk: jsonb('private_jwk').notNull(),
    pin1Hash: text('pin1_hash').notNull(),
    pin2Hash: text('pin2_hash').notNull(),
    pin1Tries: integer('pin1_tries').notNull().default(0),
    pin2Tries: integer('pin2_tries').notNull().default(0),
    pin1Blocked: boolean('pin1_blocked').notNull().default(false),
    pin2Blocked: boolean('pin2_blocked').notNull().default(false),
  },
  (t) => [
    index('certificates_holder_idx').on(t.holderFin),
    uniqueIndex('certificates_card_uq').on(t.cardNumber),
    uniqueIndex('certificates_asan_uq').on(t.asanPhone, t.asanUserId),
    check(
      'certificates_kind_chk',
      sql`(${t.kind} = 'CARD' and ${t.cardNumber} is not null) or (${t.kind} = 'ASAN' and ${t.asanPhone} is not null and ${t.asanUserId} is not null)`,
    ),
  ],
);

export const SIGNING_PURPOSES = ['LOGIN', 'SIGN'] as const;
export const SIGNING_METHODS = ['ESIGN', 'ASAN'] as const;
export const SIGNING_STATUSES = [
  'PENDING',
  'OK',
  'USER_CANCELLED',
  'TIMEOUT',
  'WRONG_PIN',
  'PIN_BLOCKED',
  'CERTIFICATE_EXPIRED',
  'CERTIFICATE_REVOKED',
] as const;
export type SigningStatus = (typeof SIGNING_STATUSES)[number];

/**
 * One mechanism for login and for documents (DOMAIN.md §10): the hash to sign, the 4-digit
 * verification code shown on both screens, and the device's answer. A session is consumed once.
 */
export const signingSessions = pgTable(
  'signing_sessions',
  {
    id: uuid('id').primaryKey(),
    purpose: text('purpose', { enum: SIGNING_PURPOSES }).notNull(),
    method: text('method', { enum: SIGNING_METHODS }).notNull(),
    certificateSerial: text('certificate_serial')
      .notNull()
      .references(() => certificates.serial),
    employerId: uuid('employer_id').references(() => employers.id),
    documentKind: text('document_kind'),
    /** The login challenge or the canonical JSON of the document, exactly as hashed. */
    payload: text('payload').notNull(),
    hash: text('hash').notNull(),
    verificationCode: text('verification_code').notNull(),
    status: text('status', { enum: SIGNING_STATUSES }).notNull().default('PENDING'),
    jws: text('jws'),
    triesLeft: integer('tries_left'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
    requestIp: text('request_ip'),
    /**
     * SHA-256 (hex) of the secret in the starting browser's `hesabat-signing` cookie (issue 12
     * §3): only that browser may poll, finish or cancel the session. Null on rows made before it
     * existed, which no browser can then use.
     */
    browserHash: text('browser_hash'),
  },
  (t) => [
    index('signing_sessions_cert_idx').on(t.certificateSerial, t.status),
    index('signing_sessions_employer_idx').on(t.employerId),
  ],
);

/** Signed documents, append-only (trigger): what was signed, by whom, with which certificate, when. */
export const signedDocuments = pgTable(
  'signed_documents',
  {
    id: uuid('id').primaryKey(),
    employerId: uuid('employer_id')
      .notNull()
      .references(() => employers.id),
    documentKind: text('document_kind').notNull(),
    canonicalJson: text('canonical_json').notNull(),
    hash: text('hash').notNull(),
    jws: text('jws').notNull(),
    certificateSerial: text('certificate_serial')
      .notNull()
      .references(() => certificates.serial),
    signerFin: text('signer_fin').notNull(),
    signingSessionId: uuid('signing_session_id')
      .notNull()
      .references(() => signingSessions.id),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('signed_documents_employer_idx').on(t.employerId, t.signedAt),
    uniqueIndex('signed_documents_session_uq').on(t.signingSessionId),
    index('signed_documents_hash_idx').on(t.hash),
  ],
);
