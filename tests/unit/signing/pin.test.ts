import { describe, expect, it } from 'vitest';
import { hashPin, nextPinState, verifyPin, type PinState } from '@/auth/signing';

describe('hashPin / verifyPin', () => {
  it('hashes with argon2id and the documented parameters, salted', async () => {
    const first = await hashPin('1234');
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await hashPin('1234')).not.toBe(first);
  });

  it('verifies the right PIN and refuses a wrong one', async () => {
    const pin2 = await hashPin('54321');
    expect(await verifyPin(pin2, '54321')).toBe(true);
    expect(await verifyPin(pin2, '54320')).toBe(false);
    expect(await verifyPin(pin2, '5432')).toBe(false);
  });

  it('answers false, never throws, for a malformed PIN or a corrupt hash', async () => {
    const pin1 = await hashPin('0000');
    expect(await verifyPin(pin1, '')).toBe(false);
    expect(await verifyPin(pin1, '00a0')).toBe(false);
    expect(await verifyPin('not-a-hash', '0000')).toBe(false);
  });

  it.each(['', '123', '123456', '12a4', ' 1234', '١٢٣٤'])('refuses to hash %j', (pin) => {
    expect(() => hashPin(pin)).toThrow(TypeError);
  });
});

describe('nextPinState', () => {
  const fresh: PinState = { tries: 0, blocked: false };

  // Replays a sequence of entries (true = correct PIN) from a fresh card.
  function replay(entries: boolean[]) {
    let state: PinState = fresh;
    return entries.map((correct) => {
      const next = nextPinState(state, correct);
      state = { tries: next.tries, blocked: next.blocked };
      return next.outcome;
    });
  }

  it.each([
    [[true], ['OK']],
    [[false], ['WRONG_PIN']],
    [
      [false, false],
      ['WRONG_PIN', 'WRONG_PIN'],
    ],
    [
      [false, false, false],
      ['WRONG_PIN', 'WRONG_PIN', 'PIN_BLOCKED'],
    ],
    [
      [false, false, false, true],
      ['WRONG_PIN', 'WRONG_PIN', 'PIN_BLOCKED', 'PIN_BLOCKED'],
    ],
    [
      [false, false, true, false, false],
      ['WRONG_PIN', 'WRONG_PIN', 'OK', 'WRONG_PIN', 'WRONG_PIN'],
    ],
    [
      [false, true, false, false, false],
      ['WRONG_PIN', 'OK', 'WRONG_PIN', 'WRONG_PIN', 'PIN_BLOCKED'],
    ],
  ])('%j → %j', (entries, outcomes) => {
    expect(replay(entries)).toEqual(outcomes);
  });

  it('counts tries and tells how many are left', () => {
    expect(nextPinState(fresh, false)).toEqual({
      tries: 1,
      blocked: false,
      outcome: 'WRONG_PIN',
      triesLeft: 2,
    });
    expect(nextPinState({ tries: 2, blocked: false }, false)).toEqual({
      tries: 3,
      blocked: true,
      outcome: 'PIN_BLOCKED',
      triesLeft: 0,
    });
    expect(nextPinState({ tries: 2, blocked: false }, true)).toEqual({
      tries: 0,
      blocked: false,
      outcome: 'OK',
      triesLeft: 3,
    });
  });

  it('refuses the correct PIN on a blocked card, and treats a full counter as blocked', () => {
    expect(nextPinState({ tries: 3, blocked: true }, true).outcome).toBe('PIN_BLOCKED');
    expect(nextPinState({ tries: 0, blocked: true }, true).outcome).toBe('PIN_BLOCKED');
    expect(nextPinState({ tries: 3, blocked: false }, true)).toMatchObject({
      blocked: true,
      outcome: 'PIN_BLOCKED',
    });
  });

  it('honours another maxTries and refuses nonsense counters', () => {
    expect(nextPinState({ tries: 3, blocked: false }, false, 5).outcome).toBe('WRONG_PIN');
    expect(nextPinState({ tries: 4, blocked: false }, false, 5).outcome).toBe('PIN_BLOCKED');
    expect(() => nextPinState(fresh, false, 0)).toThrow(RangeError);
    expect(() => nextPinState({ tries: -1, blocked: false }, false)).toThrow(RangeError);
    expect(() => nextPinState({ tries: 1.5, blocked: false }, false)).toThrow(RangeError);
  });
});
