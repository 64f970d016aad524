import type { ReactNode } from 'react';
import { ClientMessages } from '@/lib/i18n/client-messages';

/** The simulated phone. Only these namespaces reach the browser. */
export default function SimulatorPhoneMessages({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['login', 'phone']}>{children}</ClientMessages>;
}
