/** DİN = ID card, MIQRASIYA = residence permit (DOMAIN.md §9). */
export type PersonDocumentType = 'DIN' | 'MIQRASIYA';

/** A person as the population registry answers for a FIN (SPEC C2: "Təsdiqlə" shows this). */
export type RegistryPerson = {
  fin: string;
  surname: string;
  name: string;
  patronymic: string;
  /** Calendar date 'YYYY-MM-DD'. */
  birthDate: string;
  documentType: PersonDocumentType;
  documentNumber: string;
  /** Calendar date 'YYYY-MM-DD'. */
  documentValidTo: string;
};

/**
 * Port to the national population registry. The simulated adapter reads our registry_persons
 * table; a real one calls the registry's service. Callers depend only on this type.
 */
export type PopulationRegistry = {
  /** The person with this FIN, or null. The FIN must already be normalised. */
  findPerson(fin: string): Promise<RegistryPerson | null>;
  /** The person only if the FIN was issued on this document type (signatories, authorities). */
  findPersonByDocument(
    fin: string,
    documentType: PersonDocumentType,
  ): Promise<RegistryPerson | null>;
};
