import type { PastCadrePostRow } from '../db/leadershipQueries.ts';
import type { CadreRow } from '../db/queries.ts';
import type { Institution, Person } from '../generated/resolvers.ts';

/**
 * What the resolvers of each GraphQL type receive as their parent (codegen's mappers, read by the root
 * codegen.ts: `<Type>Parent` maps type `<Type>`). Person and Institution are the other offices'
 * entities: this office knows them by their key only.
 */
export type CadreParent = CadreRow;
export type PersonParent = Pick<Person, 'idNumber'>;
/** An institution by its key; with the Staffing Office's approved leadership posts when a field @requires them. */
export type InstitutionParent = Pick<Institution, 'creditCode'> & { leadershipPostsApproved?: number | null };
export type PastCadrePostParent = PastCadrePostRow;
/** A statistics scope: its id and its institutions' approved leadership posts (the Staffing Office's, from the reference). */
export interface StaffScopeParent {
  id: string;
  approved: { creditCode: string; approved: number }[];
}
export type LeadershipAlertParent = import('@hub/schema').AlertFigures;
