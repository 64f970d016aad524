import type { ActionRefusal } from '@/lib/server/actions';

export type RefusalState = ActionRefusal | null;

/** A refusal's messages by field, and the summary's entries linked to their fields' ids. */
export function refusalErrors(state: RefusalState, ids: Readonly<Record<string, string>>) {
  const errors =
    state === null
      ? []
      : (state.fieldErrors ?? [{ field: state.field, message: state.message }]).map((e) => ({
          field: e.field,
          message: e.message,
        }));
  return {
    errorOf: (field: string) => errors.find((e) => e.field === field)?.message,
    summary: errors.map((e) => ({
      message: e.message,
      fieldId: e.field && e.field in ids ? ids[e.field] : undefined,
    })),
  };
}
