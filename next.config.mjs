import createNextIntlPlugin from 'next-intl/plugin';
import { staticSecurityHeaderRules } from './lib/edge/static-security-headers.mjs';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The Dockerfile builds with NEXT_OUTPUT=standalone (a server.js with only the files it needs);
  // everywhere else the build stays the ordinary one, because `next start` (CI, Vercel-style
  // hosts, README) warns that it "does not work" with a standalone build.
  output: process.env.NEXT_OUTPUT === 'standalone' ? 'standalone' : undefined,
  // PGlite ships WASM and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'exceljs'],
  poweredByHeader: false,
  // Person files are read in a worker thread (lib/server/reports/import/read-grid.ts) that Node
  // loads from this file at run time, outside the bundle: trace it, and the CSV parser it
  // imports (no bundled code imports csv-parse any more; exceljs is traced by its other users),
  // into the build output of the routes whose actions import a file.
  outputFileTracingIncludes: {
    // Read at run time from the working directory, not imported: the migrations (a PGlite
    // start applies them, a PostgreSQL start counts them) and the receipt's fonts.
    '/**': ['./db/migrations/**/*', './lib/server/submissions/receipt/fonts/**/*'],
    '/reports/**': [
      './lib/server/reports/import/worker/**/*.mjs',
      './node_modules/csv-parse/**/*',
      './node_modules/exceljs/**/*',
    ],
  },
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
