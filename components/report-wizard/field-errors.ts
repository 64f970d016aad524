import type { ActionRefusal } from '@/lib/server/actions';

/** An error as the summary and its field show it. */
export type ShownError = { fieldId?: string; message: string };

/**
 * Every field error of a refusal, mapped to the ids of the form's fields, for the error summary
 * (each entry linking to its field) and the inline messages. A refusal without a list is one.
 */
export function shownErrors(
  refusal: ActionRefusal,
  fieldId: (field: string | undefined) => string | undefined = () => undefined,
): ShownError[] {
  const list = refusal.fieldErrors?.length
    ? refusal.fieldErrors
    : [{ field: refusal.field, message: refusal.message }];
  return list.map((e) => ({ fieldId: fieldId(e.field), message: e.message }));
}

/** The inline message of one field, if it has one. */
export function errorAt(errors: readonly ShownError[], fieldId: string): string | undefined {
  return errors.find((e) => e.fieldId === fieldId)?.message;
}
