/**
 * A PostgreSQL array literal (`{"a","b",NULL}`) of values, sent as one text parameter and cast on the
 * server (`$1::text[]`): a batch of a thousand rows is then a dozen parameters, not twelve thousand,
 * which drizzle would build one by one (its query building was most of an import's time) and both
 * drivers pass the same way.
 */
export function pgArray(values: readonly unknown[]): string {
  const items = values.map((value) => {
    if (value === null || value === undefined) return 'NULL';
    const text = value instanceof Date ? value.toISOString() : typeof value === 'boolean' ? (value ? 't' : 'f') : String(value);
    return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  });
  return `{${items.join(',')}}`;
}
