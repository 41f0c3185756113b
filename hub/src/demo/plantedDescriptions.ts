import type { PlantedProblem } from './types.ts';

/** One line per planted problem, in Chinese and English, for the README and test names. */
export const PLANTED_DESCRIPTIONS: Record<PlantedProblem, { zh: string; en: string }> = {
  removedStillPaid: {
    zh: '已核减（退休）人员仍在财政工资发放名单上（吃空饷）',
    en: 'a person removed from the quota (retired) is still on the finance payroll ("ghost pay")',
  },
  overQuota: {
    zh: '某单位某类编制实有人数超过核定数2人（超编）',
    en: 'one institution has 2 more persons on the ledger than approved in one quota category (over quota)',
  },
  uninsured: {
    zh: '在编人员未参加机关事业单位养老保险',
    en: 'an in-quota person is not enrolled in the public-institution pension insurance',
  },
  twoCards: {
    zh: '同一人在两个单位持有两张有效编制卡（一人多卡）',
    en: 'one person holds two active staffing cards in two different institutions',
  },
  mistypedId: {
    zh: '财政工资记录中的公民身份号码录入错误（顺序码错一位，校验码仍有效）',
    en: 'a payroll record is keyed by a mistyped, still valid ID number (one sequence digit changed)',
  },
  fundingMismatch: {
    zh: '预算单位的经费形式与编办核定的经费形式不一致',
    en: "a budget unit's funding form differs from the one the Staffing Office approved",
  },
  cadreNotOnLedger: {
    zh: '担任领导职务的干部不在实名制台账上（劳务派遣/人事代理人员）',
    en: 'a cadre in a leadership post is not on the staffing ledger (employed through dispatch or agency)',
  },
};
