import { importJobsTable } from '@hub/schema/importTables';
import { officeMessageTables } from '@hub/schema/tables';
import { boolean, date, index, pgSchema, text } from 'drizzle-orm/pg-core';
import type { Degree, Education, EmploymentType, PensionAccount, TitleLevel } from '../generated/enums.ts';

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

/** 发件箱 / 收件箱 — the office's messages to and from the other offices (README, "Messages between offices"). */
export const { outboxMessages, inboxMessages } = officeMessageTables(hrSchema);

/** 导入任务 — the office's spreadsheet imports and their progress (README, "Loading records from spreadsheets"). */
export const importJobs = importJobsTable(hrSchema);
