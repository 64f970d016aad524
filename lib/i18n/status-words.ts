// One word per status, everywhere a report's or a sending's status is named: the registry's
// badge and search, the status timeline, the sendings table, the outcome after "GÖNDƏR" and
// the receipt (its words in *-receipts.json must equal these; a unit test holds them together).

/** The statuses that have a word (messages `reportStatus.<key>`). */
export const STATUS_WORD_KEYS = ['DRAFT', 'RECEIVED', 'ACCEPTED', 'RETURNED', 'REPLACED'] as const;
export type StatusWordKey = (typeof STATUS_WORD_KEYS)[number];

/**
 * The word key of a report status (DRAFT, SENT, ACCEPTED, RETURNED, REPLACED) or of a sending
 * and history status (RECEIVED, ACCEPTED, RETURNED, REPLACED). A sent report is one the fund
 * has received and not yet decided, so SENT reads as RECEIVED. Unknown statuses give null.
 */
export function statusWordKey(status: string): StatusWordKey | null {
  if (status === 'SENT') return 'RECEIVED';
  return (STATUS_WORD_KEYS as readonly string[]).includes(status)
    ? (status as StatusWordKey)
    : null;
}
