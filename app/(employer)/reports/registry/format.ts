// Dates as the registry shows them: Baku time (UTC+4 all year since 2016), day first.

const BAKU_OFFSET_MS = 4 * 60 * 60 * 1000;

function bakuIso(at: Date): string {
  return new Date(at.getTime() + BAKU_OFFSET_MS).toISOString();
}

/** '15.10.2025' */
export function formatBakuDate(at: Date): string {
  return bakuIso(at).slice(0, 10).split('-').reverse().join('.');
}

/** '15.10.2025 12:00' */
export function formatBakuDateTime(at: Date): string {
  return `${formatBakuDate(at)} ${bakuIso(at).slice(11, 16)}`;
}

/** A 'YYYY-MM-DD' date as '31.03.2025'. */
export function formatIsoDate(date: string): string {
  return date.split('-').reverse().join('.');
}
