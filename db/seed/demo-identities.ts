/**
 * Demo people who can sign in. The README lists them; the identity seed gives each a certificate
 * (card) and an Asan İmza registration with these PINs. Everyone shares the same demo PINs.
 */
export type DemoIdentity = {
  key: string;
  fin: string;
  surname: string;
  name: string;
  patronymic: string;
  birthDate: string;
  female: boolean;
  role: string;
  cardNumber: string;
  asanPhone: string;
  asanUserId: string;
  /** Certificate state for the test of refusals; ACTIVE unless stated. */
  certificate?: 'EXPIRED' | 'REVOKED';
};

export const DEMO_PIN1 = '1234';
export const DEMO_PIN2 = '12345';

export const DEMO_IDENTITIES: readonly DemoIdentity[] = [
  {
    key: 'xezer-director',
    fin: '5ZK7M2P',
    surname: 'Məmmədov',
    name: 'Rəşad',
    patronymic: 'Vaqif oğlu',
    birthDate: '1979-04-12',
    female: false,
    role: 'Direktor, Xəzər Texnologiyaları MMC',
    cardNumber: 'AZ2000100001',
    asanPhone: '+994501000001',
    asanUserId: '100001',
  },
  {
    key: 'xezer-accountant',
    fin: '3HT8R4N',
    surname: 'Əliyeva',
    name: 'Aygün',
    patronymic: 'Tofiq qızı',
    birthDate: '1986-11-03',
    female: true,
    role: 'Baş mühasib, Xəzər Texnologiyaları MMC',
    cardNumber: 'AZ2000100002',
    asanPhone: '+994501000002',
    asanUserId: '100002',
  },
  {
    key: 'school-director',
    fin: '7NB2X9K',
    surname: 'Həsənov',
    name: 'Vüqar',
    patronymic: 'Elçin oğlu',
    birthDate: '1972-01-25',
    female: false,
    role: 'Müdir, Səbail rayon Təhsil Şöbəsi (and its two schools)',
    cardNumber: 'AZ2000100003',
    asanPhone: '+994551000003',
    asanUserId: '100003',
  },
  {
    key: 'school-accountant',
    fin: '2MD6W8T',
    surname: 'Quliyeva',
    name: 'Leyla',
    patronymic: 'Namiq qızı',
    birthDate: '1983-07-19',
    female: true,
    role: 'Baş mühasib, Səbail rayon Təhsil Şöbəsi',
    cardNumber: 'AZ2000100004',
    asanPhone: '+994551000004',
    asanUserId: '100004',
  },
  {
    key: 'kur-director',
    fin: '9PK3L5V',
    surname: 'Abbasov',
    name: 'Elvin',
    patronymic: 'Rauf oğlu',
    birthDate: '1975-09-30',
    female: false,
    role: 'İdarə Heyətinin sədri, Kür İnşaat ASC',
    cardNumber: 'AZ2000100005',
    asanPhone: '+994701000005',
    asanUserId: '100005',
  },
  {
    key: 'kur-accountant',
    fin: '4RX2T7G',
    surname: 'Kərimova',
    name: 'Nərmin',
    patronymic: 'Yusif qızı',
    birthDate: '1988-02-14',
    female: true,
    role: 'Baş mühasib, Kür İnşaat ASC',
    cardNumber: 'AZ2000100006',
    asanPhone: '+994701000006',
    asanUserId: '100006',
  },
  {
    key: 'free-person',
    fin: '6GW4Z8H',
    surname: 'Babayev',
    name: 'Orxan',
    patronymic: 'Samir oğlu',
    birthDate: '1990-05-05',
    female: false,
    role: 'No employer yet: receives a grant in the demo',
    cardNumber: 'AZ2000100007',
    asanPhone: '+994501000007',
    asanUserId: '100007',
  },
  {
    key: 'expired-cert',
    fin: '8LQ5N3C',
    surname: 'Nəsirov',
    name: 'Kamran',
    patronymic: 'Fuad oğlu',
    birthDate: '1981-12-01',
    female: false,
    role: 'Expired certificate (refused at login)',
    cardNumber: 'AZ2000100008',
    asanPhone: '+994501000008',
    asanUserId: '100008',
    certificate: 'EXPIRED',
  },
  {
    key: 'revoked-cert',
    fin: '1VJ9F6D',
    surname: 'Səfərova',
    name: 'Günel',
    patronymic: 'Elnur qızı',
    birthDate: '1992-08-22',
    female: true,
    role: 'Revoked certificate (refused at login)',
    cardNumber: 'AZ2000100009',
    asanPhone: '+994501000009',
    asanUserId: '100009',
    certificate: 'REVOKED',
  },
  // Fund staff (issue 14 §3): they sign in at /admin/login; db/seed/staff.ts gives their roles.
  {
    key: 'staff-nesimi-operator',
    fin: '3KD8P2R',
    surname: 'İsmayılova',
    name: 'Səbinə',
    patronymic: 'Rafiq qızı',
    birthDate: '1989-03-17',
    female: true,
    role: 'DSMF Nəsimi rayon şöbəsi: operator',
    cardNumber: 'AZ2000100010',
    asanPhone: '+994501000010',
    asanUserId: '100010',
  },
  {
    key: 'staff-nesimi-reviewer',
    fin: '5TM2H7Q',
    surname: 'Cəfərov',
    name: 'Tural',
    patronymic: 'Akif oğlu',
    birthDate: '1985-10-02',
    female: false,
    role: 'DSMF Nəsimi rayon şöbəsi: yoxlayıcı (reviewer)',
    cardNumber: 'AZ2000100011',
    asanPhone: '+994501000011',
    asanUserId: '100011',
  },
  {
    key: 'staff-nesimi-head',
    fin: '7WB4K9S',
    surname: 'Rzayeva',
    name: 'Nigar',
    patronymic: 'Əli qızı',
    birthDate: '1976-06-21',
    female: true,
    role: 'DSMF Nəsimi rayon şöbəsinin müdiri (head)',
    cardNumber: 'AZ2000100012',
    asanPhone: '+994501000012',
    asanUserId: '100012',
  },
  {
    key: 'staff-sebail-operator',
    fin: '2PX6N4L',
    surname: 'Hüseynov',
    name: 'Emil',
    patronymic: 'Zaur oğlu',
    birthDate: '1991-12-09',
    female: false,
    role: 'DSMF Səbail rayon şöbəsi: operator',
    cardNumber: 'AZ2000100013',
    asanPhone: '+994501000013',
    asanUserId: '100013',
  },
  {
    key: 'staff-admin',
    fin: '9HG3V5M',
    surname: 'Əhmədov',
    name: 'Fərid',
    patronymic: 'Nazim oğlu',
    birthDate: '1980-04-28',
    female: false,
    role: 'DSMF mərkəzi aparat: administrator',
    cardNumber: 'AZ2000100014',
    asanPhone: '+994501000014',
    asanUserId: '100014',
  },
  {
    key: 'staff-ended',
    fin: '4QN7C2T',
    surname: 'Məlikov',
    name: 'Samir',
    patronymic: 'Oqtay oğlu',
    birthDate: '1987-08-11',
    female: false,
    role: 'Former operator, Nəsimi (account ended: refused at /admin/login)',
    cardNumber: 'AZ2000100015',
    asanPhone: '+994501000015',
    asanUserId: '100015',
  },
];

export function demoIdentity(key: string): DemoIdentity {
  const found = DEMO_IDENTITIES.find((d) => d.key === key);
  if (!found) throw new Error(`No demo identity ${key}`);
  return found;
}
