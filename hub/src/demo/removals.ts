import { randomCategory } from './categories.ts';
import { addDays, addYears, endOfMonth, minIso, TODAY, toDay, toIso } from './dates.ts';
import type { IdNumberFactory } from './idNumbers.ts';
import type { InstitutionDraft } from './institutions.ts';
import { birthDateForAge, makePerson, type PersonDraft } from './persons.ts';
import type { Random } from './random.ts';
import type { RemovalReason, RemovalRow } from './types.ts';

const REASONS: readonly (readonly [RemovalReason, number])[] = [
  ['RETIREMENT', 45],
  ['TRANSFER_OUT', 24],
  ['RESIGNATION', 12],
  ['CONTRACT_END', 6],
  ['DEATH', 4],
  ['DISMISSAL', 3],
  ['STRUCK_OFF', 4],
  ['EXPULSION', 2],
];

export interface Removed {
  person: PersonDraft;
  removal: RemovalRow;
}

const randomDay = (rng: Random, from: string, to: string) => toIso(rng.int(toDay(from), toDay(to)));

/** Retirement at 60 (men) or 55 (women), effective at the end of the birthday month, 2025-01 … 2026-09. */
function retirement(rng: Random, male: boolean): { birthDate: string; effectiveOn: string } {
  const birthDate = male ? randomDay(rng, '1965-11-02', '1966-09-30') : randomDay(rng, '1970-01-01', '1971-09-30');
  return { birthDate, effectiveOn: endOfMonth(addYears(birthDate, male ? 60 : 55)) };
}

/** Persons who left the quota in the last two years (人员核减), reported monthly by their units. */
export function makeRemovals(rng: Random, ids: IdNumberFactory, drafts: InstitutionDraft[], count: number): Removed[] {
  const weights = drafts.map((d) => [d, d.inQuota] as const);
  const out: Removed[] = [];
  for (let i = 0; i < count; i++) {
    const institution = rng.weighted(weights);
    const reason = rng.weighted(REASONS);
    const gender = rng.chance(0.55) ? 'MALE' : 'FEMALE';
    const dates =
      reason === 'RETIREMENT'
        ? retirement(rng, gender === 'MALE')
        : { birthDate: birthDateForAge(rng, rng.int(27, 58)), effectiveOn: randomDay(rng, '2025-01-01', '2026-09-30') };
    const category = randomCategory(rng, institution, false);
    const person = makePerson(rng, ids, { institution, employment: null, category, gender, birthDate: dates.birthDate });
    person.unitJoinDate = minIso(person.unitJoinDate, addDays(dates.effectiveOn, -rng.int(120, 2000)));
    person.workStartDate = minIso(person.workStartDate, person.unitJoinDate);
    person.employmentSince = person.unitJoinDate;
    const reportedOn = minIso(addDays(dates.effectiveOn, rng.int(3, 35)), addDays(TODAY, -1));
    out.push({
      person,
      removal: { idNumber: person.idNumber, institutionCreditCode: institution.row.creditCode, reason, effectiveOn: dates.effectiveOn, reportedOn },
    });
  }
  return out;
}
