import type { ReactNode } from 'react';
import { ClientMessages } from '@/lib/i18n/client-messages';

/** Writing and reading messages. Only these namespaces reach the browser. */
export default function EmployerCabinetMessagesMessages({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['correspondence']}>{children}</ClientMessages>;
}
