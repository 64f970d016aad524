import 'server-only';

/** A warning confirmed on the check page (DOMAIN.md §6: warnings need a reason). */
export type StoredConfirmation = {
  reason: string;
  /** The difference the reason was given for; a different one needs a new confirmation. */
  differenceQepik: number;
  confirmedByFin: string;
  confirmedAt: string;
};

/** reports.confirmations as stored (jsonb), keeping only well-formed entries. */
export function readConfirmations(value: unknown): Record<string, StoredConfirmation> {
  const result: Record<string, StoredConfirmation> = {};
  if (typeof value !== 'object' || value === null) return result;
  for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
    const e = entry as Partial<StoredConfirmation> | null;
    if (e && typeof e.reason === 'string' && typeof e.differenceQepik === 'number') {
      result[key] = {
        reason: e.reason,
        differenceQepik: e.differenceQepik,
        confirmedByFin: String(e.confirmedByFin ?? ''),
        confirmedAt: String(e.confirmedAt ?? ''),
      };
    }
  }
  return result;
}
