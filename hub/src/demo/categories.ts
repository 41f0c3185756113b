import { isOrgan, type InstitutionDraft } from './institutions.ts';
import type { Random } from './random.ts';
import type { QuotaCategory } from './types.ts';

/** The quota categories an institution is approved in: its main one(s) plus 工勤编制. */
export function expectedCategories(d: InstitutionDraft): QuotaCategory[] {
  if (!isOrgan(d)) return ['PUBLIC_SERVICE', 'WORKER'];
  return d.row.system === 'POLITICS_AND_LAW' ? ['POLITICAL_LEGAL', 'ADMINISTRATIVE', 'WORKER'] : ['ADMINISTRATIVE', 'WORKER'];
}

/** The category of one in-quota person; units of five or fewer use their main category only. */
export function randomCategory(rng: Random, d: InstitutionDraft, small: boolean): QuotaCategory {
  const [main, second] = expectedCategories(d);
  if (small) return main!;
  if (!isOrgan(d)) return rng.chance(0.07) ? 'WORKER' : 'PUBLIC_SERVICE';
  if (second === 'ADMINISTRATIVE')
    return rng.weighted([
      ['POLITICAL_LEGAL', 75],
      ['ADMINISTRATIVE', 16],
      ['WORKER', 9],
    ] as const);
  return rng.chance(0.1) ? 'WORKER' : 'ADMINISTRATIVE';
}
