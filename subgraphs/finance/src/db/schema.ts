import { importJobsTable } from '@hub/schema/importTables';
import { officeMessageTables } from '@hub/schema/tables';
import { boolean, index, integer, numeric, pgSchema, text } from 'drizzle-orm/pg-core';
import type { FundingForm } from '../generated/enums.ts';

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
  },
  (t) => [index('payroll_records_institution_idx').on(t.institutionCreditCode)],
);

/** 发件箱 / 收件箱 — the office's messages to and from the other offices (README, "Messages between offices"). */
export const { outboxMessages, inboxMessages } = officeMessageTables(financeSchema);

/** 导入任务 — the office's spreadsheet imports and their progress (README, "Loading records from spreadsheets"). */
export const importJobs = importJobsTable(financeSchema);
