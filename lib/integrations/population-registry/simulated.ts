import 'server-only';
import { and, eq } from 'drizzle-orm';
import { registryPersons } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import type { PersonDocumentType, PopulationRegistry, RegistryPerson } from './types';

const columns = {
  fin: registryPersons.fin,
  surname: registryPersons.surname,
  name: registryPersons.name,
  patronymic: registryPersons.patronymic,
  birthDate: registryPersons.birthDate,
  documentType: registryPersons.documentType,
  documentNumber: registryPersons.documentNumber,
  documentValidTo: registryPersons.documentValidTo,
};

/** The simulated registry: the seeded registry_persons table (DOMAIN.md §9). */
export function simulatedPopulationRegistry(db: DbOrTx): PopulationRegistry {
  async function first(
    fin: string,
    documentType?: PersonDocumentType,
  ): Promise<RegistryPerson | null> {
    const rows = await db
      .select(columns)
      .from(registryPersons)
      .where(
        documentType
          ? and(eq(registryPersons.fin, fin), eq(registryPersons.documentType, documentType))
          : eq(registryPersons.fin, fin),
      )
      .limit(1);
    return rows[0] ?? null;
  }
  return {
    findPerson: (fin) => first(fin),
    findPersonByDocument: (fin, documentType) => first(fin, documentType),
  };
}
