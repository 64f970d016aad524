import azApi from './messages/az-api.json';
import azCabinet from './messages/az-cabinet.json';
import azDistribution from './messages/az-distribution.json';
import azCorrespondence from './messages/az-correspondence.json';
import azBase from './messages/az.json';
import azFigures from './messages/az-figures.json';
import azJobs from './messages/az-jobs.json';
import azMoney from './messages/az-wizard-money.json';
import azPersons from './messages/az-wizard-persons.json';
import azProjection from './messages/az-projection.json';
import azReceipts from './messages/az-receipts.json';
import azRegistry from './messages/az-registry.json';
import azSending from './messages/az-sending.json';
import azStaff from './messages/az-staff.json';
import azStaffAccounts from './messages/az-staff-accounts.json';
import azStaffDebts from './messages/az-staffDebts.json';
import azStaffReference from './messages/az-staff-reference.json';
import azStaffEmployers from './messages/az-staff-employers.json';
import azStaffMessages from './messages/az-staff-messages.json';
import azStaffReports from './messages/az-staff-reports.json';
import azStaffPayments from './messages/az-staff-payments.json';
import azStaffAudit from './messages/az-staffAudit.json';
import azStaffStatistics from './messages/az-staffStatistics.json';
import azStatus from './messages/az-status.json';
import enApi from './messages/en-api.json';
import enCabinet from './messages/en-cabinet.json';
import enDistribution from './messages/en-distribution.json';
import enCorrespondence from './messages/en-correspondence.json';
import enBase from './messages/en.json';
import enFigures from './messages/en-figures.json';
import enJobs from './messages/en-jobs.json';
import enMoney from './messages/en-wizard-money.json';
import enPersons from './messages/en-wizard-persons.json';
import enProjection from './messages/en-projection.json';
import enReceipts from './messages/en-receipts.json';
import enRegistry from './messages/en-registry.json';
import enSending from './messages/en-sending.json';
import enStaff from './messages/en-staff.json';
import enStaffAccounts from './messages/en-staff-accounts.json';
import enStaffDebts from './messages/en-staffDebts.json';
import enStaffReference from './messages/en-staff-reference.json';
import enStaffEmployers from './messages/en-staff-employers.json';
import enStaffMessages from './messages/en-staff-messages.json';
import enStaffReports from './messages/en-staff-reports.json';
import enStaffPayments from './messages/en-staff-payments.json';
import enStaffAudit from './messages/en-staffAudit.json';
import enStaffStatistics from './messages/en-staffStatistics.json';
import enStatus from './messages/en-status.json';
import type { Locale } from './locales';

// The UI messages of each language: a base file plus one file per feature area, so areas built
// in parallel never edit the same file. Namespaces must not repeat across files.
export const UI_MESSAGES: Record<Locale, Record<string, unknown>> = {
  az: {
    ...azBase,
    ...azMoney,
    ...azPersons,
    ...azApi,
    ...azReceipts,
    ...azRegistry,
    ...azSending,
    ...azStatus,
    ...azFigures,
    ...azCabinet,
    ...azProjection,
    ...azDistribution,
    ...azCorrespondence,
    ...azStaff,
    ...azStaffAccounts,
    ...azStaffDebts,
    ...azStaffReference,
    ...azStaffEmployers,
    ...azStaffMessages,
    ...azStaffReports,
    ...azStaffPayments,
    ...azStaffAudit,
    ...azStaffStatistics,
    ...azJobs,
  },
  en: {
    ...enBase,
    ...enMoney,
    ...enPersons,
    ...enApi,
    ...enReceipts,
    ...enRegistry,
    ...enSending,
    ...enStatus,
    ...enFigures,
    ...enCabinet,
    ...enProjection,
    ...enDistribution,
    ...enCorrespondence,
    ...enStaff,
    ...enStaffAccounts,
    ...enStaffDebts,
    ...enStaffReference,
    ...enStaffEmployers,
    ...enStaffMessages,
    ...enStaffReports,
    ...enStaffPayments,
    ...enStaffAudit,
    ...enStaffStatistics,
    ...enJobs,
  },
};
