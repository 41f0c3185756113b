import type { Role } from './templates.ts';
import type { FundingForm } from './types.ts';

/** Which professional-title series a unit's professional staff hold. */
export type TitleTrack = 'teacher' | 'medical' | 'publicHealth' | 'engineer' | 'agronomist' | 'librarian' | 'none';

export interface RoleProfile {
  /** In-quota headcount range at city level (district units are scaled down). */
  size: readonly [number, number];
  /** Non-quota staff (人事代理, 劳务派遣, 临聘) relative to in-quota staff. */
  nonQuota: number;
  titles: TitleTrack;
  funding: FundingForm;
  /** 领导职数 approved, before the district adjustment. */
  leaders: readonly [number, number];
}

const p = (size: [number, number], nonQuota: number, titles: TitleTrack, funding: FundingForm, leaders: [number, number]): RoleProfile => ({
  size,
  nonQuota,
  titles,
  funding,
  leaders,
});

export const ROLE_PROFILES: Record<Role, RoleProfile> = {
  organ: p([28, 85], 0.25, 'none', 'FULL', [4, 7]),
  police: p([260, 380], 0.6, 'none', 'FULL', [6, 9]),
  lawOrgan: p([45, 160], 0.3, 'none', 'FULL', [4, 7]),
  mass: p([10, 32], 0.2, 'none', 'FULL', [2, 4]),
  mainHospital: p([560, 620], 0.45, 'medical', 'PARTIAL', [7, 9]),
  hospital: p([220, 420], 0.45, 'medical', 'PARTIAL', [5, 7]),
  healthCenter: p([22, 45], 0.5, 'medical', 'PARTIAL', [2, 4]),
  publicHealth: p([60, 110], 0.25, 'publicHealth', 'FULL', [4, 6]),
  highSchool: p([110, 210], 0.15, 'teacher', 'FULL', [4, 6]),
  primarySchool: p([55, 120], 0.15, 'teacher', 'FULL', [3, 5]),
  vocational: p([80, 140], 0.2, 'teacher', 'FULL', [4, 6]),
  agriTech: p([25, 60], 0.2, 'agronomist', 'FULL', [3, 5]),
  engineering: p([30, 80], 0.3, 'engineer', 'FULL', [3, 5]),
  culture: p([20, 60], 0.3, 'librarian', 'FULL', [3, 5]),
  service: p([15, 55], 0.35, 'none', 'FULL', [2, 4]),
  townGov: p([28, 50], 0.6, 'none', 'FULL', [5, 8]),
  townParty: p([8, 16], 0.2, 'none', 'FULL', [3, 5]),
  townService: p([5, 14], 0.3, 'agronomist', 'FULL', [2, 3]),
};
