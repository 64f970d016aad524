'use client';

import type { ClipboardEvent, FocusEvent } from 'react';
import { Field } from './field';
import { normalizeFor, valueAfterPaste, type IdentifierKind } from './identifier-input';

type Props = Omit<Parameters<typeof Field>[0], 'maxLength'> & { kind?: IdentifierKind };

/**
 * Sets an input's value the way typing does, so React's onChange (controlled fields) and the
 * form's submitted value (uncontrolled ones) both see it.
 */
function replaceValue(input: HTMLInputElement, value: string) {
  if (input.value === value) return;
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * A Field for an identifier — FIN, card number, VÖEN, User ID, receipt number (DOMAIN.md §9).
 * It has no maxLength: a browser cuts pasted text at the limit before anything can trim it, so
 * ' 3ht8r4n' became ' 3ht8r4'. Pasted text is normalised at once (trim, no spaces, A–Z) and
 * typed text when the field is left; the server normalises again and checks the length.
 */
export function IdentifierField({ kind = 'identifier', onPaste, onBlur, ...props }: Props) {
  return (
    <Field
      autoComplete="off"
      autoCapitalize="characters"
      autoCorrect="off"
      spellCheck={false}
      {...props}
      onPaste={(event: ClipboardEvent<HTMLInputElement>) => {
        onPaste?.(event);
        if (event.defaultPrevented) return;
        const input = event.currentTarget;
        const pasted = event.clipboardData.getData('text');
        event.preventDefault();
        const next = valueAfterPaste(
          kind,
          input.value,
          { start: input.selectionStart, end: input.selectionEnd },
          pasted,
        );
        replaceValue(input, next);
        input.setSelectionRange(next.length, next.length);
      }}
      onBlur={(event: FocusEvent<HTMLInputElement>) => {
        replaceValue(event.currentTarget, normalizeFor(kind, event.currentTarget.value));
        onBlur?.(event);
      }}
    />
  );
}
