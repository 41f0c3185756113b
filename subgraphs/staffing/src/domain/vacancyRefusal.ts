/** The figures of one quota category the vacancy rule reads: 核定数, 实有数 (from the ledger), 已审批未入编. */
export interface QuotaUse {
  approved: number;
  occupied: number;
  reserved: number;
}

/** Which of the three hiring rules (DESIGN §3.1) an approval would break, with the vacancy it saw. */
export interface VacancyRefusal {
  code: 'NO_QUOTA' | 'OVER_QUOTA' | 'NO_VACANCY';
  /** approved − occupied − reserved: negative when over quota. */
  vacant: number;
}

/**
 * 无编不能进人、超编不能进人、空编才能进人: no approved quota of the category refuses (NO_QUOTA); a category
 * already over its quota (occupied + reserved above approved) refuses (OVER_QUOTA); otherwise the
 * vacancy must hold every person approved (NO_VACANCY). Pending approvals count: their persons are reserved.
 */
export function vacancyRefusal(quota: QuotaUse | null, persons: number): VacancyRefusal | null {
  if (!quota || quota.approved <= 0) return { code: 'NO_QUOTA', vacant: quota ? quota.approved - quota.occupied - quota.reserved : 0 };
  const vacant = quota.approved - quota.occupied - quota.reserved;
  if (vacant < 0) return { code: 'OVER_QUOTA', vacant };
  if (vacant < persons) return { code: 'NO_VACANCY', vacant };
  return null;
}
