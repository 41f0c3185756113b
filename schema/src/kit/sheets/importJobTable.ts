import { sql } from 'drizzle-orm';
import { index, integer, jsonb, type PgSchema, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * 导入任务: an office's spreadsheet imports, in the office's own Postgres schema, so a job's progress
 * and result are the same whichever gateway instance asks. `issues` keeps the first problems found
 * (the report lists them), `audit` what the import changed, summarised per unit, until the gateway has
 * written it to the operation log (`logged_at`; `log_lease_until` keeps two gateways from logging it twice).
 */
export function importJobsTable(schema: PgSchema) {
  return schema.table(
    'import_jobs',
    {
      id: text('id').primaryKey(),
      kind: text('kind').notNull(),
      /** QUEUED, RUNNING, SUCCEEDED (applied), REFUSED (errors found: nothing written), FAILED (nothing written). */
      state: text('state').notNull(),
      /** Who imported (the viewer the gateway vouched for). */
      actor: jsonb('actor').notNull(),
      fileName: text('file_name'),
      fileBytes: integer('file_bytes').notNull(),
      fileSha256: text('file_sha256').notNull(),
      percent: integer('percent').notNull().default(0),
      rowsDone: integer('rows_done').notNull().default(0),
      rowsTotal: integer('rows_total'),
      errors: integer('errors').notNull().default(0),
      warnings: integer('warnings').notNull().default(0),
      issues: jsonb('issues').notNull().default(sql`'[]'::jsonb`),
      audit: jsonb('audit').notNull().default(sql`'[]'::jsonb`),
      createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
      updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
      finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
      loggedAt: timestamp('logged_at', { withTimezone: true, mode: 'date' }),
      logLeaseUntil: timestamp('log_lease_until', { withTimezone: true, mode: 'date' }),
    },
    (t) => [index('import_jobs_unlogged_idx').on(t.finishedAt).where(sql`${t.loggedAt} is null`)],
  );
}

export type ImportJobsTable = ReturnType<typeof importJobsTable>;
export type ImportJobRow = ImportJobsTable['$inferSelect'];
