/** A server action a plain <form> posts to; what it answers has nowhere to show there. */
export type FormAction = (formData: FormData) => Promise<unknown>;

/**
 * `action` as React's form prop takes it. React ignores what a form's action returns, and an
 * action-client action answers a refusal only for input no rendered form sends (its successes
 * redirect), so nothing is lost by the narrower type. The same function reference, not a wrapper.
 */
export function formAction(action: FormAction): (formData: FormData) => Promise<void> {
  return action as (formData: FormData) => Promise<void>;
}
