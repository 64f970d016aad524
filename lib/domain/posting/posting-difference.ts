// What a corrective report posts: the difference between two postings (issue 6 §11).
import type { AccountTarget } from '../account/account-types';
import type { PersonPosting, Posting, PostingEntry } from './build-posting';

const targetKey = (t: AccountTarget) =>
  t.category === 'MDSS' ? `MDSS:${t.side ?? ''}:${t.month ?? ''}` : t.category;
const ledgerKey = (e: PostingEntry) =>
  `${e.kind}|${e.month}|${e.paymentId ?? ''}|${targetKey(e.target)}`;
const personKey = (p: PersonPosting) => `${p.fin}|${p.month}`;

/**
 * Its posting minus the one of the report it replaces, netted per ledger key (kind, month,
 * payment, target) and per person and month; zero rows drop out. previous + difference = next,
 * entry by entry (issue 6 §11).
 */
export function postingDifference(
  next: Pick<Posting, 'ledger' | 'persons'>,
  previous: Pick<Posting, 'ledger' | 'persons'>,
): Pick<Posting, 'ledger' | 'persons'> {
  const ledger = new Map<string, PostingEntry>();
  for (const e of next.ledger) {
    const k = ledgerKey(e);
    const cur = ledger.get(k);
    ledger.set(k, { ...e, amountQepik: (cur?.amountQepik ?? 0) + e.amountQepik });
  }
  for (const e of previous.ledger) {
    const k = ledgerKey(e);
    const cur = ledger.get(k);
    ledger.set(k, { ...(cur ?? e), amountQepik: (cur?.amountQepik ?? 0) - e.amountQepik });
  }
  const persons = new Map<string, PersonPosting>();
  const zero = {
    incomeQepik: 0,
    employerMdssQepik: 0,
    employeeMdssQepik: 0,
    paidEmployerQepik: 0,
    paidEmployeeQepik: 0,
  };
  for (const p of next.persons) persons.set(personKey(p), p);
  for (const p of previous.persons) {
    const cur = persons.get(personKey(p)) ?? { ...p, ...zero };
    persons.set(personKey(p), {
      fin: p.fin,
      month: p.month,
      incomeQepik: cur.incomeQepik - p.incomeQepik,
      employerMdssQepik: cur.employerMdssQepik - p.employerMdssQepik,
      employeeMdssQepik: cur.employeeMdssQepik - p.employeeMdssQepik,
      paidEmployerQepik: cur.paidEmployerQepik - p.paidEmployerQepik,
      paidEmployeeQepik: cur.paidEmployeeQepik - p.paidEmployeeQepik,
    });
  }
  const nonZero = (p: PersonPosting) =>
    p.incomeQepik !== 0 ||
    p.employerMdssQepik !== 0 ||
    p.employeeMdssQepik !== 0 ||
    p.paidEmployerQepik !== 0 ||
    p.paidEmployeeQepik !== 0;
  return {
    ledger: [...ledger.values()].filter((e) => e.amountQepik !== 0),
    persons: [...persons.values()].filter(nonZero),
  };
}
