/** One field's refusal, in the user's language. */
export type FieldError = { field?: string; message: string };

/**
 * A refused action: the field it belongs to (if any) and the message in the user's language.
 * When several fields are wrong, `fieldErrors` lists every one in the form's order and
 * `field`/`message` repeat the first.
 */
export type ActionRefusal = {
  ok: false;
  field?: string;
  message: string;
  link?: { href: string; label: string };
  fieldErrors?: FieldError[];
};
export type ActionResult = { ok: true; message?: string } | ActionRefusal;
