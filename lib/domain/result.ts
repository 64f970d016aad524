// The shared outcome type of every domain function: a value, or a stable code the UI can
// translate (messages catalogue). Domain functions never throw for bad input.

/** A value parameter for a message template; money and months are formatted per locale. */
export type MessageParam =
  | string
  | number
  | { readonly kind: 'money'; readonly qepik: number }
  | { readonly kind: 'month'; readonly month: string };

export type MessageParams = Readonly<Record<string, MessageParam>>;

export type Ok<T> = { readonly ok: true; readonly value: T };
export type Err<C extends string> = {
  readonly ok: false;
  readonly code: C;
  readonly params?: MessageParams;
};
export type Result<T, C extends string = string> = Ok<T> | Err<C>;

/** Wraps a value as a successful result. */
export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

/** Builds a coded failure; params feed the message template. */
export function err<C extends string>(code: C, params?: MessageParams): Err<C> {
  return params === undefined ? { ok: false, code } : { ok: false, code, params };
}
