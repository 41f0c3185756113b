/** Objects in an answer below its root: the "rows returned" of the operation log. Leaves are skipped without a call. */
export function countRows(value: unknown, depth = 0): number {
  if (value === null || typeof value !== 'object') return 0;
  let n = 0;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) n += countRows(value[i], depth);
    return n;
  }
  if (depth > 0) n = 1;
  const object = value as Record<string, unknown>;
  for (const key in object) {
    const child = object[key];
    if (child !== null && typeof child === 'object') n += countRows(child, depth + 1);
  }
  return n;
}
