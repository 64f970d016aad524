import 'server-only';
import { z } from 'zod';
import { ZLine } from '../action-schemas';
import type { ActionRefusal, ActionResult } from '../actions';
import type { GrantAuthorityInput } from './grant-authority';
import type { AuthorityHolder } from './lookup-authority-holder';

// The grant form (SPEC C1–C5) as it crosses between the browser and the actions: the schema
// both actions parse with, and what they answer. The form component imports these types.

/**
 * What the form sends to "Təsdiqlə" and to saving. Lengths are bounds only: the use cases
 * normalise the card number, phone and FIN and say what is wrong with them.
 */
export const ZGrantForm = z.object({
  service: ZLine(40),
  method: z.enum(['ESIGN', 'ASAN']),
  cardNumber: ZLine(100),
  phone: ZLine(100),
  fin: ZLine(100),
  indefinite: z.boolean(),
  validFrom: ZLine(40),
  validTo: ZLine(40),
});
export type GrantFormInput = z.infer<typeof ZGrantForm>;

/** The grant as the use case takes it: an indefinite grant has no dates (SPEC C5). */
export function grantInput(form: GrantFormInput): GrantAuthorityInput {
  const { indefinite, validFrom, validTo, ...holder } = form;
  return indefinite ? holder : { ...holder, validFrom, validTo };
}

/** The person "Təsdiqlə" found, as the form shows them before saving. */
export type HolderView = {
  fullName: string;
  fin: string;
  birthDate: string;
  deviceRef: string;
  certificateNotAfter: string;
};

export function holderView(holder: AuthorityHolder): HolderView {
  const { person } = holder;
  return {
    fullName: `${person.surname} ${person.name} ${person.patronymic}`,
    fin: person.fin,
    birthDate: person.birthDate,
    deviceRef: holder.deviceRef,
    certificateNotAfter: holder.certificate.notAfter,
  };
}

export type HolderLookupResult = ActionResult<{ holder: HolderView }>;

/** Saving answers only when refused: a saved grant redirects to the registry. */
export type GrantResult = ActionRefusal;
