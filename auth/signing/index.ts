/* Cryptographic core of signing sessions (login and document signatures): DOMAIN §10. */
export { canonicalJson, documentHash, sha256Hex } from './canonical-json';
export { SHA256_HEX, verificationCode } from './verification-code';
export {
  generateSigningKeyPair,
  importPrivateKey,
  importPublicKey,
  parsePrivateJwk,
  parsePublicJwk,
  publicJwkThumbprint,
  type PrivateSigningJwk,
  type PublicSigningJwk,
} from './keys';
export {
  SIGNING_JWS_TYPE,
  signPayload,
  verifySignature,
  type SignatureCheck,
  type SignatureFailureCode,
  type SigningPayload,
  type SigningPurpose,
  type VerifySignatureInput,
} from './jws';
export { hashPin, nextPinState, verifyPin, type PinOutcome, type PinState } from './pin';
