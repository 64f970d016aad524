/** A SHA-256 digest as 64 hex digits; the only shape a signing session's hash may take. */
export const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * The 4-digit verification code shown both on our page and on the simulated card dialog / phone,
 * so the holder can see they are confirming this very request (the Mobile-ID control code).
 *
 * Derivation: the first 4 bytes of the hash read as a big-endian unsigned 32-bit integer, modulo
 * 10 000, left-padded with zeros to 4 digits. The modulo bias (2^32 mod 10^4 = 7296) shifts each
 * code's probability by under 10^-6, which is irrelevant for a visual comparison.
 * Throws TypeError unless `hashHex` is 64 hex digits (either case). SPEC A2/A3, DOMAIN §10.
 */
export function verificationCode(hashHex: string): string {
  const hex = hashHex.toLowerCase();
  if (!SHA256_HEX.test(hex)) {
    throw new TypeError('verificationCode: expected a SHA-256 digest as 64 hex digits');
  }
  const leading = Number.parseInt(hex.slice(0, 8), 16);
  return String(leading % 10_000).padStart(4, '0');
}
