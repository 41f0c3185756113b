import { importJobsTable } from '@hub/schema/importTables';
import { officeMessageTables } from '@hub/schema/tables';
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgSchema, primaryKey, serial, text, timestamp } from 'drizzle-orm/pg-core';
import type {
  AdminLevel,
  FundingForm,
  InstitutionKind,
  InstitutionSystem,
  PriorityField,
  QuotaCategory,
  QuotaMovementKind,
  RemovalReason,
  StaffingCardEventKind,
  StaffingCardStatus,
} from '../generated/enums.ts';

/** The Staffing Office's own Postgres schema: no other office reads it. */
export const staffingSchema = pgSchema('staffing');

/** 机构 — institutions as approved by the Staffing Office. */
export const institutions = staffingSchema.table(
  'institutions',
  {
    creditCode: text('credit_code').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind').$type<InstitutionKind>().notNull(),
    level: text('level').$type<AdminLevel>().notNull(),
    system: text('system').$type<InstitutionSystem>().notNull(),
    fundingForm: text('funding_form').$type<FundingForm>().notNull(),
    parentCreditCode: text('parent_credit_code'),
    leadershipPostsApproved: integer('leadership_posts_approved').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('institutions_parent_idx').on(t.parentCreditCode), index('institutions_filter_idx').on(t.kind, t.level, t.system)],
);

/** 核定编制 — approved quota of one category; `reserved` counts approved hires not yet staffed. */
export const quotas = staffingSchema.table(
  'quotas',
  {
    institutionCreditCode: text('institution_credit_code').notNull(),
    category: text('category').$type<QuotaCategory>().notNull(),
    approved: integer('approved').notNull(),
    reserved: integer('reserved').notNull().default(0),
    /** 空编起始日: since when the quota has had a vacancy without a break; null while full. Kept by syncVacantSince only. */
    vacantSince: date('vacant_since', { mode: 'string' }),
  },
  (t) => [primaryKey({ columns: [t.institutionCreditCode, t.category] })],
);

/** 实名制台账 — one entry per in-quota person; gender and birth date come from the ID number. */
export const ledgerEntries = staffingSchema.table(
  'ledger_entries',
  {
    idNumber: text('id_number').primaryKey(),
    institutionCreditCode: text('institution_credit_code').notNull(),
    quotaCategory: text('quota_category').$type<QuotaCategory>().notNull(),
    name: text('name').notNull(),
    ethnicity: text('ethnicity').notNull(),
    nativePlace: text('native_place').notNull(),
    politicalStatus: text('political_status').notNull(),
    post: text('post').notNull(),
    workStartDate: date('work_start_date', { mode: 'string' }).notNull(),
    unitJoinDate: date('unit_join_date', { mode: 'string' }).notNull(),
    staffingCardNumber: text('staffing_card_number'),
  },
  (t) => [index('ledger_entries_institution_idx').on(t.institutionCreditCode, t.quotaCategory)],
);

/** 编制卡 — one person, one card; a second active card is a finding. */
export const staffingCards = staffingSchema.table(
  'staffing_cards',
  {
    number: text('number').primaryKey(),
    idNumber: text('id_number').notNull(),
    institutionCreditCode: text('institution_credit_code').notNull(),
    category: text('category').$type<QuotaCategory>().notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    status: text('status').$type<StaffingCardStatus>().notNull(),
  },
  (t) => [index('staffing_cards_person_idx').on(t.idNumber)],
);

/** 人员核减 — persons who left the quota, as units report them. */
export const removals = staffingSchema.table(
  'removals',
  {
    id: serial('id').primaryKey(),
    idNumber: text('id_number').notNull(),
    institutionCreditCode: text('institution_credit_code').notNull(),
    reason: text('reason').$type<RemovalReason>().notNull(),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    reportedOn: date('reported_on', { mode: 'string' }).notNull(),
  },
  (t) => [index('removals_person_idx').on(t.idNumber)],
);

/** 空编集中管理 — the central pool of reclaimed quota, per category and level (市直, 县区, 乡镇). */
export const vacancyPool = staffingSchema.table(
  'vacancy_pool',
  {
    category: text('category').$type<QuotaCategory>().notNull(),
    level: text('level').$type<AdminLevel>().notNull(),
    available: integer('available').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.category, t.level] }), check('vacancy_pool_available_check', sql`${t.available} >= 0`)],
);

/**
 * 编制收回、调配、划转 — every movement of quota, one row per document: reclaimed into the pool
 * (from → pool), allocated from it (pool → to) or transferred (from → to), with the persons who moved.
 */
export const quotaMovements = staffingSchema.table(
  'quota_movements',
  {
    documentNumber: text('document_number').primaryKey(),
    kind: text('kind').$type<QuotaMovementKind>().notNull(),
    category: text('category').$type<QuotaCategory>().notNull(),
    amount: integer('amount').notNull(),
    fromCreditCode: text('from_credit_code'),
    toCreditCode: text('to_credit_code'),
    fromLevel: text('from_level').$type<AdminLevel>().notNull(),
    toLevel: text('to_level').$type<AdminLevel>().notNull(),
    priorityField: text('priority_field').$type<PriorityField>(),
    reason: text('reason').notNull(),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    personIdNumbers: text('person_id_numbers').array().notNull().default(sql`'{}'::text[]`),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('quota_movements_from_idx').on(t.fromCreditCode),
    index('quota_movements_to_idx').on(t.toCreditCode),
    check('quota_movements_amount_check', sql`${t.amount} > 0`),
  ],
);

/** 上级核定编制总额 — the ceiling the higher level approved for one level and category, with its document. */
export const quotaCeilings = staffingSchema.table(
  'quota_ceilings',
  {
    level: text('level').$type<AdminLevel>().notNull(),
    category: text('category').$type<QuotaCategory>().notNull(),
    ceiling: integer('ceiling').notNull(),
    documentNumber: text('document_number').notNull(),
    setOn: date('set_on', { mode: 'string' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.level, t.category] })],
);

/** 编制卡变动 — what happened to a card after it was issued (a transfer to another unit …), with the document. */
export const staffingCardEvents = staffingSchema.table(
  'staffing_card_events',
  {
    id: serial('id').primaryKey(),
    cardNumber: text('card_number').notNull(),
    kind: text('kind').$type<StaffingCardEventKind>().notNull(),
    on: date('occurred_on', { mode: 'string' }).notNull(),
    documentNumber: text('document_number'),
    fromCreditCode: text('from_credit_code'),
    toCreditCode: text('to_credit_code'),
  },
  (t) => [index('staffing_card_events_card_idx').on(t.cardNumber)],
);

/** 发件箱 / 收件箱 — the office's messages to and from the other offices (README, "Messages between offices"). */
export const { outboxMessages, inboxMessages } = officeMessageTables(staffingSchema);

/** 导入任务 — the office's spreadsheet imports and their progress (README, "Loading records from spreadsheets"). */
export const importJobs = importJobsTable(staffingSchema);
