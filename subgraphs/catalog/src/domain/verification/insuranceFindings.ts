import { draft } from './draft.ts';
import type { FindingDraft, PersonRecord } from './types.ts';

/** 机关事业单位养老保险制度改革 (国发〔2015〕2号) took effect on 2014-10-01. */
export const PENSION_REFORM_DAY = '2014-10-01';

/**
 * The pension account an employment calls for: in quota, the public-institution account with an
 * occupational annuity (事业在编户, 职业年金); personnel agency before the reform, the public-institution
 * agency account (事业人事代理户); everyone else, the enterprise account (企业户).
 */
export function expectedPensionAccount(type: string, since: string): { account: string; annuity: boolean } {
  if (type === 'IN_QUOTA') return { account: 'PUBLIC_INSTITUTION', annuity: true };
  if (type === 'PERSONNEL_AGENCY' && since < PENSION_REFORM_DAY) return { account: 'PUBLIC_INSTITUTION_AGENCY', annuity: false };
  return { account: 'ENTERPRISE', annuity: false };
}

/**
 * HR's insurance against employment (DESIGN §3.5, HR's enrollment against the roster):
 * IN_QUOTA_NOT_INSURED for in-quota staff (on the ledger or employed in quota) not enrolled;
 * WRONG_PENSION_ACCOUNT for an enrolled person in the wrong account, or in quota without the annuity.
 */
export function insuranceFindings(p: PersonRecord): FindingDraft[] {
  const employment = p.hr?.employment ?? null;
  const insurance = p.hr?.insurance ?? null;
  const inQuota = employment?.type === 'IN_QUOTA' || (p.ledger !== null && p.hr !== null);
  const creditCode = employment?.creditCode ?? p.ledger?.creditCode ?? null;
  if (inQuota && !insurance?.enrolled) {
    return [
      draft(
        'IN_QUOTA_NOT_INSURED',
        'MEDIUM',
        'hr',
        { idNumber: p.idNumber, creditCode },
        ['在编人员未参加机关事业单位养老保险', 'in quota but not enrolled in the public-institution pension insurance'],
        [
          { office: 'staffing', item: 'LedgerEntry.quotaCategory', value: p.ledger?.category ?? null },
          { office: 'hr', item: 'Employment.type', value: employment?.type ?? null },
          { office: 'hr', item: 'Insurance.enrolled', value: insurance ? String(insurance.enrolled) : null },
        ],
      ),
    ];
  }
  if (!employment || !insurance?.enrolled) return [];
  const expected = expectedPensionAccount(employment.type, employment.since);
  if (insurance.pensionAccount === expected.account && insurance.occupationalAnnuity === expected.annuity) return [];
  return [
    draft(
      'WRONG_PENSION_ACCOUNT',
      'MEDIUM',
      'hr',
      { idNumber: p.idNumber, creditCode },
      [
        `养老保险账户应为 ${expected.account}${expected.annuity ? '（含职业年金）' : ''}，实为 ${insurance.pensionAccount}${insurance.occupationalAnnuity ? '（含职业年金）' : ''}`,
        `the pension account should be ${expected.account}${expected.annuity ? ' with an occupational annuity' : ''}, it is ${insurance.pensionAccount}${insurance.occupationalAnnuity ? ' with an annuity' : ''}`,
      ],
      [
        { office: 'hr', item: 'Employment.type', value: employment.type },
        { office: 'hr', item: 'Employment.since', value: employment.since },
        { office: 'hr', item: 'Insurance.pensionAccount', value: insurance.pensionAccount },
        { office: 'hr', item: 'Insurance.occupationalAnnuity', value: String(insurance.occupationalAnnuity) },
      ],
    ),
  ];
}
