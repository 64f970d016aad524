// The shape every report check answers in (DOMAIN.md §6): severity, stable code, and the step,
// person and month it concerns, so the UI can link each message to where it is fixed.
import type { MonthKey } from '../calendar';
import type { MessageParams } from '../result';

export type Severity = 'blocking' | 'warning' | 'info';

export interface ValidationResult {
  readonly severity: Severity;
  readonly code: string;
  readonly step: string;
  readonly fin?: string;
  readonly month?: MonthKey;
  readonly params: MessageParams;
}

/** True when nothing blocks sending. DOMAIN.md §6 (blocking errors prevent sending). */
export function canSend(results: readonly ValidationResult[]): boolean {
  return results.every((r) => r.severity !== 'blocking');
}
