import { createHash } from 'node:crypto';

/** A small seeded PRNG (mulberry32): the demo data must be the same on every machine and run. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  };
  return { next, int, pick };
}
export type Random = ReturnType<typeof createRandom>;

/** A UUID derived from a stable key, so re-seeding yields the same ids. */
export function stableUuid(key: string): string {
  const h = createHash('sha256').update(`hesabat:${key}`).digest('hex');
  // Shape it as a version-4/variant-1 UUID so validators accept it.
  const variant = ((parseInt(h.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const FIN_ALPHABET = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** FINs of ID cards use digits and Latin letters without I and O (DOMAIN.md §9). */
export function makeFin(random: Random, taken: Set<string>): string {
  for (;;) {
    let fin = '';
    for (let i = 0; i < 7; i++) fin += FIN_ALPHABET.charAt(random.int(0, FIN_ALPHABET.length - 1));
    if (!taken.has(fin)) {
      taken.add(fin);
      return fin;
    }
  }
}
