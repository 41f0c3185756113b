import { defineConfig } from 'vitest/config';

/** CI sets TEST_REPORT to a file: a JSON report beside the usual output, for its closing summary line. */
const report = process.env.TEST_REPORT;

export default defineConfig({
  test: {
    reporters: report ? ['default', ['json', { outputFile: report }]] : ['default'],
    include: ['**/*.test.ts', '**/*.e2e.ts'],
    exclude: ['**/node_modules/**', 'data/**'],
    // PGlite instances and the demo city are heavy: two files at a time on a two-core machine.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 240_000,
    env: { APOLLO_TELEMETRY_DISABLED: 'true' },
  },
});
