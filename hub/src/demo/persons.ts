import { addDays, addYears, ageOn, maxIso, minIso, TODAY, TODAY_DAY, toDay, toIso } from './dates.ts';
import { randomEthnicity } from './ethnicities.ts';
import { randomEducation, START_AGE } from './education.ts';
import type { IdNumberFactory } from './idNumbers.ts';
import { isOrgan, type InstitutionDraft } from './institutions.ts';
import { randomName, type Gender } from './names.ts';
import { randomPlace } from './places.ts';
import { randomPoliticalStatus } from './politicalStatus.ts';
import { legalLadder, staffPost } from './posts.ts';
import type { Random } from './random.ts';
import { randomTitle } from './titles.ts';
import type { Degree, Education, EmploymentType, QuotaCategory, TitleLevel } from './types.ts';

/** A person while the city is being built; the office rows are cut from it at the end. */
export interface PersonDraft {
  idNumber: string;
  name: string;
  gender: Gender;
  birthDate: string;
  ethnicity: string;
  nativePlace: string;
  education: Education;
  degree: Degree;
  titleName: string | null;
  titleLevel: TitleLevel | null;
  politicalStatus: string;
  institution: InstitutionDraft;
  /** Current employment, or null for someone removed from the quota. */
  employment: EmploymentType | null;
  /** In-quota category (current or, for the removed, former). */
  category: QuotaCategory | null;
  post: string;
  workStartDate: string;
  unitJoinDate: string;
  employmentSince: string;
  cadre: boolean;
}

export interface PersonSpec {
  institution: InstitutionDraft;
  employment: EmploymentType | null;
  category: QuotaCategory | null;
  gender?: Gender;
  birthDate?: string;
}

/** Birth date for an age in whole years on TODAY (22–59). */
export const birthDateForAge = (rng: Random, age: number): string => addDays(addYears(TODAY, -age), -rng.int(0, 364));

function randomAge(rng: Random, inQuota: boolean): number {
  if (!inQuota) return 22 + Math.floor(rng.next() ** 1.4 * 34);
  return 22 + Math.floor(((rng.next() + rng.next()) / 2) * 38);
}

/** Draws a complete person working (or having worked) in an institution. */
export function makePerson(rng: Random, ids: IdNumberFactory, spec: PersonSpec): PersonDraft {
  const d = spec.institution;
  const inQuota = spec.category !== null;
  const gender = spec.gender ?? (rng.chance(0.55) ? 'MALE' : 'FEMALE');
  const birthDate = spec.birthDate ?? birthDateForAge(rng, randomAge(rng, inQuota));
  const age = ageOn(birthDate);
  const place = randomPlace(rng);
  const worker = spec.category === 'WORKER';
  const { education, degree } = randomEducation(rng, d.template.role, age, worker, inQuota);
  const title = randomTitle(rng, d.titles, age, education, inQuota && !worker && !isOrgan(d));
  const [lo, hi] = START_AGE[education];
  const started = toDay(addYears(birthDate, rng.int(lo, hi))) + rng.int(150, 300);
  const workStartDate = toIso(Math.max(toDay(addYears(birthDate, 18)), Math.min(started, TODAY_DAY - rng.int(30, 120))));
  const unitJoinDate = rng.chance(0.55) ? workStartDate : toIso(rng.int(toDay(workStartDate), Math.max(toDay(workStartDate), TODAY_DAY - 60)));
  const employmentSince = inQuota ? unitJoinDate : minIso(TODAY, maxIso(workStartDate, toIso(rng.int(toDay('2013-01-01'), TODAY_DAY - 10))));
  return {
    idNumber: ids.issue(place.regionCode, birthDate, gender),
    name: randomName(rng, gender),
    gender,
    birthDate,
    ethnicity: randomEthnicity(rng),
    nativePlace: place.nativePlace,
    education,
    degree,
    ...title,
    politicalStatus: randomPoliticalStatus(rng, isOrgan(d), age),
    institution: d,
    employment: spec.employment,
    category: spec.category,
    post: spec.category ? staffPost(rng, spec.category, isOrgan(d), age, title.titleName, legalLadder(d.row.name, d.template.role)) : '',
    workStartDate,
    unitJoinDate,
    employmentSince,
    cadre: false,
  };
}
