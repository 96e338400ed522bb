import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Three projects, run one after another by `npm test`:
// unit (pure and in-process code), integration (the real server on loopback),
// e2e (the built app in Debian's Chromium). The PostgreSQL and Redis suites run when
// TEST_DATABASE_URL and TEST_REDIS_URL are set (scripts/testServices.ts checks they answer).
export default defineConfig({
  test: {
    globalSetup: ['scripts/testServices.ts'],
    // Vitest's default leaves a core free, which on a two-core machine runs the unit and
    // integration files one at a time; much of their time is spent waiting on sockets, databases
    // and child processes, so two at once take about a third less. The browser files stay serial.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: [
            'shared/**/*.test.ts',
            'server/**/*.test.ts',
            'client/**/*.test.ts',
            'bench/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
          exclude: ['server/test/**', 'client/e2e/**', 'node_modules/**'],
        },
      },
      {
        test: {
          name: 'integration',
          environment: 'node',
          include: ['server/test/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['client/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
