import type { connection } from '@hub/schema';
import type { HiringApplicationRow, HiringApprovalRow, HiringApprovalUseRow, StaffingCardEventRow, UnitFreezeRow } from '../db/hiringQueries.ts';
import type { InstitutionRow, LedgerEntryRow, RemovalRow, StaffingCardRow } from '../db/queries.ts';
import type { QuotaMovementRow, VacancyPoolRow } from '../db/dynamicQueries.ts';
import type { MonthlyRemovalReportRow } from '../db/removalReportQueries.ts';
import type { StopPayNoticeRow } from '../db/removalQueries.ts';
import type { QuotaFigures } from '../domain/quotaFigures.ts';
import type { RegionQuotaTotal } from '../domain/regionQuotaTotals.ts';
import type { QuotaCategory } from '../generated/enums.ts';
import type { Person } from '../generated/resolvers.ts';

/**
 * What the resolvers of each GraphQL type receive as their parent (codegen's mappers, read by the root
 * codegen.ts: `<Type>Parent` maps type `<Type>`). The Staffing Office owns the institution, so an
 * Institution is its row; a Person is another office's entity, known here by its key only. A
 * connection's totalCount is a getter the default resolver calls only when it is asked for.
 */
export type InstitutionParent = InstitutionRow;
export type QuotaParent = QuotaFigures;
export type LedgerEntryParent = LedgerEntryRow;
export type StaffingCardParent = StaffingCardRow;
export type RemovalParent = RemovalRow;
export type PersonParent = Pick<Person, 'idNumber'>;
export type LedgerEntryConnectionParent = ReturnType<typeof connection<LedgerEntryRow>>;
export type InstitutionConnectionParent = ReturnType<typeof connection<InstitutionRow>>;
export type StopPayNoticeParent = StopPayNoticeRow;
export type StopPayNoticeConnectionParent = ReturnType<typeof connection<StopPayNoticeRow>>;
export type MonthlyRemovalReportParent = MonthlyRemovalReportRow;
/** A unit without a report, and the month it lacks. */
export interface UnreportedRemovalUnitParent {
  institution: InstitutionRow;
  month: string;
}
export type UnreportedRemovalUnitConnectionParent = ReturnType<typeof connection<UnreportedRemovalUnitParent>>;
export type QuotaMovementParent = QuotaMovementRow;
export type QuotaMovementConnectionParent = ReturnType<typeof connection<QuotaMovementRow>>;
export type VacancyPoolEntryParent = VacancyPoolRow;
export type RegionQuotaTotalParent = RegionQuotaTotal;
export interface IdleVacancyParent {
  institution: InstitutionRow;
  category: QuotaCategory;
  approved: number;
  occupied: number;
  reserved: number;
  vacant: number;
  vacantSince: string;
  idleMonths: number;
}
export type IdleVacancyConnectionParent = ReturnType<typeof connection<IdleVacancyParent>>;
export type HiringApplicationParent = HiringApplicationRow;
export type HiringApprovalParent = HiringApprovalRow;
export type HiringApprovalUseParent = HiringApprovalUseRow;
export type StaffingCardEventParent = StaffingCardEventRow;
export type UnitFreezeParent = UnitFreezeRow;
export type HiringApplicationConnectionParent = ReturnType<typeof connection<HiringApplicationRow>>;
export type HiringApprovalConnectionParent = ReturnType<typeof connection<HiringApprovalRow>>;
/** A statistics scope: its canonical id and the conditions it stands for. */
export interface StaffScopeParent {
  id: string;
  conditions: import('../domain/scopeId.ts').ScopeConditions;
}
export type InstitutionQuotaUseParent = import('../statsLoaders.ts').InstitutionQuotaUse;
export type InstitutionQuotaUseConnectionParent = ReturnType<typeof connection<InstitutionQuotaUseParent>>;
export type QuotaUseFiguresParent = import('../domain/quotaUse.ts').QuotaUseFigures;
export interface ScopeQuotaUseParent {
  total: QuotaUseFiguresParent;
  byCategory: QuotaUseFiguresParent[];
  red: number;
  yellow: number;
  green: number;
}
export type AlertParent = import('@hub/schema').AlertFigures;
export type StructureBreakdownParent = import('@hub/schema').StructureBreakdownFigures;
export type StructureCellParent = import('@hub/schema').StructureCellFigures;
export interface StructureReportParent {
  year: number;
  asOf: string;
  title: string;
  scopes: StaffScopeParent[];
}
