import { describe, expect, it } from 'vitest';
import { atInstant, now } from '@/lib/server/clock';

// The demo history files past quarters at their filing instants while `next dev` already serves
// the first visitor: the pin must hold inside its work and nowhere beside it.
describe('atInstant', () => {
  it('pins now() inside the work, through awaits, and not in work running beside it', async () => {
    const past = new Date('2025-04-15T06:00:00Z');
    const seenBeside: Date[] = [];
    const beside = (async () => {
      for (let i = 0; i < 5; i++) {
        await new Promise((r) => setTimeout(r, 1));
        seenBeside.push(now());
      }
    })();
    const inside = await atInstant(past, async () => {
      const first = now();
      await new Promise((r) => setTimeout(r, 5));
      return [first, now()];
    });
    await beside;
    expect(inside.map((d) => d.toISOString())).toEqual([past.toISOString(), past.toISOString()]);
    for (const d of seenBeside) expect(d.getFullYear()).toBeGreaterThanOrEqual(2026);
    expect(now().getTime()).not.toBe(past.getTime());
  });
});
