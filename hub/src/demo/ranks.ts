import type { InstitutionDraft } from './institutions.ts';
import type { Rank } from './types.ts';

/** 职级, highest first. */
export const RANK_LADDER: readonly Rank[] = ['DEPUTY_BUREAU', 'DIVISION', 'DEPUTY_DIVISION', 'SECTION', 'DEPUTY_SECTION', 'PRINCIPAL_STAFF', 'STAFF'];

const CITY_STANDING_COMMITTEE = /中共.+(纪律检查委员会|委组织部|委宣传部|委统一战线工作部|委政法委员会)$/;
const DISTRICT_STANDING_COMMITTEE = /中共.+区(纪律检查委员会|委组织部|委宣传部|委政法委员会|委办公室)$/;

/** Index in RANK_LADDER of the head of an institution; deputies sit one step lower. */
export function headRankIndex(d: InstitutionDraft): number {
  const { role } = d.template;
  const { level, kind, name } = d.row;
  const organ = kind !== 'PUBLIC_INSTITUTION';
  if (level === 'CITY') {
    if (CITY_STANDING_COMMITTEE.test(name)) return 0;
    if (organ || role === 'mainHospital' || role === 'hospital') return 1;
    return role === 'highSchool' || role === 'vocational' || role === 'publicHealth' ? 2 : 3;
  }
  if (level === 'DISTRICT') {
    if (DISTRICT_STANDING_COMMITTEE.test(name) || role === 'police' || /(法院|检察院)$/.test(name)) return 2;
    if (organ || role === 'hospital' || role === 'highSchool') return 3;
    return 4;
  }
  if (role === 'townGov' || role === 'townParty') return 3;
  return role === 'healthCenter' || role === 'primarySchool' ? 4 : 5;
}

export const rankAt = (index: number): Rank => RANK_LADDER[Math.min(RANK_LADDER.length - 1, index)]!;
