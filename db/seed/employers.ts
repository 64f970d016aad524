import { stableUuid } from './random';
import { demoIdentity } from './demo-identities';

export type SeedEmployer = {
  key: string;
  id: string;
  name: string;
  employerType: 'LEGAL_ENTITY' | 'BUDGET_ORGANISATION' | 'ENTREPRENEUR';
  dsmfRegNumber: string;
  voen: string;
  localBodyCode: string;
  localBodyName: string;
  responsibleFin: string;
  parentKey?: string;
  activityCodes: string[];
  /** Roster size per activity code, and the wage range in AZN. */
  staff: { activityCode: string; count: number; minWage: number; maxWage: number }[];
  /** Opening debt (qəpik) per activity code at 2025-01-01. */
  openingDebtQepik: Record<string, number>;
  /** Share of each month's contributions paid (1 = in full), to leave realistic debt. */
  payRatio: number;
  legalAddress: string;
  phone: string;
  email: string;
  bank: { name: string; code: string; iban: string };
};

const id = (key: string) => stableUuid(`employer:${key}`);

export const SEED_EMPLOYERS: SeedEmployer[] = [
  {
    key: 'xezer',
    id: id('xezer'),
    name: '"Xəzər Texnologiyaları" MMC',
    employerType: 'LEGAL_ENTITY',
    dsmfRegNumber: '1100234567',
    voen: '1402345671',
    localBodyCode: '03',
    localBodyName: 'Nəsimi rayon şöbəsi',
    responsibleFin: demoIdentity('xezer-director').fin,
    activityCodes: ['62.01', '47.41'],
    staff: [
      { activityCode: '62.01', count: 8, minWage: 900, maxWage: 4500 },
      { activityCode: '47.41', count: 4, minWage: 500, maxWage: 1200 },
    ],
    openingDebtQepik: { '62.01': 125_040, '47.41': 18_300 },
    payRatio: 0.97,
    legalAddress: 'Bakı şəhəri, Nəsimi rayonu, Füzuli küç. 49',
    phone: '+994124980011',
    email: 'info@xezer-tech.az',
    bank: { name: 'Kapital Bank ASC', code: '200004', iban: 'AZ21AIIB38090019440100206101' },
  },
  {
    key: 'sebail-edu',
    id: id('sebail-edu'),
    name: 'Səbail rayon Təhsil Şöbəsi',
    employerType: 'BUDGET_ORGANISATION',
    dsmfRegNumber: '1200456789',
    voen: '1700456781',
    localBodyCode: '07',
    localBodyName: 'Səbail rayon şöbəsi',
    responsibleFin: demoIdentity('school-director').fin,
    activityCodes: ['85.31', '84.11'],
    staff: [
      { activityCode: '85.31', count: 32, minWage: 450, maxWage: 1400 },
      { activityCode: '84.11', count: 8, minWage: 600, maxWage: 1800 },
    ],
    openingDebtQepik: {},
    payRatio: 1,
    legalAddress: 'Bakı şəhəri, Səbail rayonu, Üzeyir Hacıbəyov küç. 20',
    phone: '+994124970022',
    email: 'sebail@edu.gov.az',
    bank: {
      name: 'Dövlət Xəzinədarlıq Agentliyi',
      code: '210005',
      iban: 'AZ41CTRE00000000000002110101',
    },
  },
  {
    key: 'school-6',
    id: id('school-6'),
    name: 'Səbail rayonu 6 nömrəli tam orta məktəb',
    employerType: 'BUDGET_ORGANISATION',
    dsmfRegNumber: '1200456790',
    voen: '1700456792',
    localBodyCode: '07',
    localBodyName: 'Səbail rayon şöbəsi',
    responsibleFin: demoIdentity('school-director').fin,
    parentKey: 'sebail-edu',
    activityCodes: ['85.31'],
    staff: [{ activityCode: '85.31', count: 14, minWage: 450, maxWage: 1100 }],
    openingDebtQepik: {},
    payRatio: 1,
    legalAddress: 'Bakı şəhəri, Səbail rayonu, İstiqlaliyyət küç. 6',
    phone: '+994124970023',
    email: 'school6@edu.gov.az',
    bank: {
      name: 'Dövlət Xəzinədarlıq Agentliyi',
      code: '210005',
      iban: 'AZ41CTRE00000000000002110102',
    },
  },
  {
    key: 'school-23',
    id: id('school-23'),
    name: 'Səbail rayonu 23 nömrəli tam orta məktəb',
    employerType: 'BUDGET_ORGANISATION',
    dsmfRegNumber: '1200456791',
    voen: '1700456801',
    localBodyCode: '07',
    localBodyName: 'Səbail rayon şöbəsi',
    responsibleFin: demoIdentity('school-director').fin,
    parentKey: 'sebail-edu',
    activityCodes: ['85.31'],
    staff: [{ activityCode: '85.31', count: 12, minWage: 450, maxWage: 1100 }],
    openingDebtQepik: {},
    payRatio: 1,
    legalAddress: 'Bakı şəhəri, Səbail rayonu, Neftçilər pr. 23',
    phone: '+994124970024',
    email: 'school23@edu.gov.az',
    bank: {
      name: 'Dövlət Xəzinədarlıq Agentliyi',
      code: '210005',
      iban: 'AZ41CTRE00000000000002110103',
    },
  },
  {
    key: 'kur',
    id: id('kur'),
    name: '"Kür İnşaat" ASC',
    employerType: 'LEGAL_ENTITY',
    dsmfRegNumber: '1300678901',
    voen: '1500678911',
    // The same local body as Xəzər, so one body's staff demo covers both (issue 14 §3).
    localBodyCode: '03',
    localBodyName: 'Nəsimi rayon şöbəsi',
    responsibleFin: demoIdentity('kur-director').fin,
    activityCodes: ['41.20'],
    staff: [{ activityCode: '41.20', count: 3000, minWage: 400, maxWage: 3500 }],
    openingDebtQepik: { '41.20': 4_500_000 },
    payRatio: 0.95,
    legalAddress: 'Bakı şəhəri, Xətai rayonu, Babək pr. 110',
    phone: '+994124560033',
    email: 'office@kur-insaat.az',
    bank: { name: 'Paşa Bank ASC', code: '505141', iban: 'AZ77PAHA38090AZNHC0100033101' },
  },
];

export function seedEmployer(key: string): SeedEmployer {
  const found = SEED_EMPLOYERS.find((e) => e.key === key);
  if (!found) throw new Error(`No seed employer ${key}`);
  return found;
}
