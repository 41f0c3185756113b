/** The test kit's environment, read once: DATABASE_URL runs the tests on a real PostgreSQL server. */
export const testConfig = Object.freeze({
  databaseUrl: process.env.DATABASE_URL || undefined,
});
