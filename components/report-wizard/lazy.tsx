'use client';

import dynamic from 'next/dynamic';

// The wizard's interactive parts, each in its own chunk (issue 15 §2). Every client component a
// route's server code reaches lands in that route's first-load bundle, whichever step renders
// it; through these loaders the page's bundle holds only this file, and a step's own parts come
// after, preloaded by the server render. Still rendered on the server (ssr stays on), so each
// step's HTML and its no-JavaScript forms are what they were.

export const MonthValuesForm = dynamic(() =>
  import('./month-values-form').then((m) => m.MonthValuesForm),
);

export const LineForm = dynamic(() => import('./money/line-form').then((m) => m.LineForm));
export const NonLiableIncomes = dynamic(() =>
  import('./money/non-liable-incomes').then((m) => m.NonLiableIncomes),
);
export const PaymentsPanel = dynamic(() =>
  import('./money/payments-panel').then((m) => m.PaymentsPanel),
);
export const PenaltyCalculator = dynamic(() =>
  import('./money/penalty-calculator').then((m) => m.PenaltyCalculator),
);

export const AddPersonForm = dynamic(() =>
  import('./persons/add-person-form').then((m) => m.AddPersonForm),
);
export const ConfirmDelete = dynamic(() =>
  import('./persons/confirm-delete').then((m) => m.ConfirmDelete),
);
export const DistributeButton = dynamic(() =>
  import('./persons/distribute-button').then((m) => m.DistributeButton),
);
export const ImportPanel = dynamic(() =>
  import('./persons/import-panel').then((m) => m.ImportPanel),
);
export const MarkReadyButton = dynamic(() =>
  import('./persons/mark-ready-button').then((m) => m.MarkReadyButton),
);
export const PersonRow = dynamic(() => import('./persons/person-row').then((m) => m.PersonRow));
export const PrefillButton = dynamic(() =>
  import('./persons/prefill-button').then((m) => m.PrefillButton),
);
export const ReviewWarnings = dynamic(() =>
  import('./persons/review-warnings').then((m) => m.ReviewWarnings),
);
export const SeniorityForm = dynamic(() =>
  import('./persons/seniority-form').then((m) => m.SeniorityForm),
);
export const SignatorySection = dynamic(() =>
  import('./persons/signatory-section').then((m) => m.SignatorySection),
);
