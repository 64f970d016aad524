import { defaultSendQuarter, sendYears } from '@/components/sending/format';
import { CorrectiveButton, SendQuarterPanel, SendReportButton } from '@/components/sending/lazy';
import { requireEmployerAccess } from '@/lib/server/access';
import { todayInBaku } from '@/lib/server/clock';
import { getDb } from '@/lib/server/db';
import { searchReports } from '@/lib/server/reports/registry/search-reports';
import { simulatorsEnabled } from '@/lib/server/simulators/enabled';
import { createCorrectiveAction } from './corrective-actions';
import { completeQuarterAction, startQuarterAction } from './quarter-actions';
import {
  answerCardAction,
  cancelSendAction,
  completeSendAction,
  startSendAction,
} from './report-actions';

// The sending controls as one-line slots for the pages of other areas (registry, sent report),
// so those pages only place an element: each slot wires its server actions itself.

/** SPEC G3 on the registry: year and quarter start on the latest quarter with drafts. */
export async function SendQuarterSlot() {
  const scope = await requireEmployerAccess('REPORTS');
  const latestDraft = await searchReports(await getDb(), scope, {
    status: 'DRAFT',
    sort: 'period',
    dir: 'desc',
    page: 1,
    pageSize: 1,
  });
  const today = todayInBaku();
  const start = defaultSendQuarter(latestDraft.rows, today);
  return (
    <SendQuarterPanel
      years={sendYears(Number(today.slice(0, 4)))}
      defaultYear={start.year}
      defaultQuarter={start.quarter}
      simulatorsOn={simulatorsEnabled()}
      actions={{
        start: startQuarterAction,
        answerCard: answerCardAction,
        complete: completeQuarterAction,
        cancel: cancelSendAction,
      }}
    />
  );
}

/** "GÖNDƏR" of one report; compact in a table row. */
export function SendReportSlot({
  reportId,
  compact = false,
}: {
  reportId: string;
  compact?: boolean;
}) {
  return (
    <SendReportButton
      reportId={reportId}
      compact={compact}
      simulatorsOn={simulatorsEnabled()}
      actions={{
        start: startSendAction,
        answerCard: answerCardAction,
        complete: completeSendAction,
        cancel: cancelSendAction,
      }}
    />
  );
}

/** "Dəqiqləşdirilmiş" for an accepted report. */
export function CorrectiveSlot({
  reportId,
  compact = false,
}: {
  reportId: string;
  compact?: boolean;
}) {
  return <CorrectiveButton reportId={reportId} compact={compact} create={createCorrectiveAction} />;
}
