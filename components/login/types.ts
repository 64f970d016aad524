/** A certificate on the simulated card reader, as the login page lists it (a UI view model). */
export type CardCertificate = {
  serial: string;
  holder: string;
  cardNumber: string;
  validTo: string;
};
