// Types of static-security-headers.mjs (plain JavaScript so next.config.mjs can import it).
type HeaderRule = {
  source: string;
  has?: { type: 'header'; key: string; value?: string }[];
  headers: { key: string; value: string }[];
};

export const PERMISSIONS_POLICY: string;
export const STRICT_TRANSPORT_SECURITY: string;
export const STRICT_CONTENT_SECURITY_POLICY: string;
export function staticSecurityHeaderRules(): HeaderRule[];
