import azAccounts from './messages/az-errors-staff-accounts.json';
import enAccounts from './messages/en-errors-staff-accounts.json';
import azPayments from './messages/az-errors-staff-payments.json';
import enPayments from './messages/en-errors-staff-payments.json';
import azDebts from './messages/az-errors-staff-debts.json';
import enDebts from './messages/en-errors-staff-debts.json';
import azReports from './messages/az-errors-staff-reports.json';
import enReports from './messages/en-errors-staff-reports.json';
import azReference from './messages/az-errors-staff-reference.json';
import enReference from './messages/en-errors-staff-reference.json';
import azEmployers from './messages/az-errors-staff-employers.json';
import enEmployers from './messages/en-errors-staff-employers.json';
import azAudit from './messages/az-errors-staff-audit.json';
import enAudit from './messages/en-errors-staff-audit.json';
import type { Locale } from './locales';

// The refusal texts of the fund staff dashboard's areas (issue 14), one file per area so the
// areas built in parallel never edit the same file; lib/server/error-messages.ts reads them
// with the rest. A code must not repeat across files.
export const STAFF_ERROR_TEXTS: Record<Locale, Record<string, string>> = {
  az: {
    ...azAccounts.errors,
    ...azPayments.errors,
    ...azDebts.errors,
    ...azReports.errors,
    ...azReference.errors,
    ...azEmployers.errors,
    ...azAudit.errors,
  },
  en: {
    ...enAccounts.errors,
    ...enPayments.errors,
    ...enDebts.errors,
    ...enReports.errors,
    ...enReference.errors,
    ...enEmployers.errors,
    ...enAudit.errors,
  },
};
