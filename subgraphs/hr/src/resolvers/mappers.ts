import type { connection } from '@hub/schema';
import type { EmploymentRow, InsuranceRow, PersonRow } from '../db/queries.ts';
import type { HireRow } from '../db/recordHire.ts';
import type { Institution } from '../generated/resolvers.ts';

/**
 * What the resolvers of each GraphQL type receive as their parent (codegen's mappers, read by the root
 * codegen.ts: `<Type>Parent` maps type `<Type>`). HR owns the person, so a Person is its row; an
 * Institution is another office's entity, known here by its key only. A connection's totalCount is a
 * thunk the default resolver calls only when it is asked for.
 */
export type PersonParent = PersonRow;
/** An employment; on a workforce page, with its person already read (the page's statement joins it). */
export type EmploymentParent = EmploymentRow & { person?: PersonRow | null };
export type InsuranceParent = InsuranceRow;
export type InstitutionParent = Pick<Institution, 'creditCode'>;
export type EmploymentConnectionParent = ReturnType<typeof connection<EmploymentParent>>;
export type PersonConnectionParent = ReturnType<typeof connection<PersonRow>>;
export type HireParent = HireRow;
/** A statistics scope: its id and the institutions the Staffing Office puts in it (from the reference). */
export interface StaffScopeParent {
  id: string;
  creditCodes: string[];
}
export type StructureAlertParent = import('@hub/schema').AlertFigures;
export type StructureBreakdownParent = import('@hub/schema').StructureBreakdownFigures;
export type StructureCellParent = import('@hub/schema').StructureCellFigures;
