import { bigint, index, integer, jsonb, pgSchema, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** The gateway's own data, in its own Postgres schema `gateway`: the operation log (操作日志) and the callers' idempotency keys. */
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

/**
 * Idempotency-Key (README, "Safe retries"): each caller's keys with a digest of the request they were
 * first sent with and, once answered, that answer, until they expire. The primary key (office,
 * subject, key) is the unique index that lets only one of two racing requests with one key run.
 */
export const idempotencyKeys = gatewaySchema.table(
  'idempotency_keys',
  {
    callerOffice: text('caller_office').notNull(),
    callerSub: text('caller_sub').notNull(),
    key: text('key').notNull(),
    /** SHA-256 of the canonical JSON of the operation text, operation name and variables. */
    fingerprint: text('fingerprint').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** Until when the first request holds the key while it has no answer (a stopped gateway's claim lapses). */
    leaseUntil: timestamp('lease_until', { withTimezone: true, mode: 'date' }).notNull(),
    /** The first answer: null while it runs. The body as the text that was sent, so a replay is byte for byte the same. */
    responseStatus: integer('response_status'),
    responseBody: text('response_body'),
    answeredAt: timestamp('answered_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [primaryKey({ columns: [t.callerOffice, t.callerSub, t.key] }), index('idempotency_keys_expires_idx').on(t.expiresAt)],
);
