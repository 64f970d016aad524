import 'server-only';
import { revalidatePath } from 'next/cache';
import { notFound, redirect, unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import type { Service } from '@/db/schema';
import { serverLocale } from '@/lib/i18n/server-locale';
import type { Locale } from '@/lib/i18n/locales';
import {
  auditAccessDenied,
  requireEmployerAccess,
  requirePrincipal,
  requireStaff,
  runScoped,
  runStaffScoped,
  type EmployerScope,
  type StaffRole,
  type StaffScope,
} from './access';
import { findControlCharacters } from './control-characters';
import { getDb } from './db';
import { errorMessage } from './error-messages';
import { isAppError, type AppError, type AppErrorCode } from './errors';
import type { Principal } from './principal';
import { currentRequestContext } from './request-context';
import { toUserErrors } from './user-error';

// The one way to make a server action (ARCHITECTURE.md §4; the shape of Dub's authActionClient
// and GC Forms' AuthenticatedAction, in one small file rather than next-safe-action: its result
// envelope — { data, serverError, validationErrors } — would change every form of the app, and
// the guard, the error family and the audit are ours anyway). Each action, in order:
//   guard → parse the arguments with the action's zod schema → run → coded refusal to words →
//   redirect outside the try.
// Bad input of any shape is a form refusal, never a 500; another employer's id is a 404 and an
// audit row; anything else that throws is a bug and reaches the error page without its text.

/** One field's refusal, in the user's language. */
export type FieldError = { field?: string; message: string };

/**
 * A refused action: the code, the field it belongs to (if any) and the message in the user's
 * language. When several fields are wrong, `fieldErrors` lists every one in the form's order
 * and `field`/`message` repeat the first.
 */
export type ActionRefusal = {
  ok: false;
  code?: AppErrorCode;
  field?: string;
  message: string;
  link?: { href: string; label: string };
  fieldErrors?: FieldError[];
};

/** What a form action answers: done (with what the action adds), or refused. */
export type ActionResult<T extends object = object> =
  ({ ok: true; message?: string } & T) | ActionRefusal;

const REDIRECT = Symbol('redirect');
/** A run's request to move the browser on, carried out after the try (redirect throws). */
export type RedirectTo = { readonly [REDIRECT]: string };

export function redirectTo(href: string): RedirectTo {
  return { [REDIRECT]: href };
}

function isRedirectTo(value: unknown): value is RedirectTo {
  return typeof value === 'object' && value !== null && REDIRECT in value;
}

type Outcome<R> = Promise<Exclude<R, RedirectTo> | ActionRefusal>;

/** A refusal from a coded error: every field error it carries, the first repeated on top. */
async function refusal(error: AppError): Promise<ActionRefusal> {
  const locale = await serverLocale();
  const errors = toUserErrors(error, locale);
  const [first] = errors;
  return {
    ok: false,
    code: error.code,
    field: first?.field,
    message: first?.message ?? errorMessage('VALIDATION', {}, locale),
    ...(errors.length > 1
      ? { fieldErrors: errors.map((e) => ({ field: e.field, message: e.message })) }
      : {}),
  };
}

/**
 * Input that does not fit the schema. The field is the path inside an argument (the argument's
 * own position is the action's business, not the user's); the words say what is wrong without
 * echoing the input.
 */
async function invalidInput(issues: readonly z.core.$ZodIssue[]): Promise<ActionRefusal> {
  const locale = await serverLocale();
  const errors = issues.slice(0, 20).map((issue) => {
    const path = issue.path.slice(1).map(String).join('.');
    const code: AppErrorCode =
      issue.code === 'too_big' && issue.origin === 'string'
        ? 'TEXT_TOO_LONG'
        : issue.message === 'CONTROL_CHARACTERS'
          ? 'TEXT_CONTROL_CHARACTERS'
          : 'INPUT_INVALID';
    const params: Record<string, number> =
      code === 'TEXT_TOO_LONG' && 'maximum' in issue ? { max: Number(issue.maximum) } : {};
    return { ...(path ? { field: path } : {}), message: errorMessage(code, params, locale), code };
  });
  const [first] = errors;
  return {
    ok: false,
    code: first?.code ?? 'INPUT_INVALID',
    field: first?.field,
    message: first?.message ?? errorMessage('INPUT_INVALID', {}, locale),
    ...(errors.length > 1
      ? { fieldErrors: errors.map(({ field, message }) => ({ field, message })) }
      : {}),
  };
}

type Definition<Ctx, A extends readonly unknown[], R> = {
  guard: () => Promise<Ctx>;
  schema: z.ZodType<A>;
  run: (ctx: Ctx, ...args: A) => Promise<R>;
  /** Audits a NOT_FOUND the run raised: an id outside the caller's scope is a probe. */
  onNotFound?: (ctx: Ctx, error: AppError) => Promise<void>;
};

function defineAction<Ctx, A extends readonly unknown[], R>(
  definition: Definition<Ctx, A, R>,
): (...raw: unknown[]) => Outcome<R> {
  return async (...raw: unknown[]) => {
    // The guard's own redirects (to the login, the employer choice) and 404s pass through.
    const ctx = await definition.guard();
    // Before any schema: a control character anywhere in the arguments (a field of an object,
    // a FormData entry, a file's name) is refused once here, whatever the action's schema says.
    const control = findControlCharacters(raw);
    if (control)
      return invalidInput([
        { code: 'custom', message: 'CONTROL_CHARACTERS', path: control, input: undefined },
      ]);
    const parsed = definition.schema.safeParse(raw);
    if (!parsed.success) return invalidInput(parsed.error.issues);
    let result: R;
    try {
      result = await definition.run(ctx, ...parsed.data);
    } catch (error) {
      unstable_rethrow(error);
      if (!isAppError(error)) throw error;
      if (error.code === 'NOT_FOUND') {
        await definition.onNotFound?.(ctx, error);
        notFound();
      }
      return refusal(error);
    }
    if (isRedirectTo(result)) redirect(result[REDIRECT]);
    return result as Exclude<R, RedirectTo>;
  };
}

type Options = {
  /** The action's name in the audit log, when it refuses an id outside the scope. */
  name?: string;
};

/** For everyone: sign-in, the public /verify page, the language switch. */
export function publicAction<A extends readonly unknown[], R>(
  schema: z.ZodType<A>,
  run: (ctx: { locale: Locale }, ...args: A) => Promise<R>,
): (...raw: unknown[]) => Outcome<R> {
  return defineAction({ guard: async () => ({ locale: await serverLocale() }), schema, run });
}

/** For a signed-in person, before or regardless of the employer chosen (the employer choice). */
export function principalAction<A extends readonly unknown[], R>(
  schema: z.ZodType<A>,
  run: (principal: Principal, ...args: A) => Promise<R>,
  options: Options = {},
): (...raw: unknown[]) => Outcome<R> {
  return defineAction({
    guard: requirePrincipal,
    schema,
    run,
    onNotFound: async (principal, error) =>
      auditAccessDenied(await getDb(), principal, principal.employerId, {
        action: options.name ?? 'principalAction',
        reason: 'NOT_IN_SCOPE',
        ...error.params,
      }),
  });
}

/**
 * For a person acting for the chosen employer in `service` (lib/server/access.ts decides). The
 * run gets the scope; every id it is handed is re-loaded through it by the use case.
 */
export function employerAction<A extends readonly unknown[], R>(
  service: Service,
  schema: z.ZodType<A>,
  run: (scope: EmployerScope, ...args: A) => Promise<R>,
  options: Options = {},
): (...raw: unknown[]) => Outcome<R> {
  const name = options.name ?? `employerAction:${service}`;
  return defineAction({
    guard: () => requireEmployerAccess(service),
    schema,
    // The audit of an id outside the scope is runScoped's, the path pages and the access
    // matrix share; the client then only turns the NOT_FOUND into a 404.
    run: async (scope, ...args) => runScoped(await getDb(), scope, name, () => run(scope, ...args)),
  });
}

/**
 * For fund staff whose role covers `role` (SPEC H1, issue 14 §2; lib/server/access.ts decides).
 * The run gets the staff scope; an id outside its local body is audited by runStaffScoped and
 * answers 404.
 */
export function staffAction<A extends readonly unknown[], R>(
  role: StaffRole | null,
  schema: z.ZodType<A>,
  run: (scope: StaffScope, ...args: A) => Promise<R>,
  options: Options = {},
): (...raw: unknown[]) => Outcome<R> {
  const name = options.name ?? `staffAction:${role ?? 'ANY'}`;
  return defineAction({
    guard: () => requireStaff(role ?? undefined),
    schema,
    run: async (scope, ...args) =>
      runStaffScoped(await getDb(), scope, name, () => run(scope, ...args)),
  });
}

/** Marks pages as changed after an action; outside a request (tests, scripts) there are none. */
export function revalidate(...paths: string[]): void {
  if (currentRequestContext()) return;
  for (const path of paths) revalidatePath(path);
}

/**
 * Marks every page and layout as changed: the signed-in frame (the header names the employer)
 * is read from the session's row, which the action changed without touching a cookie.
 */
export function revalidateFrame(): void {
  if (currentRequestContext()) return;
  revalidatePath('/', 'layout');
}

/**
 * An action for a plain form post (`<form action={…}>`, which works without JavaScript): React
 * reads no answer there, so the action's refusal — input from a tampered form — leaves the page
 * as it was; the run still redirects (a registry's flash) and a 404 is still a 404. Typed as
 * React's form action, which an action that answers a refusal is not.
 */
export function formPost(
  action: (...raw: unknown[]) => Promise<unknown>,
): (formData: FormData) => Promise<void> {
  return async (formData) => {
    await action(formData);
  };
}
