/** A taxpayer as the tax registry answers for a VÖEN (DOMAIN.md §9). */
export type Taxpayer = {
  voen: string;
  name: string;
  /** VÖEN ending 1 = legal person, 2 = natural person. */
  taxpayerType: 'LEGAL' | 'NATURAL';
  legalAddress: string;
};

/** Port to the State Tax Service registry; the simulated adapter reads tax_registry. */
export type TaxRegistry = {
  /** The taxpayer with this (normalised) VÖEN, or null. */
  findTaxpayer(voen: string): Promise<Taxpayer | null>;
};
