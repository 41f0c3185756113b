import type { RequestRow } from '../catalogStore.ts';
import { beijingDate } from './beijingTime.ts';

/**
 * A pending request whose due day (the 10th working day, DESIGN §4) has passed in Beijing: the
 * provider may still answer on the due day itself.
 */
export function requestOverdue(request: Pick<RequestRow, 'status' | 'dueOn'>, now: Date): boolean {
  return request.status === 'PENDING' && beijingDate(now) > request.dueOn;
}
