/**
 * Seed row types of the four offices, declared here field for field after the drizzle tables in
 * subgraphs/<office>/src/db/schema.ts (the packages export only their server entry). Every interface
 * is assignable to the table's `$inferInsert`.
 */
export type InstitutionKind = 'PARTY_ORGAN' | 'GOVERNMENT_ORGAN' | 'PUBLIC_INSTITUTION' | 'MASS_ORGANIZATION';
export type AdminLevel = 'CITY' | 'DISTRICT' | 'TOWNSHIP';
export type InstitutionSystem =
  | 'PARTY_AFFAIRS'
  | 'GENERAL_AFFAIRS'
  | 'POLITICS_AND_LAW'
  | 'EDUCATION'
  | 'HEALTH'
  | 'AGRICULTURE'
  | 'NATURAL_RESOURCES'
  | 'TRANSPORT'
  | 'CULTURE_AND_TOURISM'
  | 'MARKET_REGULATION'
  | 'CIVIL_AFFAIRS'
  | 'MASS_ORGANIZATIONS';
export type FundingForm = 'FULL' | 'PARTIAL' | 'SELF_FUNDED';
export type QuotaCategory = 'ADMINISTRATIVE' | 'POLITICAL_LEGAL' | 'PUBLIC_SERVICE' | 'WORKER';
export type StaffingCardStatus = 'ACTIVE' | 'REVOKED';
export type RemovalReason = 'TRANSFER_OUT' | 'RETIREMENT' | 'RESIGNATION' | 'DISMISSAL' | 'STRUCK_OFF' | 'EXPULSION' | 'DEATH' | 'CONTRACT_END';
export type EmploymentType = 'IN_QUOTA' | 'PERSONNEL_AGENCY' | 'LABOR_DISPATCH' | 'TEMPORARY';
export type Education = 'POSTGRADUATE' | 'UNDERGRADUATE' | 'JUNIOR_COLLEGE' | 'SECONDARY_VOCATIONAL' | 'HIGH_SCHOOL_OR_BELOW';
export type Degree = 'DOCTOR' | 'MASTER' | 'BACHELOR' | 'NONE';
export type TitleLevel = 'SENIOR' | 'ASSOCIATE_SENIOR' | 'INTERMEDIATE' | 'JUNIOR';
export type PensionAccount = 'PUBLIC_INSTITUTION' | 'PUBLIC_INSTITUTION_AGENCY' | 'ENTERPRISE';
export type Rank = 'DEPUTY_BUREAU' | 'DIVISION' | 'DEPUTY_DIVISION' | 'SECTION' | 'DEPUTY_SECTION' | 'PRINCIPAL_STAFF' | 'STAFF';

// staffing (编办)
export interface InstitutionRow {
  creditCode: string;
  name: string;
  kind: InstitutionKind;
  level: AdminLevel;
  system: InstitutionSystem;
  fundingForm: FundingForm;
  parentCreditCode: string | null;
  leadershipPostsApproved: number;
  createdAt?: Date;
}
export interface QuotaRow {
  institutionCreditCode: string;
  category: QuotaCategory;
  approved: number;
  reserved: number;
  /** 空编起始日: set when approved − occupied − reserved > 0. */
  vacantSince: string | null;
}
export interface LedgerEntryRow {
  idNumber: string;
  institutionCreditCode: string;
  quotaCategory: QuotaCategory;
  name: string;
  ethnicity: string;
  nativePlace: string;
  politicalStatus: string;
  post: string;
  workStartDate: string;
  unitJoinDate: string;
  staffingCardNumber: string | null;
}
export interface StaffingCardRow {
  number: string;
  idNumber: string;
  institutionCreditCode: string;
  category: QuotaCategory;
  issuedOn: string;
  status: StaffingCardStatus;
}
export interface RemovalRow {
  id?: number;
  idNumber: string;
  institutionCreditCode: string;
  reason: RemovalReason;
  effectiveOn: string;
  reportedOn: string;
}
export interface MonthlyRemovalReportRow {
  institutionCreditCode: string;
  month: string;
  removalCount: number;
  submittedAt: Date;
  submittedBy: string;
}

export type HiringApplicationStatus = 'PENDING' | 'APPROVED' | 'REFUSED';
/** 进人用编申请 (the id is given here so approvals can name it; the seed moves the id sequence past it). */
export interface HiringApplicationRow {
  id: number;
  institutionCreditCode: string;
  category: QuotaCategory;
  persons: number;
  reason: string;
  status: HiringApplicationStatus;
  appliedOn: string;
  appliedAt: Date;
  appliedBy: string;
  decidedAt: Date | null;
  decidedBy: string | null;
  refusalReason: string | null;
}
/** 进人用编审批 (审核通知单, 审批表). */
export interface HiringApprovalRow {
  approvalFormNumber: string;
  auditNoticeNumber: string;
  applicationId: number | null;
  institutionCreditCode: string;
  category: QuotaCategory;
  persons: number;
  used: number;
  approvedOn: string;
  validUntil: string;
  approvedAt: Date;
  approvedBy: string;
}
/** The last serial of a document series in a year, so the hub's next number follows the demo's. */
export interface DocumentCounterRow {
  series: string;
  year: number;
  last: number;
}

// hr (人社局)
export interface PersonRow {
  idNumber: string;
  name: string;
  ethnicity: string;
  nativePlace: string;
  education: Education | null;
  degree: Degree | null;
  titleName: string | null;
  titleLevel: TitleLevel | null;
}
export interface EmploymentRow {
  idNumber: string;
  institutionCreditCode: string;
  type: EmploymentType;
  since: string;
}
export interface InsuranceRow {
  idNumber: string;
  pensionAccount: PensionAccount;
  enrolled: boolean;
  occupationalAnnuity: boolean;
  since: string | null;
}

/** HR's copy of an approval (what staffing.hiringApproved told it). */
export interface HrHiringApprovalRow {
  approvalFormNumber: string;
  auditNoticeNumber: string;
  institutionCreditCode: string;
  category: QuotaCategory;
  persons: number;
  approvedOn: string;
  validUntil: string;
  hired: number;
  receivedAt: Date;
}

// organization (组织部)
export interface CadreRow {
  idNumber: string;
  name: string;
  institutionCreditCode: string;
  post: string;
  rank: Rank;
  leadership: boolean;
  appointedOn: string;
}

/** A leadership (or other) post a cadre held and left. */
export interface PastCadrePostRow {
  idNumber: string;
  name: string;
  institutionCreditCode: string;
  post: string;
  rank: Rank;
  leadership: boolean;
  appointedOn: string;
  leftOn: string;
  documentNumber: string;
  reason: string;
}

// finance (财政局)
export interface BudgetUnitRow {
  code: string;
  institutionCreditCode: string;
  name: string;
  fundingForm: FundingForm;
  budgetedHeadcount: number;
}
export interface PayrollRecordRow {
  idNumber: string;
  nameOnRecord: string;
  institutionCreditCode: string;
  onPayroll: boolean;
  lastPaidMonth: string | null;
  budgetLine: string;
  monthlyGrossPay: number;
}

/** The seven planted cross-office problems, plus two clean reference institutions. */
export interface Planted {
  removedStillPaid: { idNumber: string; creditCode: string; effectiveOn: string };
  overQuota: { creditCode: string; category: QuotaCategory; approved: number; occupied: number };
  uninsured: { idNumber: string; creditCode: string };
  twoCards: { idNumber: string; cardNumbers: [string, string]; creditCodes: [string, string] };
  mistypedId: { trueIdNumber: string; mistypedIdNumber: string; creditCode: string };
  fundingMismatch: { creditCode: string; staffing: FundingForm; finance: FundingForm };
  cadreNotOnLedger: { idNumber: string; creditCode: string; employmentType: EmploymentType };
  smallInstitution: { creditCode: string };
  largeInstitution: { creditCode: string };
}
export type PlantedProblem = Exclude<keyof Planted, 'smallInstitution' | 'largeInstitution'>;

export interface City {
  staffing: {
    institutions: InstitutionRow[];
    quotas: QuotaRow[];
    ledgerEntries: LedgerEntryRow[];
    staffingCards: StaffingCardRow[];
    removals: RemovalRow[];
    /** Hiring in progress (进人用编): optional, so a hand-written city may leave it out. */
    hiringApplications?: HiringApplicationRow[];
    hiringApprovals?: HiringApprovalRow[];
    documentCounters?: DocumentCounterRow[];
    /** Units' monthly removal reports (人员核减月报); absent in hand-made cities. */
    monthlyRemovalReports?: MonthlyRemovalReportRow[];
  };
  hr: { persons: PersonRow[]; employments: EmploymentRow[]; insurances: InsuranceRow[]; hiringApprovals?: HrHiringApprovalRow[] };
  organization: { cadres: CadreRow[]; pastCadrePosts?: PastCadrePostRow[] };
  finance: { budgetUnits: BudgetUnitRow[]; payrollRecords: PayrollRecordRow[] };
  planted: Planted;
}

/** The four offices' rows, what the hub loads: a city without the list of what was planted in it. */
export type OfficeRows = Omit<City, 'planted'>;

/**
 * A city generated with `plant: false`: the same rows as the planted city of the same options before
 * anything was planted, every unit's monthly removal reports filed and every hiring approval within
 * its validity, so a verification run finds nothing.
 */
export interface CleanCity extends OfficeRows {
  planted: null;
}

export interface GenerateCityOptions {
  seed?: number;
  institutions?: number;
  persons?: number;
  /**
   * false: a clean city (CleanCity), with none of the planted problems and none of the findings the
   * demo has by nature (units without their monthly removal report, approvals left unused past their
   * validity). Default true: the demo city with its seven planted problems.
   */
  plant?: boolean;
}
