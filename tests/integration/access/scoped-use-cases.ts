import type { Service } from '@/db/schema';
import { demoIdentity } from '@/db/seed/demo-identities';
import type { Db, DbOrTx } from '@/db/types';
import type { EmployerScope } from '@/lib/server/access';
import { createApiToken } from '@/lib/server/api/create-api-token';
import { listApiTokens } from '@/lib/server/api/list-api-tokens';
import { revokeApiToken } from '@/lib/server/api/revoke-api-token';
import { upsertReportFromPayload } from '@/lib/server/api/upsert-report-from-payload';
import { validateReportPayload } from '@/lib/server/api/validate-report-payload';
import { grantAuthority } from '@/lib/server/authorities/grant-authority';
import { listAuthorities } from '@/lib/server/authorities/list-authorities';
import { lookupAuthorityHolder } from '@/lib/server/authorities/lookup-authority-holder';
import { revokeAuthority } from '@/lib/server/authorities/revoke-authority';
import { completeReportFromRoster } from '@/lib/server/demo/complete-report-from-roster';
import { findLatestJob, getJob } from '@/lib/server/jobs/get-job';
import { endSendJobOfSigning, findRunningSendJob, startSendJob } from '@/lib/server/jobs/send-job';
import { importJobReporter, startImportJob } from '@/lib/server/reports/import/start-import-job';
import { getEmployerData } from '@/lib/server/employers/get-employer-data';
import { countUnreadMessages } from '@/lib/server/messages/count-unread-messages';
import { getMessageAttachment } from '@/lib/server/messages/get-message-attachment';
import { getMessageThread } from '@/lib/server/messages/get-message-thread';
import { listMessages } from '@/lib/server/messages/list-messages';
import { sendMessage } from '@/lib/server/messages/send-message';
import { loadCabinetContext } from '@/lib/server/cabinet/cabinet-context';
import { completeDistribution } from '@/lib/server/cabinet/distribution/complete-distribution';
import { listDistributions } from '@/lib/server/cabinet/distribution/list-distributions';
import { loadDistributionForm } from '@/lib/server/cabinet/distribution/load-distribution-form';
import {
  loadDistributablePayment,
  subEmployerTargets,
} from '@/lib/server/cabinet/distribution/load-distributable-payment';
import { startDistribution } from '@/lib/server/cabinet/distribution/start-distribution';
import { parseCabinetQuery } from '@/lib/cabinet/query';
import type { IsoDate } from '@/lib/domain/calendar';
import { addAllReportPayments } from '@/lib/server/reports/add-all-report-payments';
import { addNonLiableIncome } from '@/lib/server/reports/add-non-liable-income';
import { addReportPayment } from '@/lib/server/reports/add-report-payment';
import { computePenalty, getPenaltyBreakdown } from '@/lib/server/reports/compute-penalty';
import { createReport } from '@/lib/server/reports/create-report';
import { deleteNonLiableIncome } from '@/lib/server/reports/delete-non-liable-income';
import { distributeReport } from '@/lib/server/reports/distribution/distribute-report';
import { getDistributionWarnings } from '@/lib/server/reports/distribution/get-distribution-warnings';
import { getReportFigures } from '@/lib/server/reports/figures/get-report-figures';
import { getDraftMessages } from '@/lib/server/reports/review/get-draft-messages';
import {
  checkCorrectedRows,
  importPersonsFromForm,
} from '@/lib/server/reports/import/import-from-form';
import { findDefaultReportPeriods } from '@/lib/server/reports/find-default-report-periods';
import { getDraftSummary } from '@/lib/server/reports/get-draft-summary';
import { getReport } from '@/lib/server/reports/get-report';
import { getSanctions } from '@/lib/server/reports/get-sanctions';
import { buildImportTemplate } from '@/lib/server/reports/import/build-import-template';
import { importPersons } from '@/lib/server/reports/import/import-persons';
import { validatePersonRows } from '@/lib/server/reports/import/validate-person-rows';
import { validateRowsJson } from '@/lib/server/reports/import/validate-rows-json';
import { listActivityCodes } from '@/lib/server/reports/list-activity-codes';
import { listNonLiableReasons } from '@/lib/server/reports/list-non-liable-reasons';
import { listUnallocatedPayments } from '@/lib/server/reports/list-unallocated-payments';
import { markStepSeen } from '@/lib/server/reports/mark-step-seen';
import { addReportPerson } from '@/lib/server/reports/persons/add-report-person';
import { deleteReportPerson } from '@/lib/server/reports/persons/delete-report-person';
import { getReportPerson } from '@/lib/server/reports/persons/get-report-person';
import { listReportPersons } from '@/lib/server/reports/persons/list-report-persons';
import { prefillPersonsFromRoster } from '@/lib/server/reports/persons/prefill-persons-from-roster';
import { updateReportPerson } from '@/lib/server/reports/persons/update-report-person';
import { deleteDraft } from '@/lib/server/reports/registry/delete-draft';
import { getSentReport } from '@/lib/server/reports/registry/get-sent-report';
import { searchReports } from '@/lib/server/reports/registry/search-reports';
import { removeReportPayment } from '@/lib/server/reports/remove-report-payment';
import { confirmWarnings } from '@/lib/server/reports/review/confirm-warnings';
import { getReportReview } from '@/lib/server/reports/review/get-report-review';
import { markReportReady } from '@/lib/server/reports/review/mark-report-ready';
import { saveHeadcount } from '@/lib/server/reports/save-headcount';
import { saveLabourPayments } from '@/lib/server/reports/save-labour-payments';
import { saveReportLines } from '@/lib/server/reports/save-report-lines';
import { addSeniority } from '@/lib/server/reports/seniority/add-seniority';
import { deleteSeniority } from '@/lib/server/reports/seniority/delete-seniority';
import { listSeniorityEntries } from '@/lib/server/reports/seniority/list-seniority-entries';
import { listSeniority } from '@/lib/server/reports/seniority/list-seniority';
import { findSignatory } from '@/lib/server/reports/signatories/find-signatory';
import { saveSignatory } from '@/lib/server/reports/signatories/save-signatory';
import { updateNonLiableIncome } from '@/lib/server/reports/update-non-liable-income';
import { createCorrectiveReport } from '@/lib/server/submissions/create-corrective-report';
import { getCorrectionDiff } from '@/lib/server/submissions/get-correction-diff';
import { getReceipt } from '@/lib/server/submissions/receipt/get-receipt';
import { getSignedFile } from '@/lib/server/submissions/receipt/signed-file';
import { retryAutomaticChecks } from '@/lib/server/submissions/retry-checks';
import { completeQuarterSending, startQuarterSending } from '@/lib/server/submissions/send-quarter';
import { completeReportSending, startReportSending } from '@/lib/server/submissions/send-report';
import { WORLD_AS_OF as AS_OF, type IdKind, type Ids, type World } from './scoped-world';
import { testBrowser } from '../helpers/test-browser';

// THE list of employer-scoped use cases (issue 11 §8): every exported function of lib/server
// that takes `(db, scope: EmployerScope, …)` is named here once, by reference (a rename or a
// removal breaks the build), with how to call it and what another employer's id answers. A test
// scans lib/server for such functions, so a new use case cannot be left out; the access matrix
// runs every entry with employer B's scope and employer A's ids, one id at a time.
//
// `answer` says what an id outside the scope gives:
//   NOT_FOUND         AppError NOT_FOUND is thrown (the app answers 404 and audits it);
//   NOT_FOUND_RESULT  { ok: false, code: 'NOT_FOUND' } is returned (signing outcomes are
//                     returned, not thrown; audited the same way by runScoped);
//   EMPTY             a list filtered by the scope: it returns, with nothing of employer A.
// An entry without ids is called once with B's scope; what it returns must hold nothing of A.

type UseCase = (db: never, scope: EmployerScope, ...rest: never[]) => Promise<unknown>;

export type ScopedUseCase = {
  useCase: UseCase;
  service: Service;
  ids: readonly IdKind[];
  answer: 'NOT_FOUND' | 'NOT_FOUND_RESULT' | 'EMPTY';
  /**
   * A service whose scope the use case must refuse, when it accepts more than `service`
   * (the wiring test's default is REPORTS, or EMPLOYER_DATA for a REPORTS use case).
   */
  wrongService?: Service;
  /** Calls the use case with `scope`; `id` are the ids to use, `own` the caller's world. */
  call: (db: DbOrTx, scope: EmployerScope, id: Ids, own: World) => Promise<unknown>;
};

/** Someone with no link to either employer, who may be granted an authority. */
const HOLDER = demoIdentity('free-person');

const months = (own: World) => {
  const first = own.draft.quarter * 3 - 2;
  return [0, 1, 2].map((i) => `${own.draft.year}-${String(first + i).padStart(2, '0')}`);
};

export const SCOPED_USE_CASES = {
  // Employer data, authorities (SPEC B1, C1–C7)
  getEmployerData: {
    useCase: getEmployerData,
    service: 'EMPLOYER_DATA',
    // The cabinet's views 1–4 show the employer's data to a REPORTS authority too (SPEC D1).
    wrongService: 'AUTHORITIES',
    ids: [],
    answer: 'EMPTY',
    call: (db, scope) => getEmployerData(db, scope),
  },
  // Progress of long work: the job rows of an import and of a send (issue 15 §6). The job
  // module writes on the database handle it is given (the app gives the pool, not a transaction).
  // Both kinds: an import's job and a send's (the send button and the report's page poll it).
  getJob: {
    useCase: getJob,
    service: 'REPORTS',
    ids: ['jobId', 'sendJobId'],
    answer: 'NOT_FOUND',
    call: async (db, scope, id) => [
      await getJob(db, scope, { jobId: id.jobId }),
      await getJob(db, scope, { jobId: id.sendJobId }),
    ],
  },
  findLatestJob: {
    useCase: findLatestJob,
    service: 'REPORTS',
    ids: ['reportId', 'sentReportId'],
    answer: 'EMPTY',
    call: async (db, scope, id) => {
      const found = [
        await findLatestJob(db, scope, { reportId: id.reportId, kind: 'IMPORT_PERSONS' }),
        await findLatestJob(db, scope, { reportId: id.sentReportId, kind: 'SEND_REPORT' }),
      ];
      return found.every((j) => j === null) ? null : found;
    },
  },
  startImportJob: {
    useCase: startImportJob,
    service: 'REPORTS',
    ids: ['reportId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id) => startImportJob(db as Db, scope, { reportId: id.reportId }),
  },
  importJobReporter: {
    useCase: importJobReporter,
    service: 'REPORTS',
    ids: ['jobId', 'reportId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id) =>
      importJobReporter(db as Db, scope, { jobId: id.jobId, reportId: id.reportId }),
  },
  startSendJob: {
    useCase: startSendJob,
    service: 'REPORTS',
    ids: ['reportId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id) => startSendJob(db as Db, scope, id.reportId),
  },
  findRunningSendJob: {
    useCase: findRunningSendJob,
    service: 'REPORTS',
    ids: ['reportId', 'signingSessionId'],
    answer: 'EMPTY',
    call: (db, scope, id) => findRunningSendJob(db as Db, scope, id.reportId, id.signingSessionId),
  },
  endSendJobOfSigning: {
    useCase: endSendJobOfSigning,
    service: 'REPORTS',
    ids: ['signingSessionId'],
    answer: 'EMPTY',
    call: (db, scope, id) =>
      endSendJobOfSigning(db as Db, scope, id.signingSessionId, 'USER_CANCELLED'),
  },
  // The personal cabinet (SPEC D1, E1–E5)
  loadCabinetContext: {
    useCase: loadCabinetContext,
    service: 'REPORTS',
    ids: [],
    answer: 'EMPTY',
    call: (db, scope, _id, own) =>
      loadCabinetContext(
        db,
        scope,
        parseCabinetQuery({ code: own.activityCode }, '2026-01-20' as IsoDate).query,
      ),
  },
  // Payment distribution (SPEC E3–E5, issue 13 §6–§8)
  loadDistributablePayment: {
    useCase: loadDistributablePayment,
    service: 'REPORTS',
    ids: ['paymentId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id) => loadDistributablePayment(db, scope, id.paymentId),
  },
  loadDistributionForm: {
    useCase: loadDistributionForm,
    service: 'REPORTS',
    ids: ['paymentId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id) => loadDistributionForm(db, scope, id.paymentId, 'CLASSIFICATION'),
  },
  startDistribution: {
    useCase: startDistribution,
    service: 'REPORTS',
    ids: ['paymentId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id) =>
      startDistribution(
        db,
        scope,
        {
          paymentId: id.paymentId,
          kind: 'CLASSIFICATION',
          amountQepik: 1,
          lines: [{ target: '121111', amountQepik: 1 }],
          method: 'ESIGN',
          browser: testBrowser,
        },
        AS_OF,
      ),
  },
  completeDistribution: {
    useCase: completeDistribution,
    service: 'REPORTS',
    ids: ['paymentId', 'signingSessionId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id) =>
      completeDistribution(db, scope, {
        paymentId: id.paymentId,
        sessionId: id.signingSessionId,
        browser: testBrowser,
        jws: null,
      }),
  },
  listDistributions: {
    useCase: listDistributions,
    service: 'REPORTS',
    ids: [],
    answer: 'EMPTY',
    call: (db, scope) => listDistributions(db, scope),
  },
  subEmployerTargets: {
    useCase: subEmployerTargets,
    service: 'REPORTS',
    ids: [],
    answer: 'EMPTY',
    call: (db, scope) => subEmployerTargets(db, scope),
  },
  listAuthorities: {
    useCase: listAuthorities,
    service: 'AUTHORITIES',
    ids: [],
    answer: 'EMPTY',
    call: (db, scope) => listAuthorities(db, scope, AS_OF),
  },
  lookupAuthorityHolder: {
    useCase: lookupAuthorityHolder,
    service: 'AUTHORITIES',
    ids: [],
    answer: 'EMPTY',
    call: (db, scope) =>
      lookupAuthorityHolder(
        db,
        scope,
        { method: 'ESIGN', cardNumber: HOLDER.cardNumber, fin: HOLDER.fin },
        AS_OF,
      ),
  },
  grantAuthority: {
    useCase: grantAuthority,
    service: 'AUTHORITIES',
    ids: [],
    answer: 'EMPTY',
    call: (db, scope) =>
      grantAuthority(
        db,
        scope,
        {
          service: 'EMPLOYER_DATA',
          method: 'ESIGN',
          cardNumber: HOLDER.cardNumber,
          fin: HOLDER.fin,
        },
        AS_OF,
      ),
  },
  revokeAuthority: {
    useCase: revokeAuthority,
    service: 'AUTHORITIES',
    ids: ['authorityId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id) => revokeAuthority(db, scope, { authorityId: id.authorityId }, AS_OF),
  },

  // Payroll-API tokens and the API's own use cases (issue 5 §9)
  listApiTokens: {
    useCase: listApiTokens,
    service: 'REPORTS',
    ids: [],
    answer: 'EMPTY',
    call: (db, scope) => listApiTokens(db, scope),
  },
  createApiToken: {
    useCase: createApiToken,
    service: 'REPORTS',
    ids: [],
    answer: 'EMPTY',
    call: (db, scope) => createApiToken(db, scope, { name: 'Matrix' }, AS_OF),
  },
  revokeApiToken: {
    useCase: revokeApiToken,
    service: 'REPORTS',
    ids: ['tokenId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id) => revokeApiToken(db, scope, { tokenId: id.tokenId }, AS_OF),
  },
  validateReportPayload: {
    useCase: validateReportPayload,
    service: 'REPORTS',
    ids: [],
    answer: 'EMPTY',
    call: (db, scope, _id, own) => validateReportPayload(db, scope, apiBody(own), AS_OF),
  },
  upsertReportFromPayload: {
    useCase: upsertReportFromPayload,
    service: 'REPORTS',
    ids: [],
    answer: 'EMPTY',
    call: (db, scope, _id, own) =>
      upsertReportFromPayload(db, scope, apiBody(own), { asOf: AS_OF }),
  },

  // Creating and listing reports (SPEC D, E)
  findDefaultReportPeriods: {
    useCase: findDefaultReportPeriods,
    service: 'REPORTS',
    ids: [],
    answer: 'EMPTY',
    call: (db, scope) => findDefaultReportPeriods(db, scope, AS_OF),
  },
  listActivityCodes: {
    useCase: listActivityCodes,
    service: 'REPORTS',
    ids: [],
    answer: 'EMPTY',
    call: (db, scope) => listActivityCodes(db, scope),
  },
  listNonLiableReasons: {
    useCase: listNonLiableReasons,
    service: 'REPORTS',
    ids: [],
    answer: 'EMPTY',
    call: (db, scope) => listNonLiableReasons(db, scope),
  },
  listSeniorityEntries: {
    useCase: listSeniorityEntries,
    service: 'REPORTS',
    ids: [],
    answer: 'EMPTY',
    call: (db, scope) => listSeniorityEntries(db, scope),
  },
  createReport: {
    useCase: createReport,
    service: 'REPORTS',
    ids: [],
    answer: 'EMPTY',
    call: (db, scope, _id, own) =>
      createReport(
        db,
        scope,
        { reportType: 'INITIAL', year: 2025, quarter: 1, activityCode: own.activityCode },
        AS_OF,
      ),
  },
  searchReports: {
    useCase: searchReports,
    service: 'REPORTS',
    ids: ['receiptNumber'],
    answer: 'EMPTY',
    call: (db, scope, id) =>
      searchReports(db, scope, {
        receiptNumber: id.receiptNumber,
        sort: 'period',
        dir: 'desc',
        page: 1,
        pageSize: 20,
      }),
  },
  getReport: {
    useCase: getReport,
    service: 'REPORTS',
    ids: ['reportId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id) => getReport(db, scope, id.reportId),
  },
  getDraftSummary: {
    useCase: getDraftSummary,
    service: 'REPORTS',
    ids: ['reportId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id) => getDraftSummary(db, scope, id.reportId),
  },
  deleteDraft: {
    useCase: deleteDraft,
    service: 'REPORTS',
    ids: ['reportId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id) => deleteDraft(db, scope, { reportId: id.reportId }),
  },
  getSentReport: {
    useCase: getSentReport,
    service: 'REPORTS',
    ids: ['sentReportId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id) => getSentReport(db, scope, { reportId: id.sentReportId }),
  },
  markStepSeen: {
    useCase: markStepSeen,
    service: 'REPORTS',
    ids: ['reportId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id) => markStepSeen(db, scope, { reportId: id.reportId, step: 'F4' }, AS_OF),
  },

  // Wizard steps F6–F18 (payments, amounts, lines, headcount)
  listUnallocatedPayments: {
    useCase: listUnallocatedPayments,
    service: 'REPORTS',
    ids: ['reportId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id) => listUnallocatedPayments(db, scope, { reportId: id.reportId }),
  },
  addReportPayment: {
    useCase: addReportPayment,
    service: 'REPORTS',
    ids: ['reportId', 'paymentId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id) =>
      addReportPayment(
        db,
        scope,
        { reportId: id.reportId, paymentId: id.paymentId, amountQepik: 1 },
        AS_OF,
      ),
  },
  addAllReportPayments: {
    useCase: addAllReportPayments,
    service: 'REPORTS',
    ids: ['reportId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id) => addAllReportPayments(db, scope, { reportId: id.reportId }, AS_OF),
  },
  removeReportPayment: {
    useCase: removeReportPayment,
    service: 'REPORTS',
    ids: ['reportId', 'paymentId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id) =>
      removeReportPayment(db, scope, { reportId: id.reportId, paymentId: id.paymentId }, AS_OF),
  },
  saveLabourPayments: {
    useCase: saveLabourPayments,
    service: 'REPORTS',
    ids: ['reportId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id, own) =>
      saveLabourPayments(
        db,
        scope,
        { reportId: id.reportId, months: [{ month: months(own)[0]!, labourPaymentsQepik: 1 }] },
        AS_OF,
      ),
  },
  addNonLiableIncome: {
    useCase: addNonLiableIncome,
    service: 'REPORTS',
    ids: ['reportId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id, own) =>
      addNonLiableIncome(
        db,
        scope,
        {
          reportId: id.reportId,
          reasonCode: own.reasonCode,
          month: months(own)[0]!,
          amountQepik: 1,
        },
        AS_OF,
      ),
  },
  updateNonLiableIncome: {
    useCase: updateNonLiableIncome,
    service: 'REPORTS',
    ids: ['reportId', 'incomeId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id, own) =>
      updateNonLiableIncome(
        db,
        scope,
        {
          reportId: id.reportId,
          incomeId: id.incomeId,
          reasonCode: own.reasonCode,
          month: months(own)[0]!,
          amountQepik: 1,
        },
        AS_OF,
      ),
  },
  deleteNonLiableIncome: {
    useCase: deleteNonLiableIncome,
    service: 'REPORTS',
    ids: ['reportId', 'incomeId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id) =>
      deleteNonLiableIncome(db, scope, { reportId: id.reportId, incomeId: id.incomeId }, AS_OF),
  },
  saveReportLines: {
    useCase: saveReportLines,
    service: 'REPORTS',
    ids: ['reportId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id) =>
      saveReportLines(
        db,
        scope,
        { reportId: id.reportId, step: 'F13', accruedQepik: 1, paidQepik: 0 },
        AS_OF,
      ),
  },
  saveHeadcount: {
    useCase: saveHeadcount,
    service: 'REPORTS',
    ids: ['reportId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id, own) =>
      saveHeadcount(
        db,
        scope,
        { reportId: id.reportId, months: [{ month: months(own)[0]!, headcount: 1 }] },
        AS_OF,
      ),
  },
  computePenalty: {
    useCase: computePenalty,
    service: 'REPORTS',
    ids: ['reportId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id) => computePenalty(db, scope, { reportId: id.reportId }, AS_OF),
  },
  getPenaltyBreakdown: {
    useCase: getPenaltyBreakdown,
    service: 'REPORTS',
    ids: ['reportId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id) => getPenaltyBreakdown(db, scope, { reportId: id.reportId }, AS_OF),
  },
  getSanctions: {
    useCase: getSanctions,
    service: 'REPORTS',
    ids: ['sentReportId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id) => getSanctions(db, scope, { reportId: id.sentReportId }),
  },
  getReportFigures: {
    useCase: getReportFigures,
    service: 'REPORTS',
    ids: ['reportId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id) => getReportFigures(db, scope, { reportId: id.reportId }, AS_OF),
  },

  getDraftMessages: {
    useCase: getDraftMessages,
    service: 'REPORTS',
    ids: ['reportId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id) => getDraftMessages(db, scope, { reportId: id.reportId }),
  },

  // Persons, import, seniority, signatories (SPEC F19–F21)
  listReportPersons: {
    useCase: listReportPersons,
    service: 'REPORTS',
    ids: ['reportId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id) => listReportPersons(db, scope, { reportId: id.reportId }),
  },
  getReportPerson: {
    useCase: getReportPerson,
    service: 'REPORTS',
    ids: ['reportId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id, own) =>
      getReportPerson(db, scope, { reportId: id.reportId, fin: own.fin }),
  },
  addReportPerson: {
    useCase: addReportPerson,
    service: 'REPORTS',
    ids: ['reportId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id, own) =>
      addReportPerson(
        db,
        scope,
        { reportId: id.reportId, fin: own.fin, incomesQepik: [1, null, null] },
        AS_OF,
      ),
  },
  updateReportPerson: {
    useCase: updateReportPerson,
    service: 'REPORTS',
    ids: ['reportId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id, own) =>
      updateReportPerson(
        db,
        scope,
        { reportId: id.reportId, fin: own.fin, incomesQepik: [1, null, null] },
        AS_OF,
      ),
  },
  deleteReportPerson: {
    useCase: deleteReportPerson,
    service: 'REPORTS',
    ids: ['reportId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id, own) =>
      deleteReportPerson(db, scope, { reportId: id.reportId, fin: own.fin }, AS_OF),
  },
  prefillPersonsFromRoster: {
    useCase: prefillPersonsFromRoster,
    service: 'REPORTS',
    ids: ['reportId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id) => prefillPersonsFromRoster(db, scope, { reportId: id.reportId }, AS_OF),
  },
  completeReportFromRoster: {
    useCase: completeReportFromRoster,
    service: 'REPORTS',
    ids: ['reportId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id, own) =>
      completeReportFromRoster(db, scope, {
        reportId: id.reportId,
        chiefAccountantFin: own.fin,
        asOf: AS_OF,
      }),
  },
  buildImportTemplate: {
    useCase: buildImportTemplate,
    service: 'REPORTS',
    ids: ['reportId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id) =>
      buildImportTemplate(db, scope, { reportId: id.reportId, format: 'csv' }),
  },
  validateRowsJson: {
    useCase: validateRowsJson,
    service: 'REPORTS',
    ids: ['reportId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id) =>
      validateRowsJson(db, scope, { reportId: id.reportId, mode: 'append', rows: [] }),
  },
  checkCorrectedRows: {
    useCase: checkCorrectedRows,
    service: 'REPORTS',
    ids: ['reportId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id) =>
      checkCorrectedRows(db, scope, { reportId: id.reportId, mode: 'append', rows: [] }, 'az'),
  },
  validatePersonRows: {
    useCase: validatePersonRows,
    service: 'REPORTS',
    ids: ['reportId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id) =>
      validatePersonRows(db, scope, { reportId: id.reportId, mode: 'append', rows: [] }),
  },
  importPersonsFromForm: {
    useCase: importPersonsFromForm,
    service: 'REPORTS',
    ids: ['reportId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id) =>
      importPersonsFromForm(
        db,
        scope,
        {
          reportId: id.reportId,
          mode: 'append',
          file: new File(['FIN;Soyad;Ad\n'], 'persons.csv', { type: 'text/csv' }),
          corrections: [],
        },
        'az',
      ),
  },
  importPersons: {
    useCase: importPersons,
    service: 'REPORTS',
    ids: ['reportId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id) =>
      importPersons(
        db,
        scope,
        { reportId: id.reportId, mode: 'append', source: { kind: 'rows', rows: [] } },
        { asOf: AS_OF },
      ),
  },
  listSeniority: {
    useCase: listSeniority,
    service: 'REPORTS',
    ids: ['reportId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id) => listSeniority(db, scope, { reportId: id.reportId }),
  },
  addSeniority: {
    useCase: addSeniority,
    service: 'REPORTS',
    ids: ['reportId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id, own) =>
      addSeniority(
        db,
        scope,
        { reportId: id.reportId, fin: own.fin, entryId: own.seniorityEntryId, days: 2 },
        AS_OF,
      ),
  },
  deleteSeniority: {
    useCase: deleteSeniority,
    service: 'REPORTS',
    ids: ['reportId', 'seniorityId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id) =>
      deleteSeniority(db, scope, { reportId: id.reportId, id: id.seniorityId }, AS_OF),
  },
  findSignatory: {
    useCase: findSignatory,
    service: 'REPORTS',
    ids: [],
    answer: 'EMPTY',
    call: (db, scope, _id, own) => findSignatory(db, scope, { fin: own.fin, documentType: 'DIN' }),
  },
  saveSignatory: {
    useCase: saveSignatory,
    service: 'REPORTS',
    ids: ['reportId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id, own) =>
      saveSignatory(
        db,
        scope,
        { reportId: id.reportId, role: 'CHIEF_ACCOUNTANT', fin: own.fin, documentType: 'DIN' },
        AS_OF,
      ),
  },

  // Distribution and review (SPEC F22, F23)
  distributeReport: {
    useCase: distributeReport,
    service: 'REPORTS',
    ids: ['reportId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id) => distributeReport(db, scope, { reportId: id.reportId }, AS_OF),
  },
  getDistributionWarnings: {
    useCase: getDistributionWarnings,
    service: 'REPORTS',
    ids: ['reportId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id) => getDistributionWarnings(db, scope, { reportId: id.reportId }),
  },
  getReportReview: {
    useCase: getReportReview,
    service: 'REPORTS',
    ids: ['reportId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id) => getReportReview(db, scope, { reportId: id.reportId }),
  },
  confirmWarnings: {
    useCase: confirmWarnings,
    service: 'REPORTS',
    ids: ['reportId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id) =>
      confirmWarnings(db, scope, { reportId: id.reportId, confirmations: [] }, AS_OF),
  },
  markReportReady: {
    useCase: markReportReady,
    service: 'REPORTS',
    ids: ['reportId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id) => markReportReady(db, scope, { reportId: id.reportId }, AS_OF),
  },

  // Sending, receipts, corrections (SPEC G)
  startReportSending: {
    useCase: startReportSending,
    service: 'REPORTS',
    ids: ['reportId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id) =>
      startReportSending(
        db,
        scope,
        { browser: testBrowser, reportId: id.reportId, method: 'ESIGN' },
        AS_OF,
      ),
  },
  completeReportSending: {
    useCase: completeReportSending,
    service: 'REPORTS',
    ids: ['reportId', 'signingSessionId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id) =>
      completeReportSending(
        db,
        scope,
        { browser: testBrowser, reportId: id.reportId, sessionId: id.signingSessionId, jws: null },
        AS_OF,
      ),
  },
  startQuarterSending: {
    useCase: startQuarterSending,
    service: 'REPORTS',
    ids: [],
    answer: 'EMPTY',
    call: (db, scope, _id, own) =>
      startQuarterSending(
        db,
        scope,
        { browser: testBrowser, ...own.draft, method: 'ESIGN' },
        AS_OF,
      ),
  },
  completeQuarterSending: {
    useCase: completeQuarterSending,
    service: 'REPORTS',
    ids: ['batchId'],
    answer: 'NOT_FOUND_RESULT',
    call: (db, scope, id) =>
      completeQuarterSending(
        db,
        scope,
        { browser: testBrowser, batchId: id.batchId, jws: null },
        AS_OF,
      ),
  },
  retryAutomaticChecks: {
    useCase: retryAutomaticChecks,
    service: 'REPORTS',
    ids: ['sentReportId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id) => retryAutomaticChecks(db, scope, { reportId: id.sentReportId }, AS_OF),
  },
  getReceipt: {
    useCase: getReceipt,
    service: 'REPORTS',
    ids: ['submissionId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id) => getReceipt(db, scope, { submissionId: id.submissionId }),
  },
  getSignedFile: {
    useCase: getSignedFile,
    service: 'REPORTS',
    ids: ['submissionId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id) => getSignedFile(db, scope, { submissionId: id.submissionId }),
  },
  createCorrectiveReport: {
    useCase: createCorrectiveReport,
    service: 'REPORTS',
    ids: ['sentReportId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id) =>
      createCorrectiveReport(db, scope, { reportId: id.sentReportId }, AS_OF),
  },
  getCorrectionDiff: {
    useCase: getCorrectionDiff,
    service: 'REPORTS',
    ids: ['sentReportId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id) => getCorrectionDiff(db, scope, { reportId: id.sentReportId }),
  },

  // Messages with the fund (SPEC E1, issue 13 §9)
  listMessages: {
    useCase: listMessages,
    service: 'REPORTS',
    ids: [],
    answer: 'EMPTY',
    call: async (db, scope) => [
      await listMessages(db, scope, { box: 'inbox' }),
      await listMessages(db, scope, { box: 'sent' }),
    ],
  },
  countUnreadMessages: {
    useCase: countUnreadMessages,
    service: 'REPORTS',
    ids: [],
    answer: 'EMPTY',
    call: (db, scope) => countUnreadMessages(db, scope),
  },
  getMessageThread: {
    useCase: getMessageThread,
    service: 'REPORTS',
    ids: ['messageId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id) => getMessageThread(db, scope, { messageId: id.messageId }, AS_OF),
  },
  getMessageAttachment: {
    useCase: getMessageAttachment,
    service: 'REPORTS',
    ids: ['attachmentId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id) => getMessageAttachment(db, scope, { attachmentId: id.attachmentId }),
  },
  sendMessage: {
    useCase: sendMessage,
    service: 'REPORTS',
    ids: ['messageId'],
    answer: 'NOT_FOUND',
    call: (db, scope, id) =>
      sendMessage(
        db,
        scope,
        { subject: 'Reply', body: 'A reply.', parentId: id.messageId, attachments: [] },
        AS_OF,
      ),
  },
} satisfies Record<string, ScopedUseCase>;

/**
 * Exported functions of lib/server that take a scope but are not entry points: guards, the
 * loaders every use case above goes through (probed through them), and steps inside one
 * transaction that take rows already loaded through the scope. Named here so the scan knows
 * them; a new one must be added on purpose, with its reason.
 */
export const SCOPED_HELPERS: Readonly<Record<string, string>> = {
  assertScopeService: 'guard: checks the service of a scope',
  runScoped: 'the audited way to run every entry above',
  loadInScope: 'runScoped for pages',
  requireResponsible: 'guard inside createApiToken and revokeApiToken',
  checkReportRequest: 'validation inside validateReportPayload and upsertReportFromPayload',
  checkReportPayload: 'a step of checkReportRequest',
  findPayloadReport: 'finds the draft by (activityCode, year, quarter) inside the API use cases',
  loadReportContext:
    'the one report loader behind the reportId use cases above (lock, draft, version)',
  ofReport: 'the where-clause of a report child, used by the loaders',
  upsertReportLine: 'writes a line of a draft locked through the scope, inside its transaction',
  reportContributions: 'computes on a report row already loaded through the scope',
  prepareForSending: 'a step of startReportSending and the quarter sending, in their transaction',
  subEmployerScope:
    'guard: narrows a scope to an employer below it (tests/integration/cabinet/payment-distribution)',
  checkDistribution: 'a step of start/completeDistribution on a payment loaded through the scope',
  documentEmployers: 'names the scope’s employer for the document inside startDistribution',
  loadMessageList: 'the messages pages’ loader over listMessages (probed through it)',
};

/** A small payroll-API body for the caller's own activity code and a past quarter. */
function apiBody(own: World) {
  return { activityCode: own.activityCode, year: 2025, quarter: 2, persons: [] };
}
