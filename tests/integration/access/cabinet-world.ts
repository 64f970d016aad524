import { eq } from 'drizzle-orm';
import {
  employers,
  ledgerEntries,
  payments,
  penaltyCharges,
  personAccountEntries,
  registryPersons,
  SERVICES,
  type Service,
} from '@/db/schema';
import { seedEmployer } from '@/db/seed/employers';
import { demoIdentity } from '@/db/seed/demo-identities';
import type { Db } from '@/db/types';
import { resolveEmployerAccess, type EmployerScope } from '@/lib/server/access';
import { demoSigners } from '@/lib/server/demo/seed-history';
import { addSeniority } from '@/lib/server/reports/seniority/add-seniority';
import { listSeniorityEntries } from '@/lib/server/reports/seniority/list-seniority-entries';
import { listReportPersons } from '@/lib/server/reports/persons/list-report-persons';
import { sendableReport, sendReport } from '../helpers/sending-fixtures';
import { insertPayment } from '../reports/report-fixtures';

// The cabinet's world (issue 13): for each employer, every activity code's 2025 Q3 report sent
// late through the sending path (ledger, persons' accounts, sanction, penalty), with preferential
// seniority, and a payment, a payment's application, a fine and write-offs of MDSS and of penalty
// written to the ledger, so that every cabinet view of every employer has rows. Each ledger memo
// names its employer, so a memo in another employer's answer is a leak by its text alone.

export const CABINET_WORLD_AS_OF = new Date('2026-01-20T10:00:00+04:00');
export const CABINET_TODAY = '2026-01-20';

export type CabinetWorld = {
  key: string;
  employerId: string;
  codes: readonly string[];
  /** The responsible person's scope for each service. */
  scope: Readonly<Record<Service, EmployerScope>>;
  /** The FINs of the employer's persons' accounts, per activity code. */
  fins: Readonly<Record<string, readonly string[]>>;
  paymentIds: readonly string[];
  /** The employer's persons' full names as the registry spells them, by FIN. */
  names: Readonly<Record<string, string>>;
  /**
   * Texts that belong to this employer alone: its id, name, VÖEN, registration number, IBAN,
   * payment ids and bank references, ledger memos, and its persons' FINs and full names.
   */
  secrets: readonly string[];
};

async function scopes(db: Db, key: string): Promise<Record<Service, EmployerScope>> {
  const director = demoIdentity(demoSigners(key)!.director);
  const entries = await Promise.all(
    SERVICES.map(async (service) => {
      const access = await resolveEmployerAccess(
        db,
        { fin: director.fin, certificateSerial: `CARD-${director.cardNumber}`, method: 'ESIGN' },
        seedEmployer(key).id,
        service,
        CABINET_WORLD_AS_OF,
      );
      if (!access.ok) throw new Error(`${key} ${service}: ${access.reason}`);
      return [service, access.scope] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<Service, EmployerScope>;
}

/** Builds one employer's cabinet data; `key` is a seed employer with demo signers. */
export async function buildCabinetWorld(db: Db, key: string): Promise<CabinetWorld> {
  const employer = seedEmployer(key);
  const scope = await scopes(db, key);
  const reports = scope.REPORTS;
  const asOf = CABINET_WORLD_AS_OF;
  const [seniorityEntry] = await listSeniorityEntries(db, reports);
  if (!seniorityEntry) throw new Error('no seniority entry in the catalogue');
  const paymentIds: string[] = [];
  for (const activityCode of employer.activityCodes) {
    const reportId = await sendableReport(db, reports, {
      employerKey: key,
      activityCode,
      year: 2025,
      quarter: 3,
      asOf,
    });
    const [person] = (await listReportPersons(db, reports, { reportId, pageSize: 1 })).rows;
    if (!person) throw new Error(`${key} ${activityCode}: no person on the draft`);
    await addSeniority(
      db,
      reports,
      { reportId, fin: person.fin, entryId: seniorityEntry.id, days: 3 },
      asOf,
    );
    const sent = await sendReport(db, reports, reportId, asOf);
    if (!sent.ok) throw new Error(`${key} ${activityCode}: not sent (${sent.code})`);
    // A penalty interval too, whether or not the late filing left a debt to charge (view 13).
    await db.insert(penaltyCharges).values({
      employerId: employer.id,
      activityCode,
      reportId,
      submissionId: sent.submission.submissionId,
      obligationSide: 'EMPLOYER',
      obligationMonth: '2025-09',
      dueDate: '2025-10-15',
      amountQepik: 1_000,
      chargedFrom: '2025-10-16',
      chargedTo: '2026-01-20',
      days: 97,
      totalDays: 97,
      penaltyQepik: 97,
      intervals: [
        {
          from: '2025-10-16',
          to: '2026-01-20',
          days: 97,
          overdueQepik: 1_000,
          penaltyQepik: 97,
          dailyRate: { num: 1, den: 1_000 },
        },
      ],
    });
    const paymentId = await insertPayment(db, {
      employerId: employer.id,
      amountQepik: 1_000,
      paymentDate: '2025-12-10',
      activityCode,
    });
    paymentIds.push(paymentId);
    const memo = (what: string) => `${what} ${key} ${activityCode}`;
    const entry = {
      employerId: employer.id,
      activityCode,
      entryDate: '2025-12-10',
      periodYear: 2025,
      createdBy: 'TEST',
    };
    await db.insert(ledgerEntries).values([
      {
        ...entry,
        kind: 'PAYMENT',
        amountQepik: -1_000,
        paymentId,
        target: 'MDSS',
        obligationSide: 'EMPLOYER',
        obligationMonth: '2025-07',
        memo: memo('payment applied'),
      },
      { ...entry, kind: 'FINE', amountQepik: 300, target: 'FINE', memo: memo('fine') },
      {
        ...entry,
        kind: 'WRITE_OFF',
        amountQepik: -100,
        target: 'MDSS',
        obligationSide: 'EMPLOYER',
        obligationMonth: '2025-08',
        memo: memo('MDSS written off'),
      },
      {
        ...entry,
        kind: 'WRITE_OFF',
        amountQepik: -50,
        target: 'PENALTY',
        memo: memo('penalty written off'),
      },
    ]);
  }
  const accounts = await db
    .selectDistinct({
      code: personAccountEntries.activityCode,
      fin: personAccountEntries.fin,
      surname: registryPersons.surname,
      name: registryPersons.name,
      patronymic: registryPersons.patronymic,
    })
    .from(personAccountEntries)
    .leftJoin(registryPersons, eq(registryPersons.fin, personAccountEntries.fin))
    .where(eq(personAccountEntries.employerId, employer.id));
  const fins: Record<string, string[]> = {};
  for (const a of accounts) (fins[a.code] ??= []).push(a.fin);
  for (const list of Object.values(fins)) list.sort();
  const fullName = (a: (typeof accounts)[number]) =>
    a.surname ? `${a.surname} ${a.name ?? ''} ${a.patronymic ?? ''}`.trim() : null;
  const names = Object.fromEntries(
    accounts.flatMap((a) => (fullName(a) ? [[a.fin, fullName(a)!]] : [])),
  );
  const [row] = await db.select().from(employers).where(eq(employers.id, employer.id));
  const paid = await db.select().from(payments).where(eq(payments.employerId, employer.id));
  const memos = await db
    .selectDistinct({ memo: ledgerEntries.memo })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.employerId, employer.id));
  const secrets = [
    employer.id,
    employer.name,
    employer.voen,
    employer.dsmfRegNumber,
    employer.bank.iban,
    row!.name,
    ...paid.flatMap((p) => [p.id, p.bankReference]),
    ...memos.flatMap((m) => (m.memo && m.memo.includes(key) ? [m.memo] : [])),
    ...accounts.flatMap((a) => [a.fin, fullName(a) ?? '']),
  ];
  return {
    key,
    employerId: employer.id,
    codes: employer.activityCodes,
    scope,
    fins,
    paymentIds,
    names,
    secrets: [...new Set(secrets.filter((s): s is string => typeof s === 'string' && s !== ''))],
  };
}
