import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

/**
 * One graphql-js for everything: @apollo/gateway loads graphql through require (its CommonJS build),
 * while Vite would hand our ESM imports the .mjs build, and graphql-js refuses objects from "another
 * module or realm". Node itself resolves both to the CommonJS build; the tests must too.
 */
const graphqlCjs = createRequire(new URL('./gateway/package.json', import.meta.url)).resolve('graphql');

/** CI sets TEST_REPORT to a file: a JSON report beside the usual output, for its closing summary line. */
const report = process.env.TEST_REPORT;

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlCjs }] },
  test: {
    reporters: report ? ['default', ['json', { outputFile: report }]] : ['default'],
    include: ['**/*.test.ts', '**/*.e2e.ts'],
    exclude: ['**/node_modules/**', 'data/**'],
    // PGlite instances and the demo city are heavy: two files at a time on a two-core machine.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // Warnings and errors only: a line per request would bury the results (captureLogs reads them where a test needs them).
    env: { APOLLO_TELEMETRY_DISABLED: 'true', LOG_LEVEL: 'warn' },
  },
});
