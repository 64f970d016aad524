import type { ReactNode } from 'react';
import { ClientMessages } from '@/lib/i18n/client-messages';

/** The payroll API's tokens. Only these namespaces reach the browser. */
export default function EmployerReportsApiTokensMessages({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['apiTokens']}>{children}</ClientMessages>;
}
