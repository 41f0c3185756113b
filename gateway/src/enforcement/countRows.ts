/** Objects in an answer below its root: the "rows returned" of the operation log. */
export function countRows(value: unknown, depth = 0): number {
  if (Array.isArray(value)) return value.reduce((n: number, item) => n + countRows(item, depth), 0);
  if (!value || typeof value !== 'object') return 0;
  let n = depth > 0 ? 1 : 0;
  for (const key in value as Record<string, unknown>) n += countRows((value as Record<string, unknown>)[key], depth + 1);
  return n;
}
