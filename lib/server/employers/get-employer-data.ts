import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  activityCodes,
  employerActivityCodes,
  employerAddresses,
  employerBankAccounts,
  employerContacts,
  employers,
  registryPersons,
} from '@/db/schema';
import type { DbOrTx } from '@/db/types';
import { assertScopeService, type EmployerScope } from '../access';
import { AppError } from '../errors';

export type EmployerData = {
  id: string;
  name: string;
  employerType: 'LEGAL_ENTITY' | 'BUDGET_ORGANISATION' | 'ENTREPRENEUR';
  dsmfRegNumber: string;
  voen: string;
  responsible: { fin: string; fullName: string };
  localBody: { code: string; name: string };
  parent: { id: string; name: string } | null;
  subEmployers: { id: string; name: string; dsmfRegNumber: string }[];
  addresses: { kind: 'LEGAL' | 'ACTUAL'; address: string }[];
  contacts: { kind: 'PHONE' | 'EMAIL'; value: string }[];
  bankAccounts: { bankName: string; bankCode: string; iban: string; currency: string }[];
  activityCodes: { code: string; nameAz: string; nameEn: string }[];
};

/**
 * The employer's registration data, read-only: the employer data page (SPEC B1, EMPLOYER_DATA)
 * and the cabinet's views 1–4 (SPEC E2, inside the reports service).
 */
export async function getEmployerData(db: DbOrTx, scope: EmployerScope): Promise<EmployerData> {
  assertScopeService(scope, ['EMPLOYER_DATA', 'REPORTS']);
  const id = scope.employerId;
  const parents = alias(employers, 'parents');
  const [row] = await db
    .select({
      employer: employers,
      surname: registryPersons.surname,
      name: registryPersons.name,
      patronymic: registryPersons.patronymic,
      parentName: parents.name,
    })
    .from(employers)
    .innerJoin(registryPersons, eq(registryPersons.fin, employers.responsibleFin))
    .leftJoin(parents, eq(parents.id, employers.parentEmployerId))
    .where(eq(employers.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  const { employer } = row;

  const [subEmployers, addresses, contacts, bankAccounts, codes] = await Promise.all([
    db
      .select({ id: employers.id, name: employers.name, dsmfRegNumber: employers.dsmfRegNumber })
      .from(employers)
      .where(eq(employers.parentEmployerId, id))
      .orderBy(asc(employers.name)),
    db
      .select({ kind: employerAddresses.kind, address: employerAddresses.address })
      .from(employerAddresses)
      .where(eq(employerAddresses.employerId, id))
      .orderBy(asc(employerAddresses.kind)),
    db
      .select({ kind: employerContacts.kind, value: employerContacts.value })
      .from(employerContacts)
      .where(eq(employerContacts.employerId, id))
      .orderBy(asc(employerContacts.kind), asc(employerContacts.value)),
    db
      .select({
        bankName: employerBankAccounts.bankName,
        bankCode: employerBankAccounts.bankCode,
        iban: employerBankAccounts.iban,
        currency: employerBankAccounts.currency,
      })
      .from(employerBankAccounts)
      .where(eq(employerBankAccounts.employerId, id))
      .orderBy(asc(employerBankAccounts.iban)),
    db
      .select({
        code: activityCodes.code,
        nameAz: activityCodes.nameAz,
        nameEn: activityCodes.nameEn,
      })
      .from(employerActivityCodes)
      .innerJoin(activityCodes, eq(activityCodes.code, employerActivityCodes.activityCode))
      .where(eq(employerActivityCodes.employerId, id))
      .orderBy(asc(activityCodes.code)),
  ]);

  return {
    id: employer.id,
    name: employer.name,
    employerType: employer.employerType,
    dsmfRegNumber: employer.dsmfRegNumber,
    voen: employer.voen,
    responsible: {
      fin: employer.responsibleFin,
      fullName: `${row.surname} ${row.name} ${row.patronymic}`,
    },
    localBody: { code: employer.localBodyCode, name: employer.localBodyName },
    parent:
      employer.parentEmployerId !== null && row.parentName !== null
        ? { id: employer.parentEmployerId, name: row.parentName }
        : null,
    subEmployers,
    addresses,
    contacts,
    bankAccounts,
    activityCodes: codes,
  };
}
