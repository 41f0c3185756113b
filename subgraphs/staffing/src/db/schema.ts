import { importJobsTable } from '@hub/schema/importTables';
import { officeMessageTables } from '@hub/schema/tables';
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgSchema, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type {
  AdminLevel,
  FundingForm,
  HiringApplicationStatus,
  HiringUseOutcome,
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

/**
 * 停拨工资通知 — issued with each removal, in the removal's transaction, together with the outbox
 * message that carries it to Finance (`messageId`): its delivery is that message's (delivered at,
 * applied at, Finance's answer).
 */
export const stopPayNotices = staffingSchema.table(
  'stop_pay_notices',
  {
    number: text('number').primaryKey(),
    removalId: integer('removal_id').notNull().unique(),
    idNumber: text('id_number').notNull(),
    institutionCreditCode: text('institution_credit_code').notNull(),
    reason: text('reason').$type<RemovalReason>().notNull(),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    /** YYYY-MM: the first month Finance no longer pays. */
    stopFromMonth: text('stop_from_month').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true, mode: 'date' }).notNull(),
    messageId: text('message_id').notNull().unique(),
  },
  (t) => [index('stop_pay_notices_issued_idx').on(t.issuedAt), index('stop_pay_notices_institution_idx').on(t.institutionCreditCode)],
);

/** 人员核减月报 — a unit's report of its month's removals (possibly none), one per unit and month. */
export const monthlyRemovalReports = staffingSchema.table(
  'monthly_removal_reports',
  {
    institutionCreditCode: text('institution_credit_code').notNull(),
    /** YYYY-MM */
    month: text('month').notNull(),
    removalCount: integer('removal_count').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }).notNull(),
    submittedBy: text('submitted_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.institutionCreditCode, t.month] }), index('monthly_removal_reports_month_idx').on(t.month)],
);

/** 文号流水 — the last serial given out per document series and year (编审〔2026〕0001号, 停拨〔2026〕00001号 …), taken under the row's lock. */
export const documentCounters = staffingSchema.table(
  'document_counters',
  {
    series: text('series').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.series, t.year] })],
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

/** 进人用编申请 — a unit's application to hire against its quota (DESIGN §3.1), PENDING until the Staffing Office decides. */
export const hiringApplications = staffingSchema.table(
  'hiring_applications',
  {
    id: serial('id').primaryKey(),
    institutionCreditCode: text('institution_credit_code').notNull(),
    category: text('category').$type<QuotaCategory>().notNull(),
    persons: integer('persons').notNull(),
    reason: text('reason').notNull(),
    status: text('status').$type<HiringApplicationStatus>().notNull(),
    appliedOn: date('applied_on', { mode: 'string' }).notNull(),
    appliedAt: timestamp('applied_at', { withTimezone: true, mode: 'date' }).notNull(),
    appliedBy: text('applied_by').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    decidedBy: text('decided_by'),
    refusalReason: text('refusal_reason'),
  },
  (t) => [index('hiring_applications_institution_idx').on(t.institutionCreditCode, t.status), index('hiring_applications_status_idx').on(t.status, t.id)],
);

/**
 * 进人用编审批 — an approval: its audit notice (机构编制审核通知单) and approval form (进人用编审批表), both
 * numbered uniquely, the persons it admits and how many were entered against it; withdrawn (跟踪问效)
 * with a reason and document number, which releases what it still reserved.
 */
export const hiringApprovals = staffingSchema.table(
  'hiring_approvals',
  {
    approvalFormNumber: text('approval_form_number').primaryKey(),
    auditNoticeNumber: text('audit_notice_number').notNull().unique(),
    applicationId: integer('application_id').unique(),
    institutionCreditCode: text('institution_credit_code').notNull(),
    category: text('category').$type<QuotaCategory>().notNull(),
    persons: integer('persons').notNull(),
    /** Persons entered on the ledger against it. */
    used: integer('used').notNull().default(0),
    approvedOn: date('approved_on', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    approvedAt: timestamp('approved_at', { withTimezone: true, mode: 'date' }).notNull(),
    approvedBy: text('approved_by').notNull(),
    withdrawnOn: date('withdrawn_on', { mode: 'string' }),
    withdrawalReason: text('withdrawal_reason'),
    withdrawalDocumentNumber: text('withdrawal_document_number'),
    /** Persons whose reservation the withdrawal released. */
    releasedPersons: integer('released_persons'),
  },
  (t) => [index('hiring_approvals_institution_idx').on(t.institutionCreditCode, t.category), index('hiring_approvals_approved_on_idx').on(t.approvedOn)],
);

/**
 * 审批表使用记录 — each hire HR reported against an approval, once per person: ENTERED (on the ledger,
 * card issued) or REFUSED (the rule it broke); a report that arrives again changes nothing.
 */
export const hiringApprovalUses = staffingSchema.table(
  'hiring_approval_uses',
  {
    approvalFormNumber: text('approval_form_number').notNull(),
    idNumber: text('id_number').notNull(),
    outcome: text('outcome').$type<HiringUseOutcome>().notNull(),
    refusalCode: text('refusal_code'),
    staffingCardNumber: text('staffing_card_number'),
    reportedAt: timestamp('reported_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.approvalFormNumber, t.idNumber] })],
);

/** 编制卡变动记录 — a card's history: issued, transferred, cancelled, each with the document it cites. */
export const staffingCardEvents = staffingSchema.table(
  'staffing_card_events',
  {
    id: serial('id').primaryKey(),
    cardNumber: text('card_number').notNull(),
    kind: text('kind').$type<StaffingCardEventKind>().notNull(),
    on: date('on', { mode: 'string' }).notNull(),
    documentNumber: text('document_number'),
    institutionCreditCode: text('institution_credit_code').notNull(),
    /** For a transfer: the unit the card moved from. */
    fromInstitutionCreditCode: text('from_institution_credit_code'),
    note: text('note'),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('staffing_card_events_card_idx').on(t.cardNumber, t.id)],
);

/**
 * 冻结编制业务 — a unit's staffing procedures frozen (no new hiring applications or approvals) and
 * later unfrozen, each with a reason and document number; at most one open freeze per unit.
 */
export const unitFreezes = staffingSchema.table(
  'unit_freezes',
  {
    id: serial('id').primaryKey(),
    institutionCreditCode: text('institution_credit_code').notNull(),
    frozenAt: timestamp('frozen_at', { withTimezone: true, mode: 'date' }).notNull(),
    frozenBy: text('frozen_by').notNull(),
    reason: text('reason').notNull(),
    documentNumber: text('document_number').notNull(),
    unfrozenAt: timestamp('unfrozen_at', { withTimezone: true, mode: 'date' }),
    unfrozenBy: text('unfrozen_by'),
    unfreezeReason: text('unfreeze_reason'),
    unfreezeDocumentNumber: text('unfreeze_document_number'),
  },
  (t) => [
    index('unit_freezes_institution_idx').on(t.institutionCreditCode, t.id),
    uniqueIndex('unit_freezes_open_idx').on(t.institutionCreditCode).where(sql`${t.unfrozenAt} is null`),
  ],
);

/** 发件箱 / 收件箱 — the office's messages to and from the other offices (README, "Messages between offices"). */
export const { outboxMessages, inboxMessages } = officeMessageTables(staffingSchema);

/** 导入任务 — the office's spreadsheet imports and their progress (README, "Loading records from spreadsheets"). */
export const importJobs = importJobsTable(staffingSchema);
