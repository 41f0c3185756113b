import { importJobsTable } from '@hub/schema/importTables';
import { officeMessageTables } from '@hub/schema/tables';
import { date, index, integer, pgSchema, primaryKey, serial, text, timestamp } from 'drizzle-orm/pg-core';
import type { AdminLevel, FundingForm, InstitutionKind, InstitutionSystem, QuotaCategory, RemovalReason, StaffingCardStatus } from '../generated/enums.ts';

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

/** 发件箱 / 收件箱 — the office's messages to and from the other offices (README, "Messages between offices"). */
export const { outboxMessages, inboxMessages } = officeMessageTables(staffingSchema);

/** 导入任务 — the office's spreadsheet imports and their progress (README, "Loading records from spreadsheets"). */
export const importJobs = importJobsTable(staffingSchema);
