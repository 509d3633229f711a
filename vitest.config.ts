import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/{core,db,server,fuzz}/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Files run in separate workers; two workers keep a 2-core machine busy without thrashing.
    maxWorkers: 2,
  },
});
