import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgSchema, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
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
