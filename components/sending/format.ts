// Pure helpers of the sending screens: no react, no server.
import { formatDate, formatDateTime } from '@/lib/i18n/format-date';

/** An instant as '15.10.2025 12:00' in Baku time (the one UI formatter). */
export function formatBakuDateTime(at: Date): string {
  return formatDateTime(at);
}

/** A 'YYYY-MM-DD' date as '31.03.2025'. */
export function formatDayDate(date: string): string {
  return formatDate(date);
}

/** Whole seconds from `nowMs` until `expiresAt` (ISO), never below 0. */
export function secondsUntil(expiresAt: string, nowMs: number): number {
  const end = Date.parse(expiresAt);
  if (Number.isNaN(end)) return 0;
  return Math.max(0, Math.ceil((end - nowMs) / 1000));
}

/** 95 → '1:35'. */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** The difference after − before (the diff table's last column). */
export function changeOf(beforeValue: number, afterValue: number): number {
  return afterValue - beforeValue;
}

export type Quarter = { year: number; quarter: number };

/** The quarter before the one containing the Baku date `today` ('YYYY-MM-DD'). */
export function previousQuarter(today: string): Quarter {
  const year = Number(today.slice(0, 4));
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  return quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: quarter - 1 };
}

/**
 * The quarter the "GÖNDƏR" panel starts on (SPEC G3): the latest quarter that has drafts,
 * otherwise the quarter before today's (the one normally being filed).
 */
export function defaultSendQuarter(draftQuarters: readonly Quarter[], today: string): Quarter {
  let latest: Quarter | null = null;
  for (const q of draftQuarters) {
    if (!latest || q.year > latest.year || (q.year === latest.year && q.quarter > latest.quarter))
      latest = q;
  }
  return latest ?? previousQuarter(today);
}

/** The years the panel offers: 2019 (the first reporting year) up to `currentYear`, newest first. */
export function sendYears(currentYear: number): number[] {
  const years: number[] = [];
  for (let y = currentYear; y >= 2019; y -= 1) years.push(y);
  return years;
}

/** Only digits, at most `length` of them (the PIN fields). */
export function pinDigits(value: string, length: number): string {
  return value.replace(/\D/g, '').slice(0, length);
}
