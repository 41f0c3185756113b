import { importJobsTable } from '@hub/schema/importTables';
import { officeMessageTables } from '@hub/schema/tables';
import { boolean, date, index, integer, numeric, pgSchema, text, timestamp } from 'drizzle-orm/pg-core';
import type { FundingForm, RemovalReason, StopPayOutcome } from '../generated/enums.ts';

/** Finance's own Postgres schema: no other office reads it. */
export const financeSchema = pgSchema('finance');

/** 预算单位 — the budget unit of an institution, with its funding form as budgeted. */
export const budgetUnits = financeSchema.table('budget_units', {
  code: text('code').primaryKey(),
  institutionCreditCode: text('institution_credit_code').notNull().unique(),
  name: text('name').notNull(),
  fundingForm: text('funding_form').$type<FundingForm>().notNull(),
  budgetedHeadcount: integer('budgeted_headcount').notNull(),
});

/** 工资发放 — a person's payroll record, keyed by the ID number Finance holds. */
export const payrollRecords = financeSchema.table(
  'payroll_records',
  {
    idNumber: text('id_number').primaryKey(),
    nameOnRecord: text('name_on_record').notNull(),
    institutionCreditCode: text('institution_credit_code').notNull(),
    onPayroll: boolean('on_payroll').notNull(),
    lastPaidMonth: text('last_paid_month'),
    budgetLine: text('budget_line').notNull(),
    monthlyGrossPay: numeric('monthly_gross_pay', { precision: 10, scale: 2, mode: 'number' }).notNull(),
    /** The staffing card an in-quota addition cited (addToPayroll): the proof of being in quota. */
    staffingCardNumber: text('staffing_card_number'),
    /** YYYY-MM: the first month paid, for an addition through addToPayroll. */
    paidFromMonth: text('paid_from_month'),
    /** YYYY-MM: the first month not paid, set by a stop-pay notice (null: on the payroll, or stopped before notices were recorded). */
    stoppedFromMonth: text('stopped_from_month'),
  },
  (t) => [index('payroll_records_institution_idx').on(t.institutionCreditCode)],
);

/**
 * 编制卡（财政局留存）— Finance's copy of the staffing cards (staffing.staffingCardIssued, cancelled by
 * staffing.staffingCardCancelled): an in-quota payroll addition must cite an ACTIVE one of the person
 * at the paying unit (DESIGN §3.4: salaries only for the names on the approved list).
 */
export const staffingCards = financeSchema.table(
  'staffing_cards',
  {
    number: text('number').primaryKey(),
    idNumber: text('id_number').notNull(),
    institutionCreditCode: text('institution_credit_code').notNull(),
    category: text('category').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    status: text('status').$type<'ACTIVE' | 'CANCELLED'>().notNull(),
    cancelledOn: date('cancelled_on', { mode: 'string' }),
  },
  (t) => [index('staffing_cards_person_idx').on(t.idNumber)],
);

/**
 * 停拨工资通知（收文）— the stop-pay notices Finance has received from the Staffing Office and what it
 * did with each, one row per notice number: a notice that arrives again (under any message id) is
 * not applied twice.
 */
export const stopPayNotices = financeSchema.table(
  'stop_pay_notices',
  {
    noticeNumber: text('notice_number').primaryKey(),
    messageId: text('message_id').notNull().unique(),
    idNumber: text('id_number').notNull(),
    institutionCreditCode: text('institution_credit_code').notNull(),
    reason: text('reason').$type<RemovalReason>().notNull(),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    stopFromMonth: text('stop_from_month').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true, mode: 'date' }).notNull(),
    appliedAt: timestamp('applied_at', { withTimezone: true, mode: 'date' }).notNull(),
    outcome: text('outcome').$type<Exclude<StopPayOutcome, 'REJECTED'>>().notNull(),
    /** The payroll record's last month paid when the notice was applied (null: not on the payroll). */
    paidThroughMonth: text('paid_through_month'),
  },
  (t) => [index('stop_pay_notices_person_idx').on(t.idNumber), index('stop_pay_notices_applied_idx').on(t.appliedAt)],
);

/** 发件箱 / 收件箱 — the office's messages to and from the other offices (README, "Messages between offices"). */
export const { outboxMessages, inboxMessages } = officeMessageTables(financeSchema);

/** 导入任务 — the office's spreadsheet imports and their progress (README, "Loading records from spreadsheets"). */
export const importJobs = importJobsTable(financeSchema);
