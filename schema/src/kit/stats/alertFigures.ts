/**
 * 智能化提示 as every office's resolvers hand it over: the kind, the institution (null for the whole
 * scope), the measured value against its threshold, and the message in Chinese and English.
 */
export interface AlertFigures {
  kind: 'AGEING' | 'OVER_QUOTA' | 'LONG_VACANCY' | 'LEADERSHIP_OVER_FILLED' | 'OUT_OF_QUOTA_HIGH';
  institutionCreditCode: string | null;
  value: number;
  threshold: number;
  message: string;
  messageEn: string;
}

/** A breakdown as HR's and the Staffing Office's resolvers hand it over (StructureBreakdown). */
export interface StructureBreakdownFigures {
  dimension: string;
  by: string | null;
  asOf: string;
  base: 'ALL_STAFF' | 'IN_QUOTA_STAFF' | 'OUT_OF_QUOTA_STAFF';
  baseCount: number;
  cells: import('./structureCells.ts').StructureCellFigures[];
}
