import type { connection } from '@hub/schema';
import type { BudgetUnitRow, PayrollRecordRow } from '../db/queries.ts';
import type { ReceivedStopPayNoticeRow } from '../db/stopPayQueries.ts';
import type { Institution, Person } from '../generated/resolvers.ts';

/**
 * What the resolvers of each GraphQL type receive as their parent (codegen's mappers, read by the root
 * codegen.ts: `<Type>Parent` maps type `<Type>`). Person and Institution are the other offices'
 * entities: this office knows them by their key only. A connection's totalCount is a getter the
 * default resolver calls only when it is asked for.
 */
export type BudgetUnitParent = BudgetUnitRow;
export type PayrollRecordParent = PayrollRecordRow;
export type PayrollRecordConnectionParent = ReturnType<typeof connection<PayrollRecordRow>>;
export type PersonParent = Pick<Person, 'idNumber'>;
export type InstitutionParent = Pick<Institution, 'creditCode'>;
export type ReceivedStopPayNoticeParent = ReceivedStopPayNoticeRow;
export type ReceivedStopPayNoticeConnectionParent = ReturnType<typeof connection<ReceivedStopPayNoticeRow>>;
