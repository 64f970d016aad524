import 'server-only';
import { inArray, sql } from 'drizzle-orm';
import { registryPersons } from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import type { MonthKey } from '@/lib/domain';
import { normalizePersonFin } from '../reports/persons/person-input';
import { apiProblem, type ApiProblem } from './api-messages';
import { toApiAmount, type ReportPayload } from './report-payload';

const REGISTRY_CHUNK = 5000;

export type CheckedPerson = {
  index: number;
  fin: string;
  /** As sent, for the import (which re-validates them with the F20 rules). */
  surname: string;
  name: string;
  incomeTexts: [string | null, string | null, string | null];
  incomesQepik: [number | null, number | null, number | null];
};

/** Case- and space-insensitive, with Azerbaijani casing (as the import compares names). */
const sameName = (a: string, b: string) => {
  const fold = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleUpperCase('az');
  return fold(a) === fold(b);
};

async function registryNames(db: DbOrTx, fins: string[]) {
  const found = new Map<string, { surname: string; name: string }>();
  for (let i = 0; i < fins.length; i += REGISTRY_CHUNK) {
    const chunk = JSON.stringify(fins.slice(i, i + REGISTRY_CHUNK));
    const rows = await db
      .select({
        fin: registryPersons.fin,
        surname: registryPersons.surname,
        name: registryPersons.name,
      })
      .from(registryPersons)
      .where(
        inArray(registryPersons.fin, sql`(select jsonb_array_elements_text(${chunk}::jsonb))`),
      );
    for (const r of rows) found.set(r.fin, r);
  }
  return found;
}

/**
 * The payload's persons under the F20 rules without a report (issue 5 §9): FIN format, each FIN
 * once, known to the population registry, incomes only in the quarter's months. A name that
 * differs from the registry's is a warning (the registry's name is kept), as in the import.
 */
export async function checkPayloadPersons(
  db: DbOrTx,
  persons: ReportPayload['persons'],
  months: readonly [MonthKey, MonthKey, MonthKey],
): Promise<{ persons: CheckedPerson[]; problems: ApiProblem[]; warnings: ApiProblem[] }> {
  const problems: ApiProblem[] = [];
  const warnings: ApiProblem[] = [];
  const firstIndex = new Map<string, number>();
  const candidates: CheckedPerson[] = [];
  persons.forEach((p, index) => {
    const at = `persons[${index}]`;
    let ok = true;
    const fin = normalizePersonFin(p.fin);
    if (!fin.ok) {
      problems.push(apiProblem(`${at}.fin`, fin.code));
      ok = false;
    } else if (firstIndex.has(fin.fin)) {
      problems.push(apiProblem(`${at}.fin`, 'DUPLICATE_FIN', { first: firstIndex.get(fin.fin)! }));
      ok = false;
    } else firstIndex.set(fin.fin, index);
    for (const month of Object.keys(p.incomes)) {
      if (!(months as readonly string[]).includes(month)) {
        problems.push(apiProblem(`${at}.incomes.${month}`, 'MONTH_OUTSIDE_QUARTER'));
        ok = false;
      }
    }
    if (!ok || !fin.ok) return;
    const qepik = months.map((m) => p.incomes[m] ?? null);
    candidates.push({
      index,
      fin: fin.fin,
      surname: p.surname ?? '',
      name: p.name ?? '',
      // The amounts passed the API's strict format, so the import's parseAmount reads them alike.
      incomeTexts: qepik.map((q) =>
        q === null ? null : toApiAmount(q),
      ) as CheckedPerson['incomeTexts'],
      incomesQepik: qepik as CheckedPerson['incomesQepik'],
    });
  });
  const registry = await registryNames(
    db,
    candidates.map((c) => c.fin),
  );
  const accepted: CheckedPerson[] = [];
  for (const person of candidates) {
    const at = `persons[${person.index}]`;
    const known = registry.get(person.fin);
    if (!known) {
      problems.push(apiProblem(`${at}.fin`, 'PERSON_NOT_FOUND'));
      continue;
    }
    const registryName = `${known.surname} ${known.name}`;
    if (person.surname !== '' && !sameName(person.surname, known.surname))
      warnings.push(apiProblem(`${at}.surname`, 'NAME_MISMATCH', { registryName }));
    if (person.name !== '' && !sameName(person.name, known.name))
      warnings.push(apiProblem(`${at}.name`, 'NAME_MISMATCH', { registryName }));
    accepted.push(person);
  }
  return { persons: accepted, problems, warnings };
}
