'use client';

import dynamic from 'next/dynamic';

// The sending controls, each in its own chunk, for the pages that place them through
// app/(employer)/reports/sending/slots.tsx (registry, sent report, the wizard's check page):
// without these loaders every such page's first-load bundle carried all three (issue 15 §2).
// Still rendered on the server; see components/report-wizard/lazy.tsx.

export const CorrectiveButton = dynamic(() =>
  import('./corrective-button').then((m) => m.CorrectiveButton),
);
export const SendQuarterPanel = dynamic(() =>
  import('./send-quarter-panel').then((m) => m.SendQuarterPanel),
);
export const SendReportButton = dynamic(() =>
  import('./send-report-button').then((m) => m.SendReportButton),
);
