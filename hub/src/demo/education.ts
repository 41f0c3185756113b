import type { Random } from './random.ts';
import type { Role } from './templates.ts';
import type { Degree, Education } from './types.ts';

type Mix = readonly (readonly [Education, number])[];

const MIX: Record<'organ' | 'medical' | 'school' | 'township' | 'worker' | 'nonQuota' | 'other', Mix> = {
  organ: [
    ['POSTGRADUATE', 18],
    ['UNDERGRADUATE', 70],
    ['JUNIOR_COLLEGE', 10],
    ['SECONDARY_VOCATIONAL', 2],
  ],
  medical: [
    ['POSTGRADUATE', 28],
    ['UNDERGRADUATE', 52],
    ['JUNIOR_COLLEGE', 16],
    ['SECONDARY_VOCATIONAL', 4],
  ],
  school: [
    ['POSTGRADUATE', 12],
    ['UNDERGRADUATE', 76],
    ['JUNIOR_COLLEGE', 11],
    ['SECONDARY_VOCATIONAL', 1],
  ],
  township: [
    ['POSTGRADUATE', 4],
    ['UNDERGRADUATE', 58],
    ['JUNIOR_COLLEGE', 30],
    ['SECONDARY_VOCATIONAL', 8],
  ],
  worker: [
    ['JUNIOR_COLLEGE', 25],
    ['SECONDARY_VOCATIONAL', 30],
    ['HIGH_SCHOOL_OR_BELOW', 45],
  ],
  nonQuota: [
    ['UNDERGRADUATE', 35],
    ['JUNIOR_COLLEGE', 38],
    ['SECONDARY_VOCATIONAL', 15],
    ['HIGH_SCHOOL_OR_BELOW', 12],
  ],
  other: [
    ['POSTGRADUATE', 14],
    ['UNDERGRADUATE', 66],
    ['JUNIOR_COLLEGE', 17],
    ['SECONDARY_VOCATIONAL', 3],
  ],
};

function mixFor(role: Role, worker: boolean, inQuota: boolean): Mix {
  if (!inQuota) return MIX.nonQuota;
  if (worker) return MIX.worker;
  if (role === 'mainHospital' || role === 'hospital' || role === 'publicHealth') return MIX.medical;
  if (role === 'highSchool' || role === 'primarySchool' || role === 'vocational') return MIX.school;
  if (role === 'healthCenter' || role === 'townGov' || role === 'townParty' || role === 'townService') return MIX.township;
  if (role === 'organ' || role === 'police' || role === 'lawOrgan' || role === 'mass') return MIX.organ;
  return MIX.other;
}

/** 学历 and 学位 that fit the unit, the staff category and the person's age. */
export function randomEducation(rng: Random, role: Role, age: number, worker: boolean, inQuota: boolean): { education: Education; degree: Degree } {
  let education = rng.weighted(mixFor(role, worker, inQuota));
  if (education === 'POSTGRADUATE' && age < 25) education = 'UNDERGRADUATE';
  if (education === 'UNDERGRADUATE' && age > 52 && rng.chance(0.3)) education = 'JUNIOR_COLLEGE';
  const doctorShare = role === 'mainHospital' || role === 'hospital' ? 0.22 : 0.06;
  const degree: Degree =
    education === 'POSTGRADUATE'
      ? age >= 28 && rng.chance(doctorShare)
        ? 'DOCTOR'
        : 'MASTER'
      : education === 'UNDERGRADUATE'
        ? rng.chance(0.92)
          ? 'BACHELOR'
          : 'NONE'
        : 'NONE';
  return { education, degree };
}

/** Typical age at which someone with this education starts work. */
export const START_AGE: Record<Education, readonly [number, number]> = {
  POSTGRADUATE: [25, 27],
  UNDERGRADUATE: [22, 23],
  JUNIOR_COLLEGE: [20, 21],
  SECONDARY_VOCATIONAL: [18, 19],
  HIGH_SCHOOL_OR_BELOW: [18, 20],
};
