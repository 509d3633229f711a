import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The app's own alias (tsconfig "@/*"), so tests can import page helpers that use it.
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['tests/{core,db,server,fuzz}/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/support/global-setup.ts'],
    // Generous: a loaded 2-core machine once took 30 s for a test that takes 5 s alone; tests wait for conditions.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Files run in separate workers; two workers keep a 2-core machine busy without thrashing.
    maxWorkers: 2,
  },
});
