import { bigint, index, integer, jsonb, pgSchema, text, timestamp } from 'drizzle-orm/pg-core';

/** The gateway's own evidence, in its own Postgres schema `gateway`: the operation log (操作日志). */
export const gatewaySchema = pgSchema('gateway');

/**
 * 操作日志 — append-only and hash-chained: each entry's hash covers its content and the previous
 * hash, so an edited, deleted, reordered or inserted entry breaks the chain.
 */
export const operationLog = gatewaySchema.table(
  'operation_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
    kind: text('kind').notNull(),
    outcome: text('outcome').notNull(),
    actorOffice: text('actor_office'),
    actorRole: text('actor_role'),
    actorSub: text('actor_sub'),
    actorUnit: text('actor_unit'),
    operationName: text('operation_name'),
    coordinates: jsonb('coordinates').$type<string[]>().notNull().default([]),
    rowsReturned: integer('rows_returned'),
    purpose: text('purpose'),
    caseNumber: text('case_number'),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('operation_log_actor_idx').on(t.actorOffice, t.actorSub), index('operation_log_kind_idx').on(t.kind, t.at)],
);
