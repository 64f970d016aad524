import type { ReactNode } from 'react';
import { ClientMessages } from '@/lib/i18n/client-messages';

/** Granting and revoking authorities (the grant form reuses the login texts). Only these namespaces reach the browser. */
export default function EmployerAuthoritiesMessages({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={['authorities', 'login']}>{children}</ClientMessages>;
}
