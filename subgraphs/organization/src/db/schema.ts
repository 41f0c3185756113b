import { importJobsTable } from '@hub/schema/importTables';
import { officeMessageTables } from '@hub/schema/tables';
import { boolean, date, index, pgSchema, serial, text } from 'drizzle-orm/pg-core';
import type { Rank } from '../generated/enums.ts';

/** The Organization Department's own Postgres schema: no other office reads it. */
export const organizationSchema = pgSchema('organization');

/** 干部任职 — a cadre's current post; `name` is the department's own copy. */
export const cadres = organizationSchema.table(
  'cadres',
  {
    idNumber: text('id_number').primaryKey(),
    name: text('name').notNull(),
    institutionCreditCode: text('institution_credit_code').notNull(),
    post: text('post').notNull(),
    rank: text('rank').$type<Rank>().notNull(),
    leadership: boolean('leadership').notNull(),
    appointedOn: date('appointed_on', { mode: 'string' }).notNull(),
  },
  (t) => [index('cadres_institution_idx').on(t.institutionCreditCode)],
);

/** 干部离任记录 — posts cadres held and left: the timeline that tells since when a leadership post is vacant. */
export const pastCadrePosts = organizationSchema.table(
  'past_cadre_posts',
  {
    id: serial('id').primaryKey(),
    idNumber: text('id_number').notNull(),
    name: text('name').notNull(),
    institutionCreditCode: text('institution_credit_code').notNull(),
    post: text('post').notNull(),
    rank: text('rank').$type<Rank>().notNull(),
    leadership: boolean('leadership').notNull(),
    appointedOn: date('appointed_on', { mode: 'string' }).notNull(),
    leftOn: date('left_on', { mode: 'string' }).notNull(),
    documentNumber: text('document_number').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [index('past_cadre_posts_institution_idx').on(t.institutionCreditCode)],
);

/** 发件箱 / 收件箱 — the office's messages to and from the other offices (README, "Messages between offices"). */
export const { outboxMessages, inboxMessages } = officeMessageTables(organizationSchema);

/** 导入任务 — the office's spreadsheet imports and their progress (README, "Loading records from spreadsheets"). */
export const importJobs = importJobsTable(organizationSchema);
