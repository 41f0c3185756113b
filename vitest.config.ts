import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts', '**/*.e2e.ts'],
    exclude: ['**/node_modules/**', 'data/**'],
    // PGlite instances and the demo city are heavy: two files at a time on a two-core machine.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 240_000,
    env: { APOLLO_TELEMETRY_DISABLED: 'true' },
  },
});
