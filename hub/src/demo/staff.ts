import { randomCategory } from './categories.ts';
import type { IdNumberFactory } from './idNumbers.ts';
import type { InstitutionDraft } from './institutions.ts';
import { makePerson, type PersonDraft } from './persons.ts';
import type { Random } from './random.ts';
import type { EmploymentType } from './types.ts';

const NON_QUOTA: readonly (readonly [EmploymentType, number])[] = [
  ['PERSONNEL_AGENCY', 40],
  ['LABOR_DISPATCH', 40],
  ['TEMPORARY', 20],
];

/** Everyone currently working in the institutions: in quota first, then 人事代理 / 劳务派遣 / 临聘. */
export function staffInstitutions(rng: Random, ids: IdNumberFactory, drafts: InstitutionDraft[], small: InstitutionDraft): PersonDraft[] {
  const out: PersonDraft[] = [];
  for (const d of drafts) {
    for (let i = 0; i < d.inQuota; i++) {
      out.push(makePerson(rng, ids, { institution: d, employment: 'IN_QUOTA', category: randomCategory(rng, d, d === small || d.inQuota <= 5) }));
    }
    for (let i = 0; i < d.nonQuota; i++) {
      out.push(makePerson(rng, ids, { institution: d, employment: rng.weighted(NON_QUOTA), category: null }));
    }
  }
  return out;
}
