import createNextIntlPlugin from 'next-intl/plugin';
import { staticSecurityHeaderRules } from './lib/edge/static-security-headers.mjs';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'exceljs'],
  poweredByHeader: false,
  typedRoutes: false,
  // Security headers on every response (issue 12 §8); pages add their nonce policy in proxy.ts.
  headers: async () => staticSecurityHeaderRules(),
  experimental: {
    // Person files (CSV/XLSX) are uploaded through a server action; the importer itself refuses
    // anything over 20 MB with a clear message, so the transport must let 20 MB through.
    serverActions: { bodySizeLimit: '21mb' },
    proxyClientMaxBodySize: '21mb',
  },
};

export default withNextIntl(nextConfig);
