import type { ActionResult } from '@/lib/server/actions';

/** What the staff account forms send (issue 14 §1). */
export type OpenAccountInput = {
  fin: string;
  role: string;
  localBodyCode: string;
  activeFrom: string;
  reason: string;
};

export type AccountFormResult = ActionResult;
