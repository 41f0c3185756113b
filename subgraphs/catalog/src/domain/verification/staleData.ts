import { previousMonth } from '@hub/schema';
import { draft } from './draft.ts';
import type { FindingDraft, FindingOffice } from './types.ts';

/** The newest month an office's monthly data may have reached by `month` without being late: the month before. */
const CYCLE_MONTHS: Record<string, number> = { REALTIME: 1, DAILY: 1, MONTHLY: 1, QUARTERLY: 3, YEARLY: 12 };

/**
 * STALE_DATA (DESIGN §4: the provider answers for its data's freshness): an office's latest month of
 * monthly data (Finance's payroll) is older than its catalog entry's update cycle allows, counted from
 * the month before the run's month. Null when it is fresh or there is no data to judge.
 */
export function staleData(
  office: FindingOffice,
  item: string,
  entryCode: string,
  updateCycle: string,
  latestMonth: string | null,
  runMonth: string,
): FindingDraft | null {
  if (latestMonth === null) return null;
  let due = runMonth;
  for (let i = 0; i < (CYCLE_MONTHS[updateCycle] ?? 1); i++) due = previousMonth(due);
  if (latestMonth >= due) return null;
  return draft(
    'STALE_DATA',
    'LOW',
    office,
    { extra: `${office}:${item}` },
    [
      `${item} 最新为 ${latestMonth}，按目录 ${entryCode} 的更新周期（${updateCycle}）应已更新至 ${due}`,
      `${item} stops at ${latestMonth}; catalog entry ${entryCode} (${updateCycle}) calls for ${due}`,
    ],
    [{ office, item, value: latestMonth }],
  );
}
