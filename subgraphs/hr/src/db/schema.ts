import { importJobsTable } from '@hub/schema/importTables';
import { officeMessageTables } from '@hub/schema/tables';
import { boolean, date, index, integer, pgSchema, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { Degree, Education, EmploymentType, PensionAccount, QuotaCategory, TitleLevel } from '../generated/enums.ts';

/** HR's own Postgres schema: no other office reads it. */
export const hrSchema = pgSchema('hr');

/** 人员身份 — the one owner of identity. Gender and birth date are derived from the ID number. */
export const persons = hrSchema.table(
  'persons',
  {
    idNumber: text('id_number').primaryKey(),
    name: text('name').notNull(),
    ethnicity: text('ethnicity').notNull(),
    nativePlace: text('native_place').notNull(),
    education: text('education').$type<Education>(),
    degree: text('degree').$type<Degree>(),
    titleName: text('title_name'),
    titleLevel: text('title_level').$type<TitleLevel>(),
    /** 参加工作时间, as the roster import gives it (README, "Loading records from spreadsheets"). */
    workStartDate: date('work_start_date', { mode: 'string' }),
  },
  (t) => [index('persons_name_idx').on(t.name)],
);

/** 用工关系 — a person's current employment with an institution, in quota or not. */
export const employments = hrSchema.table(
  'employments',
  {
    idNumber: text('id_number').primaryKey(),
    institutionCreditCode: text('institution_credit_code').notNull(),
    type: text('type').$type<EmploymentType>().notNull(),
    since: date('since', { mode: 'string' }).notNull(),
  },
  (t) => [index('employments_institution_idx').on(t.institutionCreditCode, t.type)],
);

/** 社会保险 — pension account type and enrollment. */
export const insurances = hrSchema.table('insurances', {
  idNumber: text('id_number').primaryKey(),
  pensionAccount: text('pension_account').$type<PensionAccount>().notNull(),
  enrolled: boolean('enrolled').notNull(),
  occupationalAnnuity: boolean('occupational_annuity').notNull(),
  since: date('since', { mode: 'string' }),
});

/**
 * 进人用编审批（人社局留存）— HR's copy of the Staffing Office's approvals (staffing.hiringApproved),
 * against which it records hires: how many it has recorded, and a withdrawal once it is told of one.
 */
export const hiringApprovals = hrSchema.table('hiring_approvals', {
  approvalFormNumber: text('approval_form_number').primaryKey(),
  auditNoticeNumber: text('audit_notice_number').notNull(),
  institutionCreditCode: text('institution_credit_code').notNull(),
  category: text('category').$type<QuotaCategory>().notNull(),
  persons: integer('persons').notNull(),
  approvedOn: date('approved_on', { mode: 'string' }).notNull(),
  validUntil: date('valid_until', { mode: 'string' }).notNull(),
  /** Hires HR recorded against it. */
  hired: integer('hired').notNull().default(0),
  receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }).notNull(),
  withdrawnOn: date('withdrawn_on', { mode: 'string' }),
  withdrawalReason: text('withdrawal_reason'),
  withdrawalDocumentNumber: text('withdrawal_document_number'),
});

/** 聘用登记 — a hire HR recorded against an approval: the ledger's items as HR took them, and the card once issued. */
export const hires = hrSchema.table(
  'hires',
  {
    id: serial('id').primaryKey(),
    approvalFormNumber: text('approval_form_number').notNull(),
    idNumber: text('id_number').notNull(),
    institutionCreditCode: text('institution_credit_code').notNull(),
    category: text('category').$type<QuotaCategory>().notNull(),
    name: text('name').notNull(),
    politicalStatus: text('political_status').notNull(),
    post: text('post').notNull(),
    workStartDate: date('work_start_date', { mode: 'string' }).notNull(),
    unitJoinDate: date('unit_join_date', { mode: 'string' }).notNull(),
    recordedOn: date('recorded_on', { mode: 'string' }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull(),
    recordedBy: text('recorded_by').notNull(),
    /** The staffing card the Staffing Office issued for it (staffing.staffingCardIssued). */
    staffingCardNumber: text('staffing_card_number'),
  },
  (t) => [uniqueIndex('hires_approval_person_idx').on(t.approvalFormNumber, t.idNumber), index('hires_person_idx').on(t.idNumber)],
);

/** 编制卡（人社局留存）— HR's copy of the staffing cards, the proof of being in quota its procedures cite. */
export const staffingCards = hrSchema.table(
  'staffing_cards',
  {
    number: text('number').primaryKey(),
    idNumber: text('id_number').notNull(),
    institutionCreditCode: text('institution_credit_code').notNull(),
    category: text('category').$type<QuotaCategory>().notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    approvalFormNumber: text('approval_form_number'),
    /** ACTIVE, or CANCELLED once told (staffing.staffingCardCancelled). */
    status: text('status').$type<'ACTIVE' | 'CANCELLED'>().notNull(),
    cancelledOn: date('cancelled_on', { mode: 'string' }),
  },
  (t) => [index('staffing_cards_person_idx').on(t.idNumber)],
);

/** 发件箱 / 收件箱 — the office's messages to and from the other offices (README, "Messages between offices"). */
export const { outboxMessages, inboxMessages } = officeMessageTables(hrSchema);

/** 导入任务 — the office's spreadsheet imports and their progress (README, "Loading records from spreadsheets"). */
export const importJobs = importJobsTable(hrSchema);
