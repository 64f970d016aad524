import 'server-only';
import { z } from 'zod';
import { CONTROL_CHARACTERS, LINE_CONTROL_CHARACTERS } from './control-characters';

// The building blocks of every server action's input schema (ARCHITECTURE.md §4). Whatever a
// browser sends — a wrong type, a NUL byte, a megabyte of text — stops here with a field error.

/** A text field of at most `max` characters, without control characters (newlines allowed). */
export const ZText = (max = 500) =>
  z
    .string()
    .max(max)
    .refine((s) => !CONTROL_CHARACTERS.test(s), { message: 'CONTROL_CHARACTERS' });

/** A short single-line text (an identifier, an amount as typed, a code). */
export const ZLine = (max = 100) =>
  z
    .string()
    .max(max)
    .refine((s) => !LINE_CONTROL_CHARACTERS.test(s), { message: 'CONTROL_CHARACTERS' });

/** An id the client hands back. Malformed ones are refused here; unknown ones by the scope. */
export const ZId = z.string().uuid();

/** An amount as the user typed it ("1 234,56"); parseAmount decides what it means. */
export const ZAmountText = ZLine(40);

/** 'YYYY-MM'. */
export const ZMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

/** A wizard step id (F1…F25, REVIEW); the step registry decides which exist. */
export const ZStepId = z.string().regex(/^(F\d{1,2}|REVIEW)$/);

/** A File from a form; its size and type are checked by the use case. */
export const ZFile = z.instanceof(File);

/**
 * FormData (or a plain object) as an object of its text fields, so a form action's input
 * parses with an ordinary object schema. A repeated name keeps its first value.
 */
export function formFields(value: unknown): unknown {
  if (typeof FormData !== 'undefined' && value instanceof FormData) {
    const out: Record<string, FormDataEntryValue> = {};
    for (const [key, entry] of value.entries()) if (!(key in out)) out[key] = entry;
    return out;
  }
  return value;
}

/** A schema over FormData (or an object) via its fields. */
export const ZForm = <T extends z.ZodRawShape>(shape: T) =>
  z.preprocess(formFields, z.object(shape));

/**
 * The FormData React appends when a bound action is a form's action, for actions that ignore
 * it (a plain "DAVAM ET" form): optional, so a direct call without it parses too.
 */
export const ZFormIgnored = z.unknown().optional();
