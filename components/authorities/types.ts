export type GrantFormInput = {
  service: string;
  method: 'ESIGN' | 'ASAN';
  cardNumber: string;
  phone: string;
  fin: string;
  indefinite: boolean;
  validFrom: string;
  validTo: string;
};

export type HolderView = {
  fullName: string;
  fin: string;
  birthDate: string;
  deviceRef: string;
  certificateNotAfter: string;
};

export type Refusal = { ok: false; field?: string; message: string };
export type HolderLookupResult = { ok: true; holder: HolderView } | Refusal;
export type GrantResult = Refusal;
