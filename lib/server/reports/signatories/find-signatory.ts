import 'server-only';
import type { DbOrTx } from '@/db/types';
import { validateFin } from '@/lib/domain';
import { populationRegistry, type RegistryPerson } from '@/lib/integrations/population-registry';
import { assertScopeService, type EmployerScope } from '../../access';
import { AppError } from '../../errors';

export const SIGNATORY_DOCUMENT_TYPES = ['DIN', 'MIQRASIYA'] as const;
export type SignatoryDocumentType = (typeof SIGNATORY_DOCUMENT_TYPES)[number];

export type FoundSignatory = Pick<
  RegistryPerson,
  'fin' | 'surname' | 'name' | 'patronymic' | 'documentType'
>;

/**
 * "AXTAR" (SPEC F25, DOMAIN.md §6, §9): the person with this FIN issued on this document type
 * (DİN: 7 characters without I/O; Miqrasiya: 5–7), or SIGNATORY_NOT_FOUND at the FIN field.
 */
export async function findSignatory(
  db: DbOrTx,
  scope: EmployerScope,
  input: { fin: string; documentType: string },
): Promise<FoundSignatory> {
  assertScopeService(scope, 'REPORTS');
  const documentType = input.documentType as SignatoryDocumentType;
  if (!SIGNATORY_DOCUMENT_TYPES.includes(documentType)) {
    throw new AppError('DOCUMENT_TYPE', { field: 'documentType' });
  }
  const fin = validateFin(input.fin ?? '', documentType === 'DIN' ? 'DIN' : 'MIGRATION');
  if (!fin.ok)
    throw new AppError(fin.code === 'FIN_EMPTY' ? 'FIN_EMPTY' : 'FIN_FORMAT', { field: 'fin' });
  const person = await populationRegistry(db).findPersonByDocument(fin.value, documentType);
  if (!person) throw new AppError('SIGNATORY_NOT_FOUND', { field: 'fin' });
  return {
    fin: person.fin,
    surname: person.surname,
    name: person.name,
    patronymic: person.patronymic,
    documentType: person.documentType,
  };
}

/** A found person as the F25 form shows it: the full name on one line. */
export type FoundPerson = { fin: string; fullName: string; documentType: string };

export function toFoundPerson(p: FoundSignatory): FoundPerson {
  return {
    fin: p.fin,
    fullName: `${p.surname} ${p.name} ${p.patronymic}`.trim(),
    documentType: p.documentType,
  };
}
