import type { ReactNode } from 'react';
import { ClientMessages } from '@/lib/i18n/client-messages';

/** The wizard's steps: money, persons, the check page's sending. Only these namespaces reach the browser. */
export default function EmployerReportsReportidStepMessages({ children }: { children: ReactNode }) {
  return (
    <ClientMessages
      namespaces={[
        'figures',
        'jobs',
        'reportStatus',
        'sending',
        'wizard',
        'wizardMoney',
        'wizardPersons',
      ]}
    >
      {children}
    </ClientMessages>
  );
}
