import { type SQL, sql } from 'drizzle-orm';

/**
 * `column` is one of `creditCodes`, as SQL: `column in (select unnest(string_to_array($1, ',')))` with
 * the codes as one text parameter. PostgreSQL plans it as a hash semi-join, one lookup per row
 * whatever the number of codes (a city has thousands of institutions), where `in ($1 … $n)` would
 * bind thousands of parameters and may test each row against the list one by one. Credit codes have
 * no comma (GB 32100: digits and capital letters).
 */
export function inScopeSql(column: unknown, creditCodes: readonly string[]): SQL {
  return sql`${column} in (select unnest(string_to_array(${creditCodes.join(',')}::text, ',')))`;
}
