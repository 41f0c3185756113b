import type { RequestRow } from '../db/queries.ts';

/** Pending and past its answer date (Beijing day): the provider is late (10 working days, DESIGN §4). */
export const isOverdue = (request: Pick<RequestRow, 'status' | 'dueOn'>, today: string) => request.status === 'PENDING' && today > request.dueOn;

/** Database ids are positive 32-bit integers; anything else names no row. */
export function parseId(id: string): number | null {
  if (!/^[1-9]\d{0,9}$/.test(id)) return null;
  const n = Number(id);
  return n <= 2_147_483_647 ? n : null;
}
