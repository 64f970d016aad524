import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
const alias = { '@': root, 'server-only': `${root}tests/fixtures/server-only.ts` };

// Three projects so `npm test` (unit + integration) never needs a browser or a running server.
export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          server: { deps: { inline: ['next-auth'] } },
          include: ['tests/integration/**/*.test.ts', 'tests/security/**/*.test.ts'],
          // The security suite's browser tests need a running server: the e2e project runs them.
          exclude: [...configDefaults.exclude, 'tests/security/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One PGlite per file in memory; files in parallel would compete for 2 cores.
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts', 'tests/security/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // A page refresh after an action can take seconds on a loaded machine; 1 s (the
          // default) made the browser tests flaky there without catching anything more.
          expect: { poll: { timeout: 10_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
