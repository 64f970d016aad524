import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import drizzle from 'eslint-plugin-drizzle';

const DB_AND_AUTH = [
  '@/db',
  '@/db/*',
  '@/auth',
  '@/auth/*',
  'drizzle-orm',
  'drizzle-orm/*',
  'postgres',
  '@electric-sql/*',
];

const config = [
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      '.data/**',
      'next-env.d.ts',
      'db/migrations/**',
      'coverage/**',
    ],
  },
  ...nextVitals,
  ...nextTs,
  {
    plugins: { drizzle },
    rules: {
      // An UPDATE or DELETE without WHERE on a ledger-like table is never intended.
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // The pure domain core: no framework, database, clock or environment (ARCHITECTURE.md §3).
    files: ['lib/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'next',
                'next/*',
                'react',
                'react/*',
                'react-dom',
                ...DB_AND_AUTH,
                '@/lib/server/*',
                '@/lib/integrations/*',
                '@/components/*',
                '@/app/*',
                'node:*',
              ],
              message:
                'lib/domain is pure: it imports only lib/domain, zod and the text catalogue data (lib/i18n/messages).',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'Date',
          property: 'now',
          message: 'The caller passes asOf; lib/domain has no clock.',
        },
        { object: 'process', property: 'env', message: 'lib/domain reads no environment.' },
        { object: 'Math', property: 'random', message: 'lib/domain is deterministic.' },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'parseFloat', message: 'Money is parsed exactly, never with parseFloat.' },
      ],
    },
  },
  {
    // UI never reaches the database or the auth internals directly; it goes through lib/server.
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@/db',
                '@/db/*',
                'drizzle-orm',
                'drizzle-orm/*',
                'postgres',
                '@electric-sql/*',
              ],
              message:
                'app/ and components/ never import the database: call a use case in lib/server.',
            },
          ],
        },
      ],
    },
  },
  {
    // Components import the server's exported types (type-only, erased at build) instead of
    // mirroring them; never its code.
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...DB_AND_AUTH],
              message: 'components/ never import db or auth.',
            },
            {
              group: ['@/lib/server/*'],
              allowTypeImports: true,
              message: 'components/ import only types from server code.',
            },
          ],
        },
      ],
    },
  },
];

export default config;
