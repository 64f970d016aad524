import { DEFAULT_CONTRIBUTION_SCHEDULE } from '@/lib/domain/contribution-schedule';
import type * as schema from '../schema';

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];

export const ACTIVITY_CODES: Insert<typeof schema.activityCodes>[] = [
  {
    code: '62.01',
    nameAz: 'Kompüter proqramlaşdırılması',
    nameEn: 'Computer programming',
    sector: 'NON_OIL_NON_STATE',
    employerClassCode: '121111',
    employeeClassCode: '121211',
  },
  {
    code: '47.41',
    nameAz: 'Kompüterlərin pərakəndə satışı',
    nameEn: 'Retail sale of computers',
    sector: 'NON_OIL_NON_STATE',
    employerClassCode: '121111',
    employeeClassCode: '121211',
  },
  {
    code: '85.31',
    nameAz: 'Ümumi orta təhsil',
    nameEn: 'General secondary education',
    sector: 'STATE_OR_OIL',
    employerClassCode: '121140',
    employeeClassCode: '121240',
  },
  {
    code: '84.11',
    nameAz: 'Dövlət idarəetməsi',
    nameEn: 'General public administration',
    sector: 'STATE_OR_OIL',
    employerClassCode: '121140',
    employeeClassCode: '121240',
  },
  {
    code: '41.20',
    nameAz: 'Yaşayış və qeyri-yaşayış binalarının tikintisi',
    nameEn: 'Construction of buildings',
    sector: 'NON_OIL_NON_STATE',
    employerClassCode: '121111',
    employeeClassCode: '121211',
  },
  {
    code: '06.10',
    nameAz: 'Xam neft hasilatı',
    nameEn: 'Extraction of crude petroleum',
    sector: 'STATE_OR_OIL',
    employerClassCode: '121120',
    employeeClassCode: '121220',
  },
];

const CLASS_PAIRS: [string, string, string, string][] = [
  [
    '121110',
    '121210',
    'Qeyri-neft, qeyri-dövlət sektoru (cəmi)',
    'Non-oil non-state sector (total)',
  ],
  ['121111', '121211', 'Hüquqi şəxslər', 'Legal entities'],
  ['121112', '121212', 'Muzdlu işçisi olan sahibkarlar', 'Entrepreneurs with employees'],
  ['121120', '121220', 'HPBS podratçıları', 'PSA contractors'],
  ['121130', '121230', 'HPBS subpodratçıları', 'PSA subcontractors'],
  ['121140', '121240', 'Büdcə təşkilatları', 'Budget organisations'],
  ['121141', '121241', 'Büdcə fondları', 'Budget funds'],
  ['121142', '121242', 'Büdcədənkənar fondlar', 'Extra-budgetary funds'],
  ['121150', '121250', 'Publik hüquqi şəxslər', 'Public legal entities'],
  [
    '121160',
    '121260',
    'Səhmlərinin 51 %-dən çoxu dövlətə məxsus olanlar',
    'At least 51 % state-owned',
  ],
  ['121170', '121270', 'Humanitar təşkilatlar', 'Humanitarian organisations'],
  ['121180', '121280', 'Digərləri', 'Others'],
];

export const ECONOMIC_CLASS_CODES: Insert<typeof schema.economicClassCodes>[] = CLASS_PAIRS.flatMap(
  ([employer, employee, az, en]) => [
    {
      code: employer,
      side: 'EMPLOYER' as const,
      pairCode: employee,
      nameAz: `${az} — sığortaedən`,
      nameEn: `${en} — employer`,
    },
    {
      code: employee,
      side: 'EMPLOYEE' as const,
      pairCode: employer,
      nameAz: `${az} — sığortaolunan`,
      nameEn: `${en} — employee`,
    },
  ],
);

export const NON_LIABLE_INCOME_REASONS: Insert<typeof schema.nonLiableIncomeReasons>[] = [
  {
    code: 'SOCIAL_COMPENSATION',
    sortOrder: 1,
    nameAz: 'Əmək haqqı fondundan kənar sosial və kompensasiya ödənişləri',
    nameEn: 'Social and compensation payments outside the wage fund',
  },
  {
    code: 'DISABILITY_BENEFIT',
    sortOrder: 2,
    nameAz: 'İşəgötürənin vəsaiti hesabına ödənilən müvəqqəti əmək qabiliyyətsizliyi müavinəti',
    nameEn: "Temporary-disability benefit paid from the employer's funds",
  },
  {
    code: 'TERMINATION',
    sortOrder: 3,
    nameAz: 'Ləğvetmə, ştat ixtisarı və ya işçinin ölümü ilə əlaqədar ödənişlər',
    nameEn: "Termination payments (liquidation, staff cuts, employee's death)",
  },
  {
    code: 'STIPEND',
    sortOrder: 4,
    nameAz: 'Dövlət təqaüdləri və büdcədən ödənilən müavinətlər',
    nameEn: 'State stipends and budget-funded benefits',
  },
  {
    code: 'ANNUAL_TREATMENT',
    sortOrder: 5,
    nameAz: 'İldə bir dəfə müalicə və ya məzuniyyət üçün ödənilən bir aylıq əmək haqqı',
    nameEn: "One month's wage paid once a year for treatment or leave",
  },
  {
    code: 'GIFTS_AID',
    sortOrder: 6,
    nameAz: 'Hədiyyələr və maddi yardım (öz işçisinə maddi yardım istisna olmaqla)',
    nameEn: "Gifts and material aid (except aid to one's own employee)",
  },
];

export const PREFERENTIAL_SENIORITY_ENTRIES: Insert<typeof schema.preferentialSeniorityEntries>[] =
  [
    {
      section: 'I. Dağ-mədən işləri',
      positionCode: '1010100a',
      titleAz: 'Yeraltı işlərdə çalışan mədənçilər',
      titleEn: 'Underground miners',
    },
    {
      section: 'II. Metallurgiya',
      positionCode: '1020100a',
      titleAz: 'Əritmə sexlərinin əritmə ustaları',
      titleEn: 'Smelters in melting shops',
    },
    {
      section: 'III. Kimya istehsalı',
      positionCode: '1030100a',
      titleAz: 'Zəhərli maddələrlə işləyən aparatçılar',
      titleEn: 'Operators working with toxic substances',
    },
    {
      section: 'IV. Neft və qaz hasilatı',
      positionCode: '2040100a',
      titleAz: 'Dəniz neft platformalarında buruq ustaları',
      titleEn: 'Drilling masters on offshore platforms',
    },
    {
      section: 'V. Nəqliyyat',
      positionCode: '2050100a',
      titleAz: 'Şəhər sərnişin avtobuslarının sürücüləri',
      titleEn: 'Drivers of urban passenger buses',
    },
    {
      section: 'VI. Səhiyyə',
      positionCode: '2060100a',
      titleAz: 'Vərəm dispanserlərinin tibb işçiləri',
      titleEn: 'Medical staff of tuberculosis clinics',
    },
  ];

/** Non-working days of the Labour Code art. 105 for 2025–2027 (movable feasts as announced). */
const FIXED_HOLIDAYS: [string, string, string][] = [
  ['01-01', 'Yeni il', "New Year's Day"],
  ['01-02', 'Yeni il', "New Year's Day"],
  ['01-20', 'Ümumxalq Hüzn Günü', 'Day of National Mourning'],
  ['03-08', 'Qadınlar günü', "Women's Day"],
  ['03-20', 'Novruz bayramı', 'Novruz'],
  ['03-21', 'Novruz bayramı', 'Novruz'],
  ['03-22', 'Novruz bayramı', 'Novruz'],
  ['03-23', 'Novruz bayramı', 'Novruz'],
  ['03-24', 'Novruz bayramı', 'Novruz'],
  ['05-09', 'Faşizm üzərində qələbə günü', 'Victory over Fascism Day'],
  ['05-28', 'Müstəqillik günü', 'Independence Day'],
  ['06-15', 'Azərbaycan xalqının milli qurtuluş günü', 'National Salvation Day'],
  ['06-26', 'Silahlı Qüvvələr günü', 'Armed Forces Day'],
  ['11-08', 'Zəfər günü', 'Victory Day'],
  ['11-09', 'Dövlət bayrağı günü', 'National Flag Day'],
  ['12-31', 'Dünya azərbaycanlılarının həmrəyliyi günü', 'Solidarity Day of World Azerbaijanis'],
];
const MOVABLE_HOLIDAYS: [string, string, string][] = [
  ['2025-03-30', 'Ramazan bayramı', 'Eid al-Fitr'],
  ['2025-03-31', 'Ramazan bayramı', 'Eid al-Fitr'],
  ['2025-06-06', 'Qurban bayramı', 'Eid al-Adha'],
  ['2025-06-07', 'Qurban bayramı', 'Eid al-Adha'],
  ['2026-03-20', 'Ramazan bayramı', 'Eid al-Fitr'],
  ['2026-03-21', 'Ramazan bayramı', 'Eid al-Fitr'],
  ['2026-05-27', 'Qurban bayramı', 'Eid al-Adha'],
  ['2026-05-28', 'Qurban bayramı', 'Eid al-Adha'],
  ['2027-03-10', 'Ramazan bayramı', 'Eid al-Fitr'],
  ['2027-03-11', 'Ramazan bayramı', 'Eid al-Fitr'],
  ['2027-05-17', 'Qurban bayramı', 'Eid al-Adha'],
  ['2027-05-18', 'Qurban bayramı', 'Eid al-Adha'],
];

export function publicHolidays(): Insert<typeof schema.publicHolidays>[] {
  const byDay = new Map<string, Insert<typeof schema.publicHolidays>>();
  for (const year of [2025, 2026, 2027]) {
    for (const [md, nameAz, nameEn] of FIXED_HOLIDAYS)
      byDay.set(`${year}-${md}`, { day: `${year}-${md}`, nameAz, nameEn });
  }
  // A movable feast on a fixed holiday keeps the first name; the day is off either way.
  for (const [day, nameAz, nameEn] of MOVABLE_HOLIDAYS)
    if (!byDay.has(day)) byDay.set(day, { day, nameAz, nameEn });
  return [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day));
}

export const CONTRIBUTION_REGIMES: Insert<typeof schema.contributionRegimes>[] =
  DEFAULT_CONTRIBUTION_SCHEDULE.map((r) => ({
    id: r.id,
    sector: r.sector,
    validFrom: r.validFrom,
    validTo: r.validTo,
    employeeTiers: r.employee,
    employerTiers: r.employer,
  }));

export const PENALTY_PARAMETERS: Insert<typeof schema.penaltyParameters>[] = [
  {
    effectiveFrom: '2019-01-01',
    dailyRateNum: 1,
    dailyRateDen: 1000,
    capDays: 365,
    lateFilingSanctionNum: 10,
    lateFilingSanctionDen: 100,
  },
];
