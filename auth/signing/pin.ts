import { hash, verify, type Algorithm } from '@node-rs/argon2';

/*
 * PINs of the simulated cards and phones. A 4- or 5-digit PIN has at most 10^5 values, so no hash
 * stops an offline search once the hash leaks; argon2id only makes each guess cost ~20 MB and some
 * milliseconds. What really protects a PIN is the try counter below, as on a real smart card.
 *
 * Parameters: argon2id, 19 MiB, 2 passes, 1 lane — the OWASP minimum profile. Modest on purpose:
 * the seed and the test suites hash dozens of PINs and must stay fast. The PHC string records the
 * parameters, so raising them later leaves existing hashes verifiable.
 */

/** Argon2id; the package's const enum cannot be read under `isolatedModules`, so its value. */
const ARGON2ID = 2 as Algorithm;
const PIN_HASH_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** PIN1 has 4 digits (login), PIN2 has 5 (signing): DOMAIN §9. */
const PIN_FORMAT = /^\d{4,5}$/;

/** Argon2id PHC hash of a PIN for the simulated card; throws TypeError unless 4–5 digits. DOMAIN §9–§10. */
export function hashPin(pin: string): Promise<string> {
  if (!PIN_FORMAT.test(pin)) throw new TypeError('hashPin: a PIN is 4 or 5 digits');
  return hash(pin, PIN_HASH_OPTIONS);
}

/**
 * Whether `pin` matches the stored hash. Never throws: a malformed PIN or a corrupt hash is simply
 * not a match. The caller counts the try with `nextPinState`. DOMAIN §9–§10.
 */
export async function verifyPin(pinHash: string, pin: string): Promise<boolean> {
  if (!PIN_FORMAT.test(pin)) return false;
  try {
    return await verify(pinHash, pin);
  } catch {
    return false;
  }
}

export type PinOutcome = 'OK' | 'WRONG_PIN' | 'PIN_BLOCKED';

/** The stored try counter of one PIN of one card or phone. */
export interface PinState {
  tries: number;
  blocked: boolean;
}

/**
 * The try counter after one PIN entry (pure). A correct PIN resets the counter; the `maxTries`-th
 * consecutive wrong PIN blocks and answers PIN_BLOCKED at once, so the holder learns it on that
 * try; a blocked PIN refuses even the correct value (only the issuer unblocks). The caller must
 * persist the new state atomically with the check (one UPDATE, or a row lock) so parallel
 * attempts cannot each see the old count. DOMAIN §9 (3 wrong tries block), SPEC A2/A3.
 */
export function nextPinState(
  state: PinState,
  correct: boolean,
  maxTries = 3,
): PinState & { outcome: PinOutcome; triesLeft: number } {
  if (!Number.isSafeInteger(maxTries) || maxTries < 1) {
    throw new RangeError('nextPinState: maxTries must be a positive integer');
  }
  const { tries } = state;
  if (!Number.isSafeInteger(tries) || tries < 0) {
    throw new RangeError('nextPinState: tries must be a non-negative integer');
  }
  // A counter already at the limit is treated as blocked even if the flag was never written.
  if (state.blocked || tries >= maxTries) {
    return { tries, blocked: true, outcome: 'PIN_BLOCKED', triesLeft: 0 };
  }
  if (correct) return { tries: 0, blocked: false, outcome: 'OK', triesLeft: maxTries };
  const wrong = tries + 1;
  if (wrong >= maxTries)
    return { tries: wrong, blocked: true, outcome: 'PIN_BLOCKED', triesLeft: 0 };
  return { tries: wrong, blocked: false, outcome: 'WRONG_PIN', triesLeft: maxTries - wrong };
}
