import { defineConfig } from 'vitest/config';

// Fault injection: throwaway PostgreSQL clusters, killed processes, stalled clients. One file at a
// time, since each starts its own database cluster and server processes.
export default defineConfig({
  test: {
    include: ['tests/faults/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
