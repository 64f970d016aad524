/** A refused action: the field it belongs to (if any) and the message in the user's language. */
export type ActionRefusal = { ok: false; field?: string; message: string; link?: { href: string; label: string } };
export type ActionResult = { ok: true; message?: string } | ActionRefusal;
