import type { FindingSeverity, FindingType } from '../../generated/enums.ts';

/** An office as findings name it: the four data owners (the coordination group acts through them). */
export type FindingOffice = 'organization' | 'staffing' | 'hr' | 'finance';

/** The value one office holds for the item a finding compares (null: it has no record). */
export interface HeldValue {
  office: FindingOffice;
  item: string;
  value: string | null;
}

/** What a check finds, before a run stores it: `key` names the problem so the next run can recognise it. */
export interface FindingDraft {
  key: string;
  type: FindingType;
  severity: FindingSeverity;
  offices: FindingOffice[];
  mustAct: FindingOffice;
  creditCode: string | null;
  idNumber: string | null;
  description: string;
  values: HeldValue[];
}

/** Everything the four offices hold about one ID number, gathered by the run's merge of their sorted reads. */
export interface PersonRecord {
  idNumber: string;
  ledger: { creditCode: string; category: string; name: string; staffingCardNumber: string | null } | null;
  cards: { number: string; creditCode: string; category: string }[];
  removals: { id: string; creditCode: string; reason: string; effectiveOn: string }[];
  stopPayNotices: { number: string; creditCode: string; issuedAt: string }[];
  hr: {
    name: string;
    employment: { creditCode: string; type: string; since: string } | null;
    insurance: { pensionAccount: string; enrolled: boolean; occupationalAnnuity: boolean } | null;
  } | null;
  cadre: { name: string; creditCode: string; leadership: boolean } | null;
  payroll: { nameOnRecord: string; creditCode: string; onPayroll: boolean; lastPaidMonth: string | null } | null;
  appliedStopPays: { noticeNumber: string; appliedAt: string; outcome: string }[];
}

/** One institution's figures from the four offices, summed by the run while it reads. */
export interface InstitutionFigures {
  creditCode: string;
  name: string;
  level: string;
  system: string;
  fundingForm: string;
  leadershipPostsApproved: number;
  /** Per quota category: approved by the Staffing Office, and occupied on its ledger. */
  quotas: Map<string, { approved: number; occupied: number }>;
  budget: { fundingForm: string; budgetedHeadcount: number } | null;
  /** In-quota employments at HR. */
  employedInQuota: number;
  /** Cadres in leadership posts at Organization. */
  leadershipFilled: number;
}
