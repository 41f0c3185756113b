import { addDays, endOfMonth, TODAY } from './dates.ts';
import type { Random } from './random.ts';
import type { InstitutionRow, MonthlyRemovalReportRow, RemovalRow } from './types.ts';

/** The months the demo city's units have had to report by TODAY (2026-11-01): August to October 2026. */
export const REPORTED_MONTHS = ['2026-08', '2026-09', '2026-10'] as const;

/** How many units have reported none of those months (persistent non-reporters, candidates for a freeze). */
export const PERSISTENT_NON_REPORTERS = 3;

/**
 * 人员核减月报: most units report each month in its last days, some a few days late, about one in
 * twelve not at all, and a few units none of the three months. A report counts the unit's removals
 * effective in the month that it had already reported to the Staffing Office by then. `everyUnit`
 * (a clean city): every unit reports every month, some still a few days late.
 */
export function makeRemovalReports(
  rng: Random,
  institutions: readonly InstitutionRow[],
  removals: readonly RemovalRow[],
  { everyUnit = false }: { everyUnit?: boolean } = {},
): MonthlyRemovalReportRow[] {
  const silent = new Set(
    rng
      .shuffle([...institutions])
      .slice(0, everyUnit ? 0 : PERSISTENT_NON_REPORTERS)
      .map((i) => i.creditCode),
  );
  const reports: MonthlyRemovalReportRow[] = [];
  for (const month of REPORTED_MONTHS) {
    const lastDay = endOfMonth(`${month}-01`);
    for (const institution of institutions) {
      if (silent.has(institution.creditCode) || (rng.chance(0.08) && !everyUnit)) continue;
      const day = rng.chance(0.85) ? addDays(lastDay, -rng.int(0, 6)) : addDays(lastDay, rng.int(1, 6));
      const submittedOn = day < TODAY ? day : addDays(TODAY, -1);
      const submittedAt = new Date(`${submittedOn}T${String(rng.int(8, 17)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00+08:00`);
      const removalCount = removals.filter(
        (r) => r.institutionCreditCode === institution.creditCode && r.effectiveOn.startsWith(month) && r.reportedOn <= submittedOn,
      ).length;
      reports.push({ institutionCreditCode: institution.creditCode, month, removalCount, submittedAt, submittedBy: `unit-operator-${institution.creditCode}` });
    }
  }
  return reports;
}
