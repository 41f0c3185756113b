import { appointCadres } from './cadres.ts';
import { financeRows } from './financeRows.ts';
import { hiringRows } from './hiring.ts';
import { hrRows } from './hrRows.ts';
import { IdNumberFactory } from './idNumbers.ts';
import { buildInstitutions } from './institutions.ts';
import { plantProblems } from './planted.ts';
import { Random } from './random.ts';
import { makeRemovalReports } from './removalReports.ts';
import { pastLeaders } from './pastLeaders.ts';
import { makeRemovals } from './removals.ts';
import { planSizes } from './sizing.ts';
import { staffInstitutions } from './staff.ts';
import { staffingRows } from './staffingRows.ts';
import type { City, CleanCity, GenerateCityOptions } from './types.ts';

export const DEFAULT_SEED = 20261126;
const IN_QUOTA_SHARE = 0.75;
const CADRE_SHARE = 0.08;

/**
 * A deterministic demo city (河南省中州市): the four offices' seed rows and the problems planted in
 * them, or with `plant: false` a clean city of the same rows with nothing for a verification to find.
 * Same options, same output; "today" is 2026-11-01.
 */
export function generateCity(options?: GenerateCityOptions & { plant?: true }): City;
export function generateCity(options: GenerateCityOptions & { plant: false }): CleanCity;
export function generateCity(options?: GenerateCityOptions): City | CleanCity;
export function generateCity(options: GenerateCityOptions = {}): City | CleanCity {
  const { seed = DEFAULT_SEED, institutions = 320, persons = 21000, plant = true } = options;
  if (!Number.isInteger(institutions) || institutions < 3) throw new RangeError('generateCity: institutions must be an integer ≥ 3');
  if (!Number.isInteger(persons) || persons < institutions * 8) throw new RangeError('generateCity: persons must be an integer ≥ 8 × institutions');
  const rng = new Random(seed);
  const ids = new IdNumberFactory(rng);
  const drafts = buildInstitutions(rng, institutions);
  const removedCount = Math.min(150, Math.max(3, Math.round(persons / 140)));
  const working = persons - removedCount;
  const inQuotaTarget = Math.round(working * IN_QUOTA_SHARE);
  const { small, large } = planSizes(rng, drafts, inQuotaTarget, working - inQuotaTarget);
  const staff = staffInstitutions(rng, ids, drafts, small);
  const inQuota = staff.filter((p) => p.employment === 'IN_QUOTA');
  const cadres = appointCadres(rng, drafts, inQuota, CADRE_SHARE);
  const removed = makeRemovals(
    rng,
    ids,
    drafts.filter((d) => d !== small),
    removedCount,
  );
  const staffing = staffingRows(rng, drafts, inQuota, removed);
  const city: Omit<City, 'planted'> = {
    staffing,
    hr: hrRows([...staff, ...removed.map((r) => r.person)]),
    organization: { cadres, pastCadrePosts: pastLeaders(removed, cadres) },
    finance: financeRows(rng, drafts, staffing.quotas, inQuota, removed),
  };
  // Planted last of the office rows, so a clean city's rows are the planted city's before planting.
  const planted = plant ? plantProblems(rng, city, { drafts, staff, removed, ids, small, large }) : null;
  // Drawn last from the city's stream, so the rows above stay as they were before reports were generated.
  staffing.monthlyRemovalReports = makeRemovalReports(rng, staffing.institutions, staffing.removals, { everyUnit: !plant });
  // Hiring in progress draws from a stream of its own (hiring.ts), so nothing above changes with it.
  const hiring = hiringRows(seed, city.staffing, { allValid: !plant });
  const rows = { ...city, staffing: { ...city.staffing, ...hiring.staffing }, hr: { ...city.hr, ...hiring.hr } };
  return planted ? { ...rows, planted } : { ...rows, planted: null };
}
