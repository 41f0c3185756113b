import { maxIso } from './dates.ts';
import type { PersonDraft } from './persons.ts';
import type { City, InsuranceRow } from './types.ts';

/** 机关事业单位养老保险 started on 2014-10-01; in-quota staff were enrolled from then or from joining. */
const REFORM = '2014-10-01';

function insurance(p: PersonDraft): InsuranceRow {
  if (p.employment === 'IN_QUOTA') {
    return { idNumber: p.idNumber, pensionAccount: 'PUBLIC_INSTITUTION', enrolled: true, occupationalAnnuity: true, since: maxIso(p.unitJoinDate, REFORM) };
  }
  // 人事代理 staff who joined before the reform stay in the public-institution agency account (事业人事代理户); later ones, and everyone else out of quota, are in the enterprise account.
  const agencyAccount = p.employment === 'PERSONNEL_AGENCY' && p.employmentSince < REFORM;
  return {
    idNumber: p.idNumber,
    pensionAccount: agencyAccount ? 'PUBLIC_INSTITUTION_AGENCY' : 'ENTERPRISE',
    enrolled: true,
    occupationalAnnuity: false,
    since: p.employmentSince,
  };
}

/**
 * HR's rows: identity and qualifications of everyone (the removed included), and employment and
 * insurance of everyone still working.
 */
export function hrRows(everyone: PersonDraft[]): City['hr'] {
  const working = everyone.filter((p) => p.employment !== null);
  return {
    persons: everyone.map((p) => ({
      idNumber: p.idNumber,
      name: p.name,
      ethnicity: p.ethnicity,
      nativePlace: p.nativePlace,
      education: p.education,
      degree: p.degree,
      titleName: p.titleName,
      titleLevel: p.titleLevel,
    })),
    employments: working.map((p) => ({
      idNumber: p.idNumber,
      institutionCreditCode: p.institution.row.creditCode,
      type: p.employment!,
      since: p.employmentSince,
    })),
    insurances: working.map(insurance),
  };
}
