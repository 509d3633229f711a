import { defineConfig } from 'vitest/config';

// Browser end to end: a production build served by the real server (one process, PGlite with the
// demo data), driven by playwright-core in Debian's Chromium. Needs `next build` first.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
