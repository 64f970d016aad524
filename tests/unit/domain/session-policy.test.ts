import { describe, expect, it } from 'vitest';
import {
  SESSION_IDLE_SECONDS,
  sessionExpiresAt,
  sessionStateAt,
} from '@/lib/domain/session-policy';

const T0 = new Date('2026-11-25T06:00:00Z');
const plus = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const live = { lastSeenAt: T0, expiresAt: sessionExpiresAt('EMPLOYER', T0), endedAt: null };

describe('session policy (issue 12 §1)', () => {
  it('ends an employer session 8 hours after sign-in, however busy', () => {
    expect(sessionExpiresAt('EMPLOYER', T0)).toEqual(plus(8 * 3600));
    const busy = { ...live, lastSeenAt: plus(8 * 3600 - 1) };
    expect(sessionStateAt(busy, plus(8 * 3600 - 1))).toEqual({ live: true, touch: false });
    expect(sessionStateAt(busy, plus(8 * 3600))).toEqual({ live: false, end: 'EXPIRED' });
  });

  it('ends a session idle for more than 30 minutes', () => {
    expect(SESSION_IDLE_SECONDS).toBe(1800);
    expect(sessionStateAt(live, plus(1800))).toEqual({ live: true, touch: true });
    expect(sessionStateAt(live, plus(1801))).toEqual({ live: false, end: 'IDLE' });
  });

  it('writes the last-seen time at most once a minute', () => {
    expect(sessionStateAt(live, plus(59))).toEqual({ live: true, touch: false });
    expect(sessionStateAt(live, plus(60))).toEqual({ live: true, touch: true });
  });

  it('an ended session stays ended', () => {
    expect(sessionStateAt({ ...live, endedAt: plus(1) }, plus(2))).toEqual({
      live: false,
      end: 'ENDED',
    });
  });

  it('idles a staff session out after 15 minutes, an employer one after 30 (issue 14 §2)', () => {
    const staff = { ...live, expiresAt: sessionExpiresAt('STAFF', T0) };
    expect(sessionStateAt(staff, plus(900), 'STAFF')).toEqual({ live: true, touch: true });
    expect(sessionStateAt(staff, plus(901), 'STAFF')).toEqual({ live: false, end: 'IDLE' });
    expect(sessionStateAt(staff, plus(901), 'EMPLOYER').live).toBe(true);
  });
});
