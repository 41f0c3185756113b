/** What the overview and a system's page read of a scope (StaffScope, the Staffing Office's statistics with HR's and Organization's parts). */
export const SCOPE_FIELDS = `id label institutionCount
  quotaUse { total { approved occupied reserved vacant overQuota } byCategory { category approved occupied reserved vacant overQuota } red yellow green }
  workforceByType { type count }
  age: structure(dimension: AGE_BAND) { base baseCount cells { value label count share } }
  gender: structure(dimension: GENDER) { base baseCount cells { value label count share } }
  education: structure(dimension: EDUCATION) { base baseCount cells { value label count share } }
  typeByEducation: structure(dimension: EMPLOYMENT_TYPE, by: EDUCATION) { base baseCount cells { value label byValue byLabel count share } }
  quotaAlerts { kind institution { creditCode name } value threshold message }
  structureAlerts { kind institution { creditCode name } value threshold message }
  leadershipAlerts { kind institution { creditCode name } value threshold message }`;

export interface Figures {
  category?: string | null;
  approved: number;
  occupied: number;
  reserved: number;
  vacant: number;
  overQuota: number;
}
export interface Breakdown {
  base: string;
  baseCount: number;
  cells: { value: string; label: string; byValue?: string | null; byLabel?: string | null; count: number; share: number }[];
}
export interface AlertRow {
  kind: string;
  institution: { creditCode: string; name: string | null } | null;
  value: number;
  threshold: number;
  message: string;
}
export interface Scope {
  id: string;
  label: string;
  institutionCount: number;
  quotaUse: { total: Figures; byCategory: Figures[]; red: number; yellow: number; green: number } | null;
  workforceByType: { type: string; count: number }[] | null;
  age: Breakdown | null;
  gender: Breakdown | null;
  education: Breakdown | null;
  typeByEducation: Breakdown | null;
  quotaAlerts: AlertRow[] | null;
  structureAlerts: AlertRow[] | null;
  leadershipAlerts: AlertRow[] | null;
}
