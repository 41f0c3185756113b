import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgSchema, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { ENTRY_STATUSES, REQUEST_STATUSES, SENSITIVITIES, SHARE_TYPES, UPDATE_CYCLES } from '@hub/schema/contracts';

/** The coordination group's data (信息数据共享目录, 共享申请, 授权), in its own Postgres schema `catalog`. */
export const catalogSchema = pgSchema('catalog');

/** 信息资源 — one catalog entry with the core metadata of the national catalog guide. */
export const catalogEntries = catalogSchema.table('catalog_entries', {
  code: text('code').primaryKey(),
  classification: text('classification').notNull(),
  name: text('name').notNull(),
  providerOffice: text('provider_office').notNull(),
  providerCode: text('provider_code').notNull(),
  summary: text('summary').notNull(),
  format: text('format').notNull(),
  shareType: text('share_type', { enum: SHARE_TYPES }).notNull(),
  shareConditions: text('share_conditions'),
  shareMethod: text('share_method').notNull(),
  open: boolean('open').notNull(),
  updateCycle: text('update_cycle', { enum: UPDATE_CYCLES }).notNull(),
  publishedOn: date('published_on', { mode: 'string' }).notNull(),
  relatedCodes: jsonb('related_codes').$type<string[]>().notNull().default([]),
  basis: text('basis'),
  maintainer: text('maintainer').notNull(),
  status: text('status', { enum: ENTRY_STATUSES }).notNull(),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** 信息项 — one item of an entry, mapped to exactly one schema coordinate `Type.field`. */
export const catalogItems = catalogSchema.table(
  'catalog_items',
  {
    coordinate: text('coordinate').primaryKey(),
    entryCode: text('entry_code').notNull(),
    name: text('name').notNull(),
    dataType: text('data_type').notNull(),
    sensitivity: text('sensitivity', { enum: SENSITIVITIES }).notNull(),
  },
  (t) => [index('catalog_items_entry_idx').on(t.entryCode)],
);

/** Every change of an entry: who, when, what changed, and the entry as it was after. */
export const catalogVersions = catalogSchema.table(
  'catalog_versions',
  {
    id: serial('id').primaryKey(),
    entryCode: text('entry_code').notNull(),
    version: integer('version').notNull(),
    changedBy: text('changed_by').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
    changes: jsonb('changes').$type<Record<string, { before: unknown; after: unknown }>>().notNull(),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [uniqueIndex('catalog_versions_entry_version_idx').on(t.entryCode, t.version)],
);

/**
 * 共享申请 — an office asks the provider for a conditional entry. One pending request per office,
 * entry, items, purpose, case and period: the partial unique index makes an identical request (also
 * 50 at once) find the pending one instead of filing another.
 */
export const accessRequests = catalogSchema.table(
  'access_requests',
  {
    id: serial('id').primaryKey(),
    entryCode: text('entry_code').notNull(),
    requesterOffice: text('requester_office').notNull(),
    requesterSub: text('requester_sub').notNull(),
    purpose: text('purpose').notNull(),
    caseNumber: text('case_number'),
    coordinates: jsonb('coordinates').$type<string[]>().notNull(),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    status: text('status', { enum: REQUEST_STATUSES }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: text('decided_by'),
    decisionReason: text('decision_reason'),
  },
  (t) => [
    index('access_requests_entry_idx').on(t.entryCode, t.status),
    uniqueIndex('access_requests_pending_identical_idx')
      .on(t.requesterOffice, t.entryCode, t.coordinates, t.purpose, sql`coalesce(${t.caseNumber}, '')`, t.periodFrom, t.periodTo)
      .where(sql`${t.status} = 'PENDING'`),
  ],
);

/** 授权 — an approved request: the grantee office reads the items until expiry or revocation. */
export const grants = catalogSchema.table(
  'grants',
  {
    id: serial('id').primaryKey(),
    requestId: integer('request_id').notNull(),
    entryCode: text('entry_code').notNull(),
    granteeOffice: text('grantee_office').notNull(),
    coordinates: jsonb('coordinates').$type<string[]>().notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: text('revoked_by'),
    revokeReason: text('revoke_reason'),
  },
  (t) => [index('grants_grantee_idx').on(t.granteeOffice)],
);

/** Progress of one phase of a run (rows read or checked so far, of how many when known). */
export interface RunPhase {
  name: string;
  processed: number;
  total: number | null;
  done: boolean;
}

/**
 * 机构编制核查运行 — one verification run of a scope. At most one run per scope is queued or running
 * (the partial unique index, so also across gateway and service instances); a running run holds a
 * lease its worker renews, and a run whose lease ran out (its worker died) is taken over. A scheduled
 * run has its period (`2026-12`, `2026-H2`): one per scope, schedule and period.
 */
export const verificationRuns = catalogSchema.table(
  'verification_runs',
  {
    id: serial('id').primaryKey(),
    scopeKind: text('scope_kind').$type<'ALL' | 'LEVEL' | 'SYSTEM' | 'INSTITUTION'>().notNull(),
    scopeValue: text('scope_value').notNull().default(''),
    trigger: text('trigger').$type<'ON_DEMAND' | 'MONTHLY' | 'HALF_YEARLY'>().notNull(),
    period: text('period'),
    status: text('status').$type<'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED'>().notNull(),
    requestedBy: text('requested_by').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true, mode: 'date' }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
    leaseUntil: timestamp('lease_until', { withTimezone: true, mode: 'date' }),
    worker: text('worker'),
    phases: jsonb('phases').$type<RunPhase[]>().notNull().default([]),
    findingCount: integer('finding_count'),
    newCount: integer('new_count'),
    persistingCount: integer('persisting_count'),
    resolvedCount: integer('resolved_count'),
    error: text('error'),
  },
  (t) => [
    uniqueIndex('verification_runs_active_scope_idx').on(t.scopeKind, t.scopeValue).where(sql`${t.status} in ('QUEUED', 'RUNNING')`),
    // One scheduled run per period, but a FAILED one does not count: the worker tries the period again (scheduledRetry).
    uniqueIndex('verification_runs_period_idx')
      .on(t.scopeKind, t.scopeValue, t.trigger, t.period)
      .where(sql`${t.period} is not null and ${t.status} <> 'FAILED'`),
    index('verification_runs_status_idx').on(t.status, t.id),
  ],
);

/**
 * 核查问题 — one problem, kept across runs under its key (type and subject): a run that finds it
 * again updates it, a run of a scope that covers it and no longer finds it resolves it.
 */
export const findings = catalogSchema.table(
  'findings',
  {
    id: serial('id').primaryKey(),
    key: text('key').notNull().unique(),
    type: text('type').notNull(),
    severity: text('severity').$type<'HIGH' | 'MEDIUM' | 'LOW'>().notNull(),
    offices: jsonb('offices').$type<string[]>().notNull(),
    mustAct: text('must_act').notNull(),
    creditCode: text('credit_code'),
    idNumber: text('id_number'),
    /** The institution's level and system when found, so a run of a level or system knows it covers the finding. */
    level: text('level'),
    system: text('system'),
    description: text('description').notNull(),
    values: jsonb('values').$type<{ office: string; item: string; value: string | null }[]>().notNull(),
    status: text('status').$type<'OPEN' | 'ACKNOWLEDGED' | 'FIXED' | 'EXPLAINED' | 'RESOLVED'>().notNull(),
    firstRunId: integer('first_run_id'),
    lastRunId: integer('last_run_id'),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true, mode: 'date' }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('findings_institution_idx').on(t.creditCode, t.id),
    index('findings_must_act_idx').on(t.mustAct, t.status, t.id),
    index('findings_person_idx').on(t.idNumber),
  ],
);

/** What one run saw of a finding, compared with the previous run of its scope. */
export const runFindings = catalogSchema.table(
  'run_findings',
  {
    runId: integer('run_id').notNull(),
    findingId: integer('finding_id').notNull(),
    change: text('change').$type<'NEW' | 'PERSISTING' | 'RESOLVED'>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.findingId] }), index('run_findings_change_idx').on(t.runId, t.change)],
);

/** 处理记录 — every workflow step on a finding: who (office, role, sub), when, what, why. */
export const findingEvents = catalogSchema.table(
  'finding_events',
  {
    id: serial('id').primaryKey(),
    findingId: integer('finding_id').notNull(),
    action: text('action').notNull(),
    office: text('office').notNull(),
    role: text('role').notNull(),
    sub: text('sub').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    note: text('note'),
    runId: integer('run_id'),
  },
  (t) => [index('finding_events_finding_idx').on(t.findingId, t.id)],
);
