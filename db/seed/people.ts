import type * as schema from '../schema';
import { DEMO_IDENTITIES } from './demo-identities';
import { SEED_EMPLOYERS } from './employers';
import { femaleSurname, FEMALE_NAMES, MALE_NAMES, patronymic, SURNAME_STEMS } from './names';
import { makeFin, type Random } from './random';

type RegistryRow = typeof schema.registryPersons.$inferInsert;
type EmploymentRow = typeof schema.employments.$inferInsert;

const POSITIONS: Record<string, string[]> = {
  '62.01': ['Proqramçı', 'Sistem analitiki', 'Test mühəndisi', 'Layihə meneceri'],
  '47.41': ['Satış məsləhətçisi', 'Kassir', 'Anbardar'],
  '85.31': ['Müəllim', 'Sinif rəhbəri', 'Kitabxanaçı', 'Laborant'],
  '84.11': ['Baş mütəxəssis', 'Aparıcı mütəxəssis', 'Katib'],
  '41.20': ['Bənna', 'Fəhlə', 'Qaynaqçı', 'Usta', 'Sürücü', 'Mühəndis'],
};

function person(random: Random, taken: Set<string>, index: number): RegistryRow {
  const female = random.next() < 0.45;
  const stem = random.pick(SURNAME_STEMS);
  const year = random.int(1962, 2004);
  const month = String(random.int(1, 12)).padStart(2, '0');
  const day = String(random.int(1, 28)).padStart(2, '0');
  // A few foreign residents carry residence permits (Miqrasiya) instead of ID cards.
  const permit = index % 97 === 13;
  return {
    fin: makeFin(random, taken),
    surname: female ? femaleSurname(stem) : stem,
    name: female ? random.pick(FEMALE_NAMES) : random.pick(MALE_NAMES),
    patronymic: patronymic(random.pick(MALE_NAMES), female),
    birthDate: `${year}-${month}-${day}`,
    documentType: permit ? 'MIQRASIYA' : 'DIN',
    documentNumber: permit
      ? `MYI${String(100000 + index).padStart(7, '0')}`
      : `AA${String(1_000_000 + index * 7).slice(-7)}`,
    documentValidTo: `${2027 + (index % 8)}-${month}-${day}`,
  };
}

/** Registry persons (demo identities first) and each employer's roster. */
export function buildPeople(random: Random): {
  registry: RegistryRow[];
  employments: EmploymentRow[];
} {
  const taken = new Set<string>(DEMO_IDENTITIES.map((d) => d.fin));
  const registry: RegistryRow[] = DEMO_IDENTITIES.map((d, i) => ({
    fin: d.fin,
    surname: d.surname,
    name: d.name,
    patronymic: d.patronymic,
    birthDate: d.birthDate,
    documentType: 'DIN',
    documentNumber: `AA${String(9_000_000 + i)}`,
    documentValidTo: '2031-01-01',
  }));
  const employments: EmploymentRow[] = [];
  let index = 0;
  for (const employer of SEED_EMPLOYERS) {
    for (const staff of employer.staff) {
      for (let n = 0; n < staff.count; n++) {
        const row = person(random, taken, index++);
        registry.push(row);
        const wageAzn = random.int(staff.minWage, staff.maxWage);
        employments.push({
          employerId: employer.id,
          fin: row.fin,
          activityCode: staff.activityCode,
          position: random.pick(POSITIONS[staff.activityCode] ?? ['İşçi']),
          // Wages in whole manat with an occasional odd qəpik amount, as payrolls have.
          monthlyWageQepik: wageAzn * 100 + (n % 5 === 0 ? random.int(1, 99) : 0),
          startDate: `20${random.int(15, 24)}-${String(random.int(1, 12)).padStart(2, '0')}-01`,
          endDate: null,
        });
      }
    }
  }
  // People in the registry who work nowhere yet: the wizard adds them by FIN.
  for (let n = 0; n < 60; n++) registry.push(person(random, taken, index++));
  return { registry, employments };
}
